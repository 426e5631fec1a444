#pragma once

#include <QLoggingCategory>

// "onestop.usb": context start/stop, hotplug, open/claim/close, transfer failures. Never payload bytes
// (a SAM answer carries a resident's name and ID number).
Q_DECLARE_LOGGING_CATEGORY(lcUsb)
