#include "ServiceSearchIndex.h"

#include "PinyinMatcher.h"

#include <QHash>

#include <algorithm>

namespace {

using PinyinMatcher::Mode;

quint32 pairKey(QChar a, QChar b)
{
    return (quint32(a.unicode()) << 16) | b.unicode();
}

void consider(SearchHit *hit, bool *found, SearchTier tier, int position)
{
    if (!*found || tier < hit->tier || (tier == hit->tier && position < hit->position)) {
        hit->tier = tier;
        hit->position = position;
        *found = true;
    }
}

QString termName(const QVector<CatalogTerm> &terms, const QString &id, bool english)
{
    for (const CatalogTerm &t : terms)
        if (t.id == id)
            return english ? t.name.en : t.name.zh;
    return {};
}

} // namespace

ServiceSearchIndex::ServiceSearchIndex(const Catalog &catalog) : ServiceSearchIndex(documentsOf(catalog)) {}

ServiceSearchIndex::ServiceSearchIndex(const QVector<Document> &documents)
{
    m_entries.reserve(documents.size());
    for (const Document &d : documents) {
        Entry e;
        e.nameZh = SearchText::fold(d.nameZh);
        e.nameEn = SearchText::fold(d.nameEn);
        e.nameUnits = SearchText::units(d.nameZh);
        e.nameMask = SearchText::letterMask(e.nameUnits);
        QStringList folded;
        for (const QString &k : d.keywords) {
            folded << SearchText::fold(k);
            e.keywordUnits.append(SearchText::units(k));
            e.keywordMasks.append(SearchText::letterMask(e.keywordUnits.last()));
        }
        e.keywords = folded.join(QLatin1Char('\n'));
        e.text = SearchText::fold(d.text);
        const int entry = int(m_entries.size());
        for (int i = 0; i + 1 < e.text.size(); ++i) {
            QVector<int> &list = m_textPairs[pairKey(e.text.at(i), e.text.at(i + 1))];
            if (list.isEmpty() || list.last() != entry)
                list.append(entry);
        }
        m_entries.append(e);
    }
}

QVector<bool> ServiceSearchIndex::textCandidates(const QString &folded) const
{
    QVector<bool> out(m_entries.size(), false);
    if (folded.size() < 2)
        return out;
    const QVector<int> *rarest = nullptr;
    for (int i = 0; i + 1 < folded.size(); ++i) {
        const auto it = m_textPairs.constFind(pairKey(folded.at(i), folded.at(i + 1)));
        if (it == m_textPairs.constEnd())
            return out; // some piece is in no text
        if (!rarest || it->size() < rarest->size())
            rarest = &*it;
    }
    for (const int entry : *rarest)
        out[entry] = true;
    return out;
}

QVector<ServiceSearchIndex::Document> ServiceSearchIndex::documentsOf(const Catalog &catalog)
{
    QVector<Document> out;
    out.reserve(catalog.services.size());
    for (const ServiceSpec &s : catalog.services) {
        Document d;
        d.nameZh = s.name.zh;
        d.nameEn = s.name.en;
        d.keywords = s.keywords;
        for (const bool english : {false, true}) {
            if (!s.category.isEmpty())
                d.keywords << termName(catalog.categories, s.category, english);
            for (const QString &e : s.lifeEvents)
                d.keywords << termName(catalog.lifeEvents, e, english);
        }
        d.keywords.removeAll(QString());
        QStringList text{s.summary.zh, s.summary.en, s.department.zh, s.department.en};
        for (const auto *list : {&s.guide.conditions, &s.guide.materials})
            for (const LocalizedText &t : *list)
                text << t.zh << t.en;
        d.text = text.join(QLatin1Char('\n'));
        out.append(d);
    }
    return out;
}

bool ServiceSearchIndex::best(const Entry &e, const QString &folded, const QString &compact,
                              quint64 queryMask, bool textMayMatch, SearchHit *hit) const
{
    bool found = false;
    // Text of the name.
    if (folded == e.nameZh || folded == e.nameEn)
        consider(hit, &found, SearchTier::Exact, 0);
    else if (e.nameZh.startsWith(folded) || e.nameEn.startsWith(folded))
        consider(hit, &found, SearchTier::Prefix, 0);
    // Pinyin of the name, from each character on. Mixed accepts whatever Full or Initials accept, so a
    // start Mixed refuses needs no other try (most starts).
    const bool pinyinPossible = (queryMask & ~e.nameMask) == 0;
    for (int start = 0;
         pinyinPossible && start < e.nameUnits.size() && !(found && hit->tier <= SearchTier::Prefix);
         ++start) {
        if (!PinyinMatcher::match(e.nameUnits, start, compact, Mode::Mixed).matched)
            continue;
        const PinyinMatcher::Match full = PinyinMatcher::match(e.nameUnits, start, compact, Mode::Full);
        if (full.matched) {
            consider(hit, &found,
                     start == 0 ? (full.toEnd ? SearchTier::Exact : SearchTier::Prefix)
                                : SearchTier::Substring,
                     start);
        } else if (!(found && hit->tier <= SearchTier::Initials)) {
            const bool initials = PinyinMatcher::match(e.nameUnits, start, compact, Mode::Initials).matched;
            consider(hit, &found, initials || start == 0 ? SearchTier::Initials : SearchTier::Substring,
                     start);
        }
    }
    if (found && hit->tier <= SearchTier::Substring)
        return true;
    // Text inside the name.
    const int zh = int(e.nameZh.indexOf(folded));
    const int en = int(e.nameEn.indexOf(folded));
    if (zh >= 0 || en >= 0) {
        consider(hit, &found, SearchTier::Substring, zh >= 0 ? zh : en);
        return true;
    }
    // Keywords as text and as pinyin from their start, then the guide as text.
    if (e.keywords.contains(folded)) {
        consider(hit, &found, SearchTier::Keyword, 0);
        return true;
    }
    for (int k = 0; k < e.keywordUnits.size(); ++k) {
        const auto &units = e.keywordUnits.at(k);
        if ((queryMask & ~e.keywordMasks.at(k)) != 0)
            continue;
        if (PinyinMatcher::match(units, 0, compact, Mode::Full).matched ||
            PinyinMatcher::match(units, 0, compact, Mode::Initials).matched) {
            consider(hit, &found, SearchTier::Keyword, 1);
            return true;
        }
    }
    // One letter or character would match half the guide texts; the guide needs two.
    if (textMayMatch && folded.size() >= 2 && e.text.contains(folded))
        consider(hit, &found, SearchTier::Keyword, 2);
    return found;
}

QVector<SearchHit> ServiceSearchIndex::search(const QString &query, const QVector<int> &usage) const
{
    QVector<SearchHit> hits;
    const QString folded = SearchText::fold(query);
    const QString compact = SearchText::compact(folded);
    if (compact.isEmpty())
        return hits;
    const QVector<bool> text = textCandidates(folded);
    const quint64 queryMask = SearchText::letterMask(compact);
    for (int i = 0; i < m_entries.size(); ++i) {
        SearchHit hit;
        hit.service = i;
        if (best(m_entries.at(i), folded, compact, queryMask, text.at(i), &hit))
            hits.append(hit);
    }
    auto used = [&usage](int service) { return service < usage.size() ? usage.at(service) : 0; };
    std::stable_sort(hits.begin(), hits.end(), [&](const SearchHit &a, const SearchHit &b) {
        if (a.tier != b.tier)
            return a.tier < b.tier;
        if (used(a.service) != used(b.service))
            return used(a.service) > used(b.service);
        return a.position < b.position;
    });
    return hits;
}
