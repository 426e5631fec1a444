#pragma once

#include <QString>

// Text given in the catalog in both languages. Chinese is the reference; English falls back to it.
struct LocalizedText
{
    QString zh;
    QString en;
    QString in(const QString &language) const { return (language.startsWith(QLatin1String("en")) && !en.isEmpty()) ? en : zh; }
};
