#pragma once

#include <QStringList>

class QQmlEngine;

// --self-test: compiles every QML file of the OneStop modules and instantiates each one, with the real
// controllers behind the singletons. Any QML error or warning (caught by a message handler) fails it.
class SelfTest
{
public:
    // Returns the problems found; empty = pass. `qmlRoot` is the resource folder of the modules.
    static QStringList run(QQmlEngine &engine, const QString &qmlRoot = QStringLiteral(":/qt/qml/OneStop"));
};
