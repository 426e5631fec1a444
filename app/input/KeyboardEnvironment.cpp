#include "KeyboardEnvironment.h"

#include <QByteArray>

namespace KeyboardEnvironment {

const char *layoutPath()
{
    return "qrc:/onestop/keyboard/layouts";
}

void prepare()
{
    if (qEnvironmentVariableIsEmpty("QT_IM_MODULE"))
        qputenv("QT_IM_MODULE", QByteArrayLiteral("qtvirtualkeyboard"));
    // The keyboard lives in the kiosk window (KioskKeyboard); no separate desktop keyboard window.
    if (qEnvironmentVariableIsEmpty("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"))
        qputenv("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", QByteArrayLiteral("1"));
    if (qEnvironmentVariableIsEmpty("QT_VIRTUALKEYBOARD_LAYOUT_PATH"))
        qputenv("QT_VIRTUALKEYBOARD_LAYOUT_PATH", QByteArray(layoutPath()));
}

} // namespace KeyboardEnvironment
