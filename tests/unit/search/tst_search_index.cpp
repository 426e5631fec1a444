#include "CatalogLoader.h"
#include "ServiceSearchIndex.h"
#include "StrictWarnings.h"

#include <QTest>

// The search over the shipped catalog (66 services) and over small made-up catalogs for the ranking rules.
class TestSearchIndex : public QObject
{
    Q_OBJECT

    Catalog m_catalog;

    QStringList ids(const QVector<SearchHit> &hits) const
    {
        QStringList out;
        for (const SearchHit &h : hits)
            out << m_catalog.services.at(h.service).id;
        return out;
    }

    QStringList search(const QString &query, const QVector<int> &usage = {}) const
    {
        return ids(ServiceSearchIndex(m_catalog).search(query, usage));
    }

    static ServiceSearchIndex::Document doc(const QString &zh, const QString &en = QStringLiteral("x"),
                                            const QStringList &keywords = {}, const QString &text = {})
    {
        return {zh, en, keywords, text};
    }

    static QVector<int> order(const QVector<SearchHit> &hits)
    {
        QVector<int> out;
        for (const SearchHit &h : hits)
            out << h.service;
        return out;
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        const auto result = CatalogLoader::load(sourcePath(QStringLiteral("kiosk-config/catalog.json")));
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        m_catalog = result.value();
    }

    void initialsFindResidencePermitFirst()
    {
        const ServiceSearchIndex index(m_catalog);
        const auto hits = index.search(QStringLiteral("jzz"));
        QVERIFY(!hits.isEmpty());
        QVERIFY2(m_catalog.services.at(hits.first().service).name.zh.contains(QStringLiteral("居住证")),
                 qPrintable(m_catalog.services.at(hits.first().service).name.zh));
        QCOMPARE(hits.first().tier, SearchTier::Initials);
        QVERIFY(search(QStringLiteral("jzz")).contains(QStringLiteral("residence-permit")));
        // Initials from the start of the name rank before initials inside it.
        QCOMPARE(search(QStringLiteral("jzzjf")).value(0), QStringLiteral("residence-permit-points"));
    }

    void fullPinyinFindsIt()
    {
        const QStringList hits = search(QStringLiteral("juzhuzheng"));
        QVERIFY(hits.contains(QStringLiteral("residence-permit")));
        for (const QString &id : hits) // only services whose name says 居住证
            QVERIFY2(m_catalog.find(id)->name.zh.contains(QStringLiteral("居住证")), qPrintable(id));
        QVERIFY(
            search(QStringLiteral("shanghaishijuzhuzheng")).startsWith(QStringLiteral("residence-permit")));
    }

    void chineseTextFindsIt()
    {
        QVERIFY(search(QStringLiteral("居住")).contains(QStringLiteral("residence-permit")));
        QCOMPARE(search(QStringLiteral("上海市居住证申领")).value(0), QStringLiteral("residence-permit"));
        QCOMPARE(ServiceSearchIndex(m_catalog).search(QStringLiteral("上海市居住证申领")).value(0).tier,
                 SearchTier::Exact);
    }

    void toneMarksCaseAndSpacesDoNotMatter()
    {
        const QStringList plain = search(QStringLiteral("juzhuzheng"));
        QCOMPARE(search(QStringLiteral("jūzhùzhèng")), plain);
        QCOMPARE(search(QStringLiteral("JuZhuZheng")), plain);
        QCOMPARE(search(QStringLiteral("ju zhu zheng")), plain);
        QVERIFY(search(QStringLiteral("juzhu z")).contains(QStringLiteral("residence-permit"))); // mixed
        QVERIFY(search(QStringLiteral("ＪＺＺ")).contains(QStringLiteral("residence-permit")));  // full-width
        QVERIFY(search(QStringLiteral("居zhuzheng")).contains(QStringLiteral("residence-permit")));
    }

    void englishNames()
    {
        QCOMPARE(search(QStringLiteral("shanghai residence permit")).value(0),
                 QStringLiteral("residence-permit"));
        QVERIFY(search(QStringLiteral("Disability certificate"))
                    .contains(QStringLiteral("disability-certificate")));
    }

    void polyphonicCharactersMatchEveryReading()
    {
        // 重度 is zhòngdù; the table also gives chóng, and both are indexed.
        QVERIFY(search(QStringLiteral("zhongducanjiren"))
                    .contains(QStringLiteral("severe-disability-nursing-subsidy")));
        QVERIFY(
            search(QStringLiteral("zdcjr")).contains(QStringLiteral("severe-disability-nursing-subsidy")));
        // 长期 is chángqī (长 also reads zhǎng).
        QVERIFY(search(QStringLiteral("changqihuli")).contains(QStringLiteral("long-term-care-insurance")));
    }

    void keywordsCategoriesAndLifeEvents()
    {
        QCOMPARE(search(QStringLiteral("低保")).value(0), QStringLiteral("minimum-living-allowance"));
        QCOMPARE(search(QStringLiteral("dibao")).value(0), QStringLiteral("minimum-living-allowance"));
        // The life event 身后事 brings the services for when someone dies.
        const QStringList after = search(QStringLiteral("shenhoushi"));
        QVERIFY(after.contains(QStringLiteral("household-cancellation-death")));
        QVERIFY(after.contains(QStringLiteral("funeral-fee-waiver")));
    }

    void unknownQueryFindsNothing()
    {
        QVERIFY(search(QStringLiteral("xqxqzv")).isEmpty());
        QVERIFY(search(QStringLiteral("   ")).isEmpty());
        QVERIFY(search(QStringLiteral("，。")).isEmpty());
    }

    void tiersRankExactPrefixInitialsSubstringKeyword()
    {
        const ServiceSearchIndex index({
            doc(QStringLiteral("社区养老服务"), QStringLiteral("a"), {},
                QStringLiteral("居住证")),                                                // 0: guide text
            doc(QStringLiteral("申领居住证明")),                                          // 1: substring
            doc(QStringLiteral("居住证明")),                                              // 2: prefix
            doc(QStringLiteral("居住证")),                                                // 3: exact
            doc(QStringLiteral("补办"), QStringLiteral("b"), {QStringLiteral("居住证")}), // 4: keyword
        });
        const auto hits = index.search(QStringLiteral("居住证"));
        QCOMPARE(order(hits), (QVector<int>{3, 2, 1, 4, 0}));
        QCOMPARE(hits.at(0).tier, SearchTier::Exact);
        QCOMPARE(hits.at(1).tier, SearchTier::Prefix);
        QCOMPARE(hits.at(2).tier, SearchTier::Substring);
        QCOMPARE(hits.at(3).tier, SearchTier::Keyword);

        const ServiceSearchIndex pinyin({doc(QStringLiteral("办理居住证")), doc(QStringLiteral("居住证")),
                                         doc(QStringLiteral("居住证签注")), doc(QStringLiteral("就诊证明"))});
        // "jzz": initials of 居住证 (inside or at the start) and of 就诊证; the exact name has no better tier
        // for initials, so the earlier match wins, then document order.
        const auto initials = pinyin.search(QStringLiteral("jzz"));
        QCOMPARE(order(initials), (QVector<int>{1, 2, 3, 0}));
        // Full pinyin: exact, then prefix, then inside.
        QCOMPARE(order(pinyin.search(QStringLiteral("juzhuzheng"))), (QVector<int>{1, 2, 0}));
    }

    void mostUsedFirstAmongEquals()
    {
        const ServiceSearchIndex index({doc(QStringLiteral("居住证签注")), doc(QStringLiteral("居住证积分")),
                                        doc(QStringLiteral("居住证")), doc(QStringLiteral("居住登记"))});
        QCOMPARE(order(index.search(QStringLiteral("juzhuzheng"))), (QVector<int>{2, 0, 1}));
        // Usage reorders within a tier, never across: the exact name stays first.
        QCOMPARE(order(index.search(QStringLiteral("juzhuzheng"), {0, 5, 0, 9})), (QVector<int>{2, 1, 0}));
        QCOMPARE(order(index.search(QStringLiteral("jz"), {0, 5, 0, 9})), (QVector<int>{3, 1, 0, 2}));
    }
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_search_index.moc"
