#pragma once

#include <QStringList>
#include <QtGlobal>

// While it exists, every warning, critical and fatal message (Qt's own, QML's and ours) is collected, and
// still passed on to the previous handler. One at a time. Thread: messages from any thread are collected.
class WarningCollector
{
public:
    WarningCollector();
    ~WarningCollector();
    WarningCollector(const WarningCollector &) = delete;
    WarningCollector &operator=(const WarningCollector &) = delete;

    QStringList messages() const;
};
