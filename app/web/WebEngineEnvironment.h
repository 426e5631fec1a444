#pragma once

#include <QByteArrayList>
#include <QString>

// The process environment Qt WebEngine reads when it starts, made safe before
// QtWebEngineQuick::initialize() (main.cpp, the probe, the tests), i.e. before the application object:
// - no remote debugging, whatever the environment asks: QTWEBENGINE_REMOTE_DEBUGGING is unset and any
//   --remote-debugging-* / --auto-open-devtools flag is dropped from QTWEBENGINE_CHROMIUM_FLAGS;
// - the renderer sandbox stays on for a non-root user: QTWEBENGINE_DISABLE_SANDBOX and --no-sandbox
//   are removed. As root Chromium cannot sandbox, so a headless test run as root must set
//   QTWEBENGINE_DISABLE_SANDBOX=1 itself (never the shipped service, which runs unprivileged).
// - the flags the kiosk always needs are added (requiredFlags()).
// No Qt WebEngine types: pure environment handling. Thread: main, before any other thread exists.
namespace WebEngineEnvironment {

void prepare();
// Chromium flags the kiosk always sets: --disable-pinch (no pinch zoom on the touchscreen).
QByteArrayList requiredFlags();
// Whether the renderers run sandboxed in this process, as Qt WebEngine will read it.
bool sandboxed();
// "on" | "off: running as root with QTWEBENGINE_DISABLE_SANDBOX" for the log and the probe's report.
QString sandboxDescription();

} // namespace WebEngineEnvironment
