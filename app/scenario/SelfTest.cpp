#include "SelfTest.h"

#include "WarningCollector.h"

#include <QDirIterator>
#include <QFile>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QScopedPointer>

QStringList SelfTest::run(QQmlEngine &engine, const QString &qmlRoot)
{
    QStringList problems;
    WarningCollector warnings;

    QStringList files;
    QDirIterator it(qmlRoot, {QStringLiteral("*.qml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    if (files.isEmpty())
        problems.append(QStringLiteral("no QML files found under %1").arg(qmlRoot));

    for (const QString &file : files) {
        // A singleton is created by the engine when a file uses it (through its module), never through
        // QQmlComponent; the files that use it check it.
        QFile source(file);
        if (source.open(QIODevice::ReadOnly) && source.readAll().contains("pragma Singleton"))
            continue;
        const QUrl url = file.startsWith(QLatin1Char(':')) ? QUrl(QStringLiteral("qrc") + file) : QUrl::fromLocalFile(file);
        QQmlComponent component(&engine, url);
        if (component.isError()) {
            for (const QQmlError &e : component.errors())
                problems.append(e.toString());
            continue;
        }
        QScopedPointer<QObject> object(component.create());
        if (!object && component.isError()) {
            for (const QQmlError &e : component.errors())
                problems.append(e.toString());
        }
        if (auto *window = qobject_cast<QQuickWindow *>(object.data()))
            window->close();
    }

    return problems + warnings.messages();
}
