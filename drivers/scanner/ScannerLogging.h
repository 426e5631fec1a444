#pragma once

#include <QLoggingCategory>

// "onestop.scanner": scanner state and transport events. Never payloads (they can carry personal codes).
Q_DECLARE_LOGGING_CATEGORY(lcScanner)
