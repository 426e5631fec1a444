#include "CameraLogging.h"

Q_LOGGING_CATEGORY(lcCamera, "onestop.camera", QtInfoMsg)
