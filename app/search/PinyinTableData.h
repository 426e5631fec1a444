#pragma once

// The generated hanzi -> pinyin table (PinyinTableData.cpp in the build tree, from gen_pinyin_table.py).
// Read it through PinyinTable, not directly.
namespace PinyinTableData {

struct Entry
{
    char32_t codepoint;
    unsigned offset; // into pool: "zhong,chong,tong\0", tone-less, most common reading first
};

extern const char pool[];
extern const Entry entries[]; // sorted by codepoint
extern const int entryCount;

} // namespace PinyinTableData
