#include "WebEngineQmlTypes.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QRegularExpression>
#include <QScopedPointer>

namespace WebEngineQmlTypes {

namespace {
QtMessageHandler g_previous = nullptr;

void dropRegistrationNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const QRegularExpression noise(QStringLiteral(
        "^QWebEngine(CertificateError|FullScreenRequest|LoadingInfo) is neither a QObject, nor default- and "
        "copy-constructible\\. You should not use it as a QML type\\.$"));
    if (type == QtWarningMsg && noise.match(message).hasMatch())
        return;
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

bool registerQuietly(QString *error)
{
    g_previous = qInstallMessageHandler(dropRegistrationNoise);
    bool ok = false;
    {
        QQmlEngine engine;
        QQmlComponent component(&engine);
        component.setData("import QtQml\nimport QtWebEngine\nQtObject {}\n",
                          QUrl(QStringLiteral("webengine-types.qml")));
        QScopedPointer<QObject> object(component.create());
        ok = !object.isNull();
        if (!ok && error)
            *error = component.errorString();
    }
    qInstallMessageHandler(g_previous);
    g_previous = nullptr;
    return ok;
}

} // namespace WebEngineQmlTypes
