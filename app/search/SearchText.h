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
// may mix hanzi and pinyin; a Latin letter or digit is itself.
struct Unit
{
    QStringList keys;
    quint64 firstLetters = 0; // bit c - 'a' for a key starting with c in a-z, bit 26 + d for a digit d
    char16_t firstOther = 0;  // the first UTF-16 unit of the key that is not a-z or 0-9 (the hanzi), or 0
    bool hanzi = false;

    // Whether some key starts with c (a cheap test before the matcher compares keys).
    bool mayStartWith(QChar c) const
    {
        const char16_t u = c.unicode();
        if (u >= u'a' && u <= u'z')
            return firstLetters & (quint64(1) << (u - u'a'));
        if (u >= u'0' && u <= u'9')
            return firstLetters & (quint64(1) << (26 + u - u'0'));
        return u != 0 && u == firstOther;
    }
};

// The units of text (fold()ed first); spaces and punctuation are skipped.
QVector<Unit> units(const QString &text);

// Which characters occur: bit c - 'a' for a-z, 26 + d for 0-9, bit 63 for any other character. A query
// whose mask has a bit the units' mask lacks cannot match them (the matcher's cheapest refusal).
quint64 letterMask(QStringView text);
quint64 letterMask(const QVector<Unit> &units);

} // namespace SearchText
