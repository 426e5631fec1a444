#pragma once

#include <QLoggingCategory>

// "onestop.docprinter": queue state, job ids, job states and reasons. Never document bytes or job content.
Q_DECLARE_LOGGING_CATEGORY(lcDocPrinter)
