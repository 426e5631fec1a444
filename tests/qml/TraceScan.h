#pragma once

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>

// Looks for canary strings in everything a C++ object hands to QML: every readable property (strings,
// string lists, URLs, byte arrays, nested lists and maps, objects they point to), and, for an item model,
// every role of every row. Returns one line per hit, "<where>: <canary>", naming where it was found.
// For the canary wipe test (tests/qml/tst_canary.qml). Thread: GUI.
namespace TraceScan {
QStringList find(const QList<QPair<QString, QObject *>> &roots, const QStringList &canaries);
}
