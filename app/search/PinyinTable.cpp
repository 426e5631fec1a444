#include "PinyinTable.h"

#include "PinyinTableData.h"

#include <algorithm>
#include <cstring>

QList<QLatin1String> PinyinTable::readings(char32_t character)
{
    using PinyinTableData::Entry;
    const Entry *begin = PinyinTableData::entries;
    const Entry *end = begin + PinyinTableData::entryCount;
    const Entry *it =
        std::lower_bound(begin, end, character, [](const Entry &e, char32_t c) { return e.codepoint < c; });
    QList<QLatin1String> out;
    if (it == end || it->codepoint != character)
        return out;
    const char *text = PinyinTableData::pool + it->offset;
    const char *stop = text + std::strlen(text);
    while (text < stop) {
        const char *comma = std::find(text, stop, ',');
        out.append(QLatin1String(text, int(comma - text)));
        text = comma + 1;
    }
    return out;
}

int PinyinTable::size()
{
    return PinyinTableData::entryCount;
}
