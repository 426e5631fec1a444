#pragma once

#include <QString>

// The web view's renderer process, as the kiosk may end it (a hung page: RendererWatchdog). Only a process
// of this user whose program is Qt WebEngine's (QtWebEngineProcess) is ever signalled, so a wrong or stale
// process id can never take down anything else. Linux (/proc). Thread: any.
namespace RendererProcess {
// SIGKILLs `pid` if it is a QtWebEngineProcess of this user. false + *error (what was refused or failed).
bool kill(qint64 pid, QString *error);
// The program name of a process ("QtWebEngineProcess"), "" if it cannot be read.
QString programName(qint64 pid);
} // namespace RendererProcess
