#pragma once

#include "SearchText.h"

#include <QStringView>

// Matches a compact query (SearchText::compact) against the units of a name, starting at one unit. Each unit
// consumes a piece of the query according to the mode; the query must be used up. Pure; thread: any.
namespace PinyinMatcher {

enum class Mode {
    Full,     // whole readings ("juzhuzheng"), the last one may be cut short ("juzhuzh", "juzhu z")
    Initials, // the first letter of each reading, or zh/ch/sh ("jzz", "shbzk"); a hanzi may stand for itself
    Mixed,    // any leading part of each reading ("juzzheng", "jzzh")
};

struct Match
{
    bool matched = false;
    bool toEnd = false; // Full mode: the query ended exactly with the name's last reading
};

// Queries longer than 63 characters never match (the matcher keeps query positions in a 64-bit set).
Match match(const QVector<SearchText::Unit> &units, int start, QStringView query, Mode mode);

} // namespace PinyinMatcher
