#include "WebEngineEnvironment.h"

#include <QByteArrayList>

#include <unistd.h>

namespace WebEngineEnvironment {

namespace {
bool isForbiddenFlag(const QByteArray &flag, bool root)
{
    return flag.contains("remote-debugging") || flag.startsWith("--auto-open-devtools") ||
           flag.startsWith("--remote-allow-origins") || (!root && flag == "--no-sandbox");
}
} // namespace

void prepare()
{
    const bool root = ::geteuid() == 0;
    qunsetenv("QTWEBENGINE_REMOTE_DEBUGGING");
    if (!root)
        qunsetenv("QTWEBENGINE_DISABLE_SANDBOX");
    QByteArrayList kept;
    for (const QByteArray &flag : qgetenv("QTWEBENGINE_CHROMIUM_FLAGS").simplified().split(' '))
        if (!flag.isEmpty() && !isForbiddenFlag(flag, root) && !requiredFlags().contains(flag))
            kept << flag;
    kept << requiredFlags();
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", kept.join(' '));
}

QByteArrayList requiredFlags()
{
    // A resident's pinch on the touchscreen never zooms a page beyond the layout.
    return {QByteArrayLiteral("--disable-pinch")};
}

bool sandboxed()
{
    return !(qEnvironmentVariableIntValue("QTWEBENGINE_DISABLE_SANDBOX") == 1 ||
             qgetenv("QTWEBENGINE_CHROMIUM_FLAGS").split(' ').contains("--no-sandbox"));
}

QString sandboxDescription()
{
    if (sandboxed())
        return QStringLiteral("on");
    return ::geteuid() == 0 ? QStringLiteral("off: running as root with QTWEBENGINE_DISABLE_SANDBOX")
                            : QStringLiteral("off");
}

} // namespace WebEngineEnvironment
