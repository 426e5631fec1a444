#include "SearchText.h"

#include "PinyinTable.h"

namespace {

bool isHanzi(char32_t c)
{
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
           c == 0x3007;
}

} // namespace

QString SearchText::fold(const QString &text)
{
    // ü (with or without a tone) is typed as v; decompose the rest and drop the combining marks.
    QString s = text.normalized(QString::NormalizationForm_KC);
    for (QChar &c : s) {
        const char16_t u = c.unicode();
        if (u == u'ü' || u == u'Ü' || u == u'ǖ' || u == u'ǘ' || u == u'ǚ' || u == u'ǜ')
            c = QLatin1Char('v');
    }
    s = s.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(s.size());
    bool space = false;
    for (const QChar c : s) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (space)
            out.append(QLatin1Char(' '));
        space = false;
        out.append(c.toLower());
    }
    return out.normalized(QString::NormalizationForm_C);
}

QString SearchText::compact(const QString &folded)
{
    QString out;
    out.reserve(folded.size());
    for (const QChar c : folded)
        if (c.isLetterOrNumber() || c.isSurrogate())
            out.append(c);
    return out;
}

QVector<SearchText::Unit> SearchText::units(const QString &text)
{
    QVector<Unit> out;
    const QString folded = fold(text);
    for (const char32_t c : folded.toUcs4()) {
        Unit unit;
        const QString self = QString::fromUcs4(&c, 1);
        if (isHanzi(c)) {
            unit.hanzi = true;
            for (const QLatin1String reading : PinyinTable::readings(c))
                unit.keys.append(QString(reading));
            unit.keys.append(self);
        } else if (QChar::isLetterOrNumber(c)) {
            unit.keys.append(self);
        } else {
            continue; // spaces, punctuation: （）、, -
        }
        for (const QString &key : std::as_const(unit.keys))
            if (!unit.firsts.contains(key.at(0)))
                unit.firsts.append(key.at(0));
        out.append(unit);
    }
    return out;
}
