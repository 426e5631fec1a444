#pragma once

#include "Catalog.h"
#include "SearchText.h"

#include <QHash>
#include <QVector>

// How well a query matched a service, best first (docs/search.md).
enum class SearchTier {
    Exact,     // the whole name: "上海市居住证申领", its English name, or its whole pinyin
    Prefix,    // the start of the name: "上海市居", "shanghaishiju", "Shanghai Res"
    Initials,  // pinyin initials anywhere in the name: "jzz", "shbzk"
    Substring, // Chinese or English text inside the name; full or mixed pinyin from inside the name
    Keyword,   // keywords, category and life-event names (text or pinyin), the summary and the guide
};

struct SearchHit
{
    int service = -1; // index into the documents (the catalog's services)
    SearchTier tier = SearchTier::Keyword;
    int position = 0; // where in the name the match starts (earlier is better)
};

// The search index over a catalog's services, built once. Thread: any (search is const).
class ServiceSearchIndex
{
public:
    // What is searched of one service.
    struct Document
    {
        QString nameZh;
        QString nameEn;
        QStringList keywords; // searched as text and as pinyin from their start
        QString text;         // summary, department, guide: searched as text only
    };

    explicit ServiceSearchIndex(const Catalog &catalog);
    explicit ServiceSearchIndex(const QVector<Document> &documents);

    // The documents of a catalog: keywords are the service's keywords and its category's and life events'
    // names in both languages.
    static QVector<Document> documentsOf(const Catalog &catalog);

    // The services matching query (fold()ed: case, tones, full-width and spaces do not matter), best first:
    // by tier; within a tier the most used first (usage[service], when given), then the earlier match,
    // then document order. Empty for a blank query.
    QVector<SearchHit> search(const QString &query, const QVector<int> &usage = {}) const;

    int size() const { return int(m_entries.size()); }

private:
    struct Entry
    {
        QString nameZh; // fold()ed
        QString nameEn; // fold()ed
        QVector<SearchText::Unit> nameUnits;
        quint64 nameMask = 0; // SearchText::letterMask of nameUnits
        QVector<QVector<SearchText::Unit>> keywordUnits;
        QVector<quint64> keywordMasks;
        QString keywords; // fold()ed, one per line
        QString text;     // fold()ed
    };
    bool best(const Entry &entry, const QString &folded, const QString &compact, quint64 queryMask,
              bool textMayMatch, SearchHit *hit) const;
    // Which entries' text holds every two-character piece of folded (a superset of those that hold folded).
    QVector<bool> textCandidates(const QString &folded) const;

    QVector<Entry> m_entries;
    // Two consecutive UTF-16 units of an entry's text -> the entries holding them, ascending: the guide
    // texts are long, and scanning all of them for every query would cost more than the rest of the search.
    QHash<quint32, QVector<int>> m_textPairs;
};
