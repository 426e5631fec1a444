#include "IdCardLogging.h"

Q_LOGGING_CATEGORY(lcIdCard, "onestop.idcard", QtInfoMsg)
