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
        for (const QString &key : std::as_const(unit.keys)) {
            const char16_t u = key.at(0).unicode();
            if (u >= u'a' && u <= u'z')
                unit.firstLetters |= quint64(1) << (u - u'a');
            else if (u >= u'0' && u <= u'9')
                unit.firstLetters |= quint64(1) << (26 + u - u'0');
            else
                unit.firstOther = u;
        }
        out.append(unit);
    }
    return out;
}

quint64 SearchText::letterMask(QStringView text)
{
    quint64 mask = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= u'a' && u <= u'z')
            mask |= quint64(1) << (u - u'a');
        else if (u >= u'0' && u <= u'9')
            mask |= quint64(1) << (26 + u - u'0');
        else
            mask |= quint64(1) << 63;
    }
    return mask;
}

quint64 SearchText::letterMask(const QVector<Unit> &units)
{
    quint64 mask = 0;
    for (const Unit &unit : units)
        for (const QString &key : unit.keys)
            mask |= letterMask(key);
    return mask;
}
