#pragma once

// For tests that start Qt WebEngine's browser side offscreen: it says, at moments of its choosing
// (sometimes after the test that started it), that this headless machine has no GPU: "No suitable
// graphics backend found" and "WebEngineContext used before QtWebEngineCore::initialize() or OpenGL
// context creation failed." Those two messages, and only they, are dropped; call after
// installStrictWarnings() so that every other warning still fails the test.

#include <QString>
#include <QtGlobal>

namespace HeadlessWebEngine {

inline QtMessageHandler &previous()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}

inline void dropNoGpuNotice(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString text = message.trimmed();
    if (type == QtWarningMsg &&
        (text == QLatin1String("No suitable graphics backend found") ||
         text == QLatin1String("WebEngineContext used before QtWebEngineCore::initialize() or "
                               "OpenGL context creation failed.")))
        return;
    if (previous())
        previous()(type, context, message);
}

inline void install()
{
    if (!previous())
        previous() = qInstallMessageHandler(dropNoGpuNotice);
}

} // namespace HeadlessWebEngine
