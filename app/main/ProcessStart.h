#pragma once

#include <QtGlobal>

// Milliseconds since the kernel started this process (from /proc/self/stat), so start-up time includes
// dynamic loading and static initialisation. -1 when unknown.
qint64 msSinceProcessStart();
