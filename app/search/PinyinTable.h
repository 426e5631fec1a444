#pragma once

#include <QLatin1String>
#include <QList>

// Tone-less pinyin readings of Chinese characters ("居" -> ju, ji; "行" -> xing, hang, heng), most common
// first, from the generated table. ü is given as "v" and as "u" ("绿" -> lv, lu). Thread: any (read-only).
namespace PinyinTable {

// Empty for a character the table does not know (Latin letters, digits, punctuation).
QList<QLatin1String> readings(char32_t character);

// How many characters the table knows (a sanity figure for tests and the bench).
int size();

} // namespace PinyinTable
