#pragma once

#include <QLoggingCategory>

// Category "onestop.config". Never log values read from residents.json (personal data).
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
