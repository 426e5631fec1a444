#include "DocPrinterLogging.h"

Q_LOGGING_CATEGORY(lcDocPrinter, "onestop.docprinter", QtInfoMsg)
