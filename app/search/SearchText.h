#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

// Text normalisation and the units the pinyin matcher walks over. Pure functions; thread: any.
namespace SearchText {

// For substring search and for queries: full-width forms to ASCII (NFKC), lower case, tone marks removed
// ("jūzhù" -> "juzhu", "lǜ"/"lü" -> "lv"), runs of white space to one space, trimmed.
QString fold(const QString &text);

// fold()ed text without spaces and punctuation: what the pinyin matcher compares ("juzhu z" -> "juzhuz").
QString compact(const QString &folded);

// One character of a name as the matcher sees it: a Chinese character is its tone-less readings (all of
// them: a polyphonic character such as 重 is zhong, chong and tong) plus the character itself, so a query
// may mix hanzi and pinyin; a Latin letter or digit is itself. firsts holds the first letter of each key.
struct Unit
{
    QStringList keys;
    QString firsts;
    bool hanzi = false;
};

// The units of text (fold()ed first); spaces and punctuation are skipped.
QVector<Unit> units(const QString &text);

} // namespace SearchText
