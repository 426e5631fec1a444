#include "KeyboardEnvironment.h"

#include <QByteArray>

namespace KeyboardEnvironment {

const char *layoutPath()
{
    return "qrc:/qt/qml/OneStop/Keyboard/layouts";
}

void prepare()
{
    if (qEnvironmentVariableIsEmpty("QT_IM_MODULE"))
        qputenv("QT_IM_MODULE", QByteArrayLiteral("qtvirtualkeyboard"));
    if (qEnvironmentVariableIsEmpty("QT_VIRTUALKEYBOARD_LAYOUT_PATH"))
        qputenv("QT_VIRTUALKEYBOARD_LAYOUT_PATH", QByteArray(layoutPath()));
}

} // namespace KeyboardEnvironment
