#include "ScannerLogging.h"

Q_LOGGING_CATEGORY(lcScanner, "onestop.scanner", QtInfoMsg)
