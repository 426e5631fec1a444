#pragma once

#include <QLoggingCategory>

// "onestop.idcard": reader state, transport and protocol events. Never card contents (personal data).
Q_DECLARE_LOGGING_CATEGORY(lcIdCard)
