#include "UsbLogging.h"

Q_LOGGING_CATEGORY(lcUsb, "onestop.usb", QtInfoMsg)
