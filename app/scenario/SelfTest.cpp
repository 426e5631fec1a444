#include "SelfTest.h"

#include <QDirIterator>
#include <QFile>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QScopedPointer>

namespace {
QStringList *g_problems = nullptr;
QtMessageHandler g_previous = nullptr;

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_problems && type != QtDebugMsg && type != QtInfoMsg)
        g_problems->append(message);
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

QStringList SelfTest::run(QQmlEngine &engine, const QString &qmlRoot)
{
    QStringList problems;
    g_problems = &problems;
    g_previous = qInstallMessageHandler(collect);

    QStringList files;
    QDirIterator it(qmlRoot, {QStringLiteral("*.qml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    if (files.isEmpty())
        problems.append(QStringLiteral("no QML files found under %1").arg(qmlRoot));

    for (const QString &file : files) {
        const QUrl url(QStringLiteral("qrc") + file);
        QQmlComponent component(&engine, url);
        if (component.isError()) {
            for (const QQmlError &e : component.errors())
                problems.append(e.toString());
            continue;
        }
        // A singleton file is created by the engine on first use, not with create().
        QFile source(file);
        if (source.open(QIODevice::ReadOnly) && source.readAll().contains("pragma Singleton"))
            continue;
        QScopedPointer<QObject> object(component.create());
        if (!object && component.isError()) {
            for (const QQmlError &e : component.errors())
                problems.append(e.toString());
        }
        if (auto *window = qobject_cast<QQuickWindow *>(object.data()))
            window->close();
    }

    qInstallMessageHandler(g_previous);
    g_problems = nullptr;
    return problems;
}
