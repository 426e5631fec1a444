#include "ConfigLogging.h"

Q_LOGGING_CATEGORY(lcConfig, "onestop.config")
