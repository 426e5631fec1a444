#pragma once

#include <QLoggingCategory>

// "onestop.store". Logs name files, versions, case ids and outbox sequence numbers; never form contents.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
