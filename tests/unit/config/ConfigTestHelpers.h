#pragma once

#include "ConfigError.h"

#include <QString>
#include <QTest>

// True when errors hold one from file at place whose message contains messagePart; prints all errors if not.
inline bool hasError(const ConfigErrors &errors, const QString &file, const QString &place,
                     const QString &messagePart)
{
    for (const ConfigError &e : errors)
        if (e.file == file && e.place == place && e.message.contains(messagePart))
            return true;
    for (const ConfigError &e : errors)
        qInfo("  got: %s", qPrintable(e.toString()));
    return false;
}

inline QString errorList(const ConfigErrors &errors)
{
    QStringList lines;
    for (const ConfigError &e : errors)
        lines << e.toString();
    return lines.join(QLatin1Char('\n'));
}
