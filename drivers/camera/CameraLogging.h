#pragma once

#include <QLoggingCategory>

// "onestop.camera": camera state and capture events. Never frames or what is in them.
Q_DECLARE_LOGGING_CATEGORY(lcCamera)
