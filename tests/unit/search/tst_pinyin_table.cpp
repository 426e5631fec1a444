#include "PinyinMatcher.h"
#include "PinyinTable.h"
#include "SearchText.h"
#include "StrictWarnings.h"

#include <QTest>

// The generated table (Debian's go-pinyin data, app/search/gen_pinyin_table.py) and the text folding.
class TestPinyinTable : public QObject
{
    Q_OBJECT

    static QStringList readings(const QString &character)
    {
        QStringList out;
        for (const QLatin1String r : PinyinTable::readings(character.toUcs4().value(0)))
            out << QString(r);
        return out;
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void tableIsTheWholeSource()
    {
        QVERIFY2(PinyinTable::size() > 40000, qPrintable(QString::number(PinyinTable::size())));
    }

    void readingsAreToneLessMostCommonFirst()
    {
        QCOMPARE(readings(QStringLiteral("住")), QStringList{QStringLiteral("zhu")});
        QCOMPARE(readings(QStringLiteral("证")), QStringList{QStringLiteral("zheng")});
        QCOMPARE(readings(QStringLiteral("居")).value(0), QStringLiteral("ju"));
        // Polyphonic characters keep every reading.
        const QStringList heavy = readings(QStringLiteral("重"));
        QVERIFY(heavy.contains(QStringLiteral("zhong")) && heavy.contains(QStringLiteral("chong")));
        const QStringList go = readings(QStringLiteral("行"));
        QVERIFY(go.contains(QStringLiteral("xing")) && go.contains(QStringLiteral("hang")));
        const QStringList longer = readings(QStringLiteral("长"));
        QVERIFY(longer.contains(QStringLiteral("chang")) && longer.contains(QStringLiteral("zhang")));
        // ü is v, and u as many people type it.
        const QStringList green = readings(QStringLiteral("绿"));
        QVERIFY(green.contains(QStringLiteral("lv")) && green.contains(QStringLiteral("lu")));
        QVERIFY(readings(QStringLiteral("A")).isEmpty());
        QVERIFY(readings(QStringLiteral("，")).isEmpty());
    }

    void foldRemovesTonesCaseWidthAndExtraSpaces()
    {
        QCOMPARE(SearchText::fold(QStringLiteral("  JūZhù   Zhèng ")), QStringLiteral("juzhu zheng"));
        QCOMPARE(SearchText::fold(QStringLiteral("ＪＺＺ")), QStringLiteral("jzz")); // full-width letters
        QCOMPARE(SearchText::fold(QStringLiteral("lǜ")), QStringLiteral("lv"));
        QCOMPARE(SearchText::fold(QStringLiteral("居住证")), QStringLiteral("居住证"));
        QCOMPARE(SearchText::compact(SearchText::fold(QStringLiteral("juzhu z"))), QStringLiteral("juzhuz"));
    }

    void unitsSkipPunctuation()
    {
        const auto units = SearchText::units(QStringLiteral("社会保障卡补卡、换卡"));
        QCOMPARE(units.size(), 9);
        QVERIFY(units.at(0).keys.contains(QStringLiteral("she")));
        QVERIFY(units.at(0).keys.contains(QStringLiteral("社")));
    }

    void matcherModes()
    {
        using PinyinMatcher::Mode;
        const auto units = SearchText::units(QStringLiteral("居住证"));
        QVERIFY(PinyinMatcher::match(units, 0, u"juzhuzheng", Mode::Full).toEnd);
        QVERIFY(PinyinMatcher::match(units, 0, u"juzhuzh", Mode::Full).matched);
        QVERIFY(!PinyinMatcher::match(units, 0, u"juzhuzh", Mode::Full).toEnd);
        QVERIFY(PinyinMatcher::match(units, 0, u"jzz", Mode::Initials).matched);
        QVERIFY(PinyinMatcher::match(units, 0, u"jzhzh", Mode::Initials).matched); // zh as an initial
        QVERIFY(!PinyinMatcher::match(units, 0, u"jzz", Mode::Full).matched);
        QVERIFY(PinyinMatcher::match(units, 0, u"juzzheng", Mode::Mixed).matched);
        QVERIFY(PinyinMatcher::match(units, 0, u"居zhu", Mode::Full).matched); // hanzi and pinyin mixed
        QVERIFY(PinyinMatcher::match(units, 1, u"zhuzheng", Mode::Full).matched);
        QVERIFY(!PinyinMatcher::match(units, 0, u"jzzx", Mode::Initials).matched); // longer than the name
        QVERIFY(!PinyinMatcher::match(units, 0, u"", Mode::Mixed).matched);
        // Polyphonic: every reading is indexed.
        const auto bank = SearchText::units(QStringLiteral("重度残疾人"));
        QVERIFY(PinyinMatcher::match(bank, 0, u"zhongducanjiren", Mode::Full).toEnd);
        QVERIFY(PinyinMatcher::match(bank, 0, u"chongdu", Mode::Full).matched);
    }
};

QTEST_GUILESS_MAIN(TestPinyinTable)
#include "tst_pinyin_table.moc"
