#include "PinyinMatcher.h"

namespace {

using PinyinMatcher::Mode;

bool isRetroflex(const QString &key)
{
    return key.size() >= 2 && key.at(1) == QLatin1Char('h') &&
           (key.at(0) == QLatin1Char('z') || key.at(0) == QLatin1Char('c') || key.at(0) == QLatin1Char('s'));
}

// Length of the common prefix of a and b.
int common(QStringView a, const QString &b)
{
    const int n = int(qMin(a.size(), b.size()));
    int i = 0;
    while (i < n && a.at(i) == b.at(i))
        ++i;
    return i;
}

} // namespace

PinyinMatcher::Match PinyinMatcher::match(const QVector<SearchText::Unit> &units, int start,
                                          QStringView query, Mode mode)
{
    Match result;
    const int n = int(query.size());
    if (n == 0 || n > 63 || start < 0 || start >= units.size() || !units.at(start).mayStartWith(query.at(0)))
        return result;
    quint64 positions = 1; // query positions reachable before the current unit
    for (int u = start; u < units.size() && positions; ++u) {
        const SearchText::Unit &unit = units.at(u);
        const bool last = u == units.size() - 1;
        quint64 next = 0;
        for (int pos = 0; pos < n; ++pos) {
            if (!(positions & (quint64(1) << pos)))
                continue;
            const QStringView rest = query.mid(pos);
            if (!unit.mayStartWith(rest.at(0)))
                continue;
            for (const QString &key : unit.keys) {
                const int same = common(rest, key);
                if (same == 0)
                    continue;
                const bool self = key.at(0).unicode() >= 0x80; // the Chinese character itself
                switch (mode) {
                case Mode::Full:
                    if (same == key.size()) {
                        if (pos + same == n) {
                            result.matched = true;
                            result.toEnd = result.toEnd || last;
                        } else {
                            next |= quint64(1) << (pos + same);
                        }
                    } else if (same == rest.size()) {
                        result.matched = true; // the query ends inside this reading
                    }
                    break;
                case Mode::Initials: {
                    const int take = self ? int(key.size()) : 1;
                    const int alt = (!self && isRetroflex(key) && same >= 2) ? 2 : 0;
                    for (const int len : {take, alt}) {
                        if (len == 0 || len > same)
                            continue;
                        if (pos + len == n)
                            result.matched = true;
                        else
                            next |= quint64(1) << (pos + len);
                    }
                    break;
                }
                case Mode::Mixed:
                    for (int len = 1; len <= same; ++len) {
                        if (pos + len == n)
                            result.matched = true;
                        else
                            next |= quint64(1) << (pos + len);
                    }
                    break;
                }
            }
        }
        if (result.matched && mode != Mode::Full)
            return result;
        positions = next;
    }
    return result;
}
