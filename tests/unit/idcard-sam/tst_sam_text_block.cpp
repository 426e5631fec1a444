// The 256-byte text block of all four card types, built here field by field at the layout offsets, and
// the read responses around it (30 01, 30 10, 30 03). All people are fictional.
#include "sam/SamEthnicity.h"
#include "sam/SamReadResponse.h"
#include "sam/SamTextBlock.h"

#include "SamTestData.h"
#include "StrictWarnings.h"

#include <QSet>
#include <QTest>

Q_DECLARE_METATYPE(IdCardData::Sex)
Q_DECLARE_METATYPE(Sam::TextBlockError::Kind)

using namespace Sam;

namespace {
TextBlockBuilder resident()
{
    TextBlockBuilder b;
    b.put(0, 30, QStringLiteral("赵一鸣"))
        .put(30, 2, QStringLiteral("1"))
        .put(32, 4, QStringLiteral("01"))
        .put(36, 16, QStringLiteral("19880412"))
        .put(52, 70, QStringLiteral("上海市黄浦区测试路100弄5号"))
        .put(122, 36, withCheckCharacter(QStringLiteral("31010119880412001")))
        .put(158, 30, QStringLiteral("上海市公安局黄浦分局"))
        .put(188, 16, QStringLiteral("20160301"))
        .put(204, 16, QStringLiteral("20360301"));
    return b;
}

TextBlockBuilder permitJ()
{
    TextBlockBuilder b;
    b.put(0, 30, QStringLiteral("何家欣"))
        .put(30, 2, QStringLiteral("2"))
        .put(36, 16, QStringLiteral("19950630"))
        .put(52, 70, QStringLiteral("广东省珠海市香洲区演示街3号"))
        .put(122, 36, withCheckCharacter(QStringLiteral("82000019950630004")))
        .put(158, 30, QStringLiteral("珠海市公安局"))
        .put(188, 16, QStringLiteral("20210901"))
        .put(204, 16, QStringLiteral("20260901"))
        .put(220, 18, QStringLiteral("M87654321"))
        .put(238, 4, QStringLiteral("02"))
        .flag(QLatin1Char('J'));
    return b;
}
} // namespace

class TestSamTextBlock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void residentCard()
    {
        const TextBlockResult r = decodeTextBlock(resident().bytes());
        QVERIFY2(r.ok(), qPrintable(r.error.message()));
        const IdCardData &c = r.card;
        QCOMPARE(c.cardType, IdCardData::CardType::Resident);
        QCOMPARE(c.name, QStringLiteral("赵一鸣"));
        QCOMPARE(c.sex, IdCardData::Sex::Male);
        QCOMPARE(c.ethnicity, QStringLiteral("汉"));
        QCOMPARE(c.birth, QDate(1988, 4, 12));
        QCOMPARE(c.address, QStringLiteral("上海市黄浦区测试路100弄5号"));
        QCOMPARE(c.idNumber, withCheckCharacter(QStringLiteral("31010119880412001")));
        QCOMPARE(c.issuer, QStringLiteral("上海市公安局黄浦分局"));
        QCOMPARE(c.validFrom, QDate(2016, 3, 1));
        QCOMPARE(c.validTo, QDate(2036, 3, 1));
        QVERIFY(!c.longTerm);
        QVERIFY(c.passNumber.isEmpty());
        QCOMPARE(c.issueCount, -1);
        QCOMPARE(c.renewalCount, -1);
    }

    void residentFlagZeroLongTermAndCheckX()
    {
        // Find a sequence number whose check character is X.
        QString number;
        for (int seq = 1; seq < 1000 && !number.endsWith(QLatin1Char('X')); ++seq)
            number = withCheckCharacter(QStringLiteral("11010219520101%1").arg(seq, 3, 10, QLatin1Char('0')));
        QVERIFY(number.endsWith(QLatin1Char('X')));
        TextBlockBuilder b = resident();
        b.put(122, 36, number).put(204, 16, QStringLiteral("长期")).put(32, 4, QStringLiteral("56")).rawFlag(0);
        const TextBlockResult r = decodeTextBlock(b.bytes());
        QVERIFY2(r.ok(), qPrintable(r.error.message()));
        QCOMPARE(r.card.cardType, IdCardData::CardType::Resident);
        QCOMPARE(r.card.idNumber, number);
        QVERIFY(r.card.longTerm);
        QVERIFY(!r.card.validTo.isValid());
        QCOMPARE(r.card.ethnicity, QStringLiteral("基诺"));
    }

    void sexCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<IdCardData::Sex>("sex");
        QTest::newRow("0") << "0" << IdCardData::Sex::Unknown;
        QTest::newRow("1") << "1" << IdCardData::Sex::Male;
        QTest::newRow("2") << "2" << IdCardData::Sex::Female;
        QTest::newRow("9") << "9" << IdCardData::Sex::Unspecified;
    }
    void sexCodes()
    {
        QFETCH(QString, code);
        QFETCH(IdCardData::Sex, sex);
        const TextBlockResult r = decodeTextBlock(resident().put(30, 2, code).bytes());
        QVERIFY2(r.ok(), qPrintable(r.error.message()));
        QCOMPARE(r.card.sex, sex);
    }

    void ethnicityNames_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("name");
        QTest::newRow("01") << "01" << "汉";
        QTest::newRow("02") << "02" << "蒙古";
        QTest::newRow("05") << "05" << "维吾尔";
        QTest::newRow("10") << "10" << "朝鲜";
        QTest::newRow("29") << "29" << "柯尔克孜";
        QTest::newRow("43") << "43" << "乌孜别克";
        QTest::newRow("56") << "56" << "基诺";
        QTest::newRow("97") << "97" << "其他";
        QTest::newRow("98") << "98" << "外国血统中国籍人士";
    }
    void ethnicityNames()
    {
        QFETCH(QString, code);
        QFETCH(QString, name);
        QCOMPARE(ethnicityName(code), name);
        const TextBlockResult r = decodeTextBlock(resident().put(32, 4, code).bytes());
        QVERIFY2(r.ok(), qPrintable(r.error.message()));
        QCOMPARE(r.card.ethnicity, name);
    }

    void ethnicityTableIsComplete()
    {
        QSet<QString> names;
        for (int code = 1; code <= 56; ++code) {
            const QString name = ethnicityName(QStringLiteral("%1").arg(code, 2, 10, QLatin1Char('0')));
            QVERIFY2(!name.isEmpty(), qPrintable(QString::number(code)));
            names.insert(name);
        }
        QCOMPARE(names.size(), 56);
        for (const char *bad : {"00", "57", "96", "99", "1", "001", "a1", ""})
            QVERIFY2(ethnicityName(QString::fromLatin1(bad)).isNull(), bad);
    }

    void hkMoTwPermit()
    {
        const TextBlockResult r = decodeTextBlock(permitJ().bytes());
        QVERIFY2(r.ok(), qPrintable(r.error.message()));
        const IdCardData &c = r.card;
        QCOMPARE(c.cardType, IdCardData::CardType::HkMoTwPermit);
        QCOMPARE(c.name, QStringLiteral("何家欣"));
        QCOMPARE(c.sex, IdCardData::Sex::Female);
        QVERIFY(c.ethnicity.isEmpty());
        QCOMPARE(c.birth, QDate(1995, 6, 30));
        QCOMPARE(c.idNumber, withCheckCharacter(QStringLiteral("82000019950630004")));
        QCOMPARE(c.issuer, QStringLiteral("珠海市公安局"));
        QCOMPARE(c.validFrom, QDate(2021, 9, 1));
        QCOMPARE(c.validTo, QDate(2026, 9, 1));
        QCOMPARE(c.passNumber, QStringLiteral("M87654321"));
        QCOMPARE(c.issueCount, 2);
    }

    void foreigner2017()
    {
        TextBlockBuilder b;
        b.put(0, 120, QStringLiteral("SMITH, JANE EXAMPLE"))
            .put(120, 2, QStringLiteral("2"))
            .put(122, 30, QStringLiteral("USA310078090101"))
            .put(152, 6, QStringLiteral("USA"))
            .put(158, 30, QStringLiteral("史珍"))
            .put(188, 16, QStringLiteral("20170815"))
            .put(204, 16, QStringLiteral("20270814"))
            .put(220, 16, QStringLiteral("19780901"))
            .put(236, 4, QStringLiteral("01"))
            .put(240, 8, QStringLiteral("1500"))
            .flag(QLatin1Char('I'));
        const TextBlockResult r = decodeTextBlock(b.bytes());
        QVERIFY2(r.ok(), qPrintable(r.error.message()));
        const IdCardData &c = r.card;
        QCOMPARE(c.cardType, IdCardData::CardType::Foreign2017);
        QCOMPARE(c.englishName, QStringLiteral("SMITH, JANE EXAMPLE"));
        QCOMPARE(c.chineseName, QStringLiteral("史珍"));
        QCOMPARE(c.name, QStringLiteral("史珍"));
        QCOMPARE(c.sex, IdCardData::Sex::Female);
        QCOMPARE(c.idNumber, QStringLiteral("USA310078090101"));
        QCOMPARE(c.nationality, QStringLiteral("USA"));
        QCOMPARE(c.validFrom, QDate(2017, 8, 15));
        QCOMPARE(c.validTo, QDate(2027, 8, 14));
        QCOMPARE(c.birth, QDate(1978, 9, 1));
        QCOMPARE(c.issuer, QStringLiteral("1500"));

        // Without a Chinese name, name falls back to the English one.
        const TextBlockResult noChinese = decodeTextBlock(b.put(158, 30, QString(15, QLatin1Char(' '))).bytes());
        QVERIFY(noChinese.ok());
        QVERIFY(noChinese.card.chineseName.isEmpty());
        QCOMPARE(noChinese.card.name, QStringLiteral("SMITH, JANE EXAMPLE"));
    }

    void foreigner2023()
    {
        // The English name is split: characters 1-35 at 52, 36-46 at 220. Here the seam falls just after a
        // space, which must survive the join.
        const QString part1 = QStringLiteral("VAN DER BERG-OOSTERHUIS, KATHARINA ");
        const QString part2 = QStringLiteral("WILHELMINA");
        QCOMPARE(part1.size(), 35);
        const QString fits = part1 + part2;
        TextBlockBuilder b;
        b.put(0, 30, QStringLiteral("穆马克"))
            .put(30, 2, QStringLiteral("1"))
            .put(32, 4, QStringLiteral("01"))
            .put(36, 16, QStringLiteral("19700101"))
            .put(52, 70, part1)
            .put(122, 36, QStringLiteral("932276197001010013"))
            .put(188, 16, QStringLiteral("20231201"))
            .put(204, 16, QStringLiteral("20331130"))
            .put(220, 22, part2)
            .put(242, 6, QStringLiteral("DEU"))
            .flag(QLatin1Char('Y'));
        const TextBlockResult r = decodeTextBlock(b.bytes());
        QVERIFY2(r.ok(), qPrintable(r.error.message()));
        const IdCardData &c = r.card;
        QCOMPARE(c.cardType, IdCardData::CardType::Foreign2023);
        QCOMPARE(c.chineseName, QStringLiteral("穆马克"));
        QCOMPARE(c.name, QStringLiteral("穆马克"));
        QCOMPARE(c.englishName, fits);
        QCOMPARE(c.sex, IdCardData::Sex::Male);
        QCOMPARE(c.renewalCount, 1);
        QCOMPARE(c.birth, QDate(1970, 1, 1));
        QCOMPARE(c.idNumber, QStringLiteral("932276197001010013"));
        QCOMPARE(c.validFrom, QDate(2023, 12, 1));
        QCOMPARE(c.validTo, QDate(2033, 11, 30));
        QCOMPARE(c.nationality, QStringLiteral("DEU"));
        QVERIFY(c.issuer.isEmpty());

        // A short English name sits in the first part only.
        const TextBlockResult shortName = decodeTextBlock(
            b.put(52, 70, QStringLiteral("LEE, ANNA") + QString(26, QLatin1Char(' ')))
                .put(220, 22, QString(11, QLatin1Char(' ')))
                .bytes());
        QVERIFY(shortName.ok());
        QCOMPARE(shortName.card.englishName, QStringLiteral("LEE, ANNA"));
    }

    void errorsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("block");
        QTest::addColumn<TextBlockError::Kind>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("birth month 13") << resident().put(36, 16, QStringLiteral("19881312")).bytes()
                                        << TextBlockError::Kind::BadDate << "birth: not a YYYYMMDD date";
        QTest::newRow("valid from blank") << resident().put(188, 16, QString(8, QLatin1Char(' '))).bytes()
                                          << TextBlockError::Kind::BadDate << "valid from: not a YYYYMMDD date";
        QTest::newRow("valid to letters") << resident().put(204, 16, QStringLiteral("2036O301")).bytes()
                                          << TextBlockError::Kind::BadDate << "valid to: not a YYYYMMDD date";
        QTest::newRow("sex 3") << resident().put(30, 2, QStringLiteral("3")).bytes()
                               << TextBlockError::Kind::BadSex << "sex: not a sex code (0, 1, 2, 9)";
        QTest::newRow("ethnicity 57") << resident().put(32, 4, QStringLiteral("57")).bytes()
                                      << TextBlockError::Kind::BadEthnicity << "ethnicity: not a GB 3304 code";
        QTest::newRow("issue count") << permitJ().put(238, 4, QStringLiteral("x1")).bytes()
                                     << TextBlockError::Kind::BadNumber << "issue count: not a number";
        QTest::newRow("flag Q") << resident().flag(QLatin1Char('Q')).bytes()
                                << TextBlockError::Kind::UnknownCardType << "card type flag: unknown 0x0051";
        QTest::newRow("short") << resident().bytes().left(200) << TextBlockError::Kind::WrongSize
                               << "text block: 200 bytes, expected 256";
    }
    void errorsNameTheField()
    {
        QFETCH(QByteArray, block);
        QFETCH(TextBlockError::Kind, kind);
        QFETCH(QString, message);
        const TextBlockResult r = decodeTextBlock(block);
        QCOMPARE(r.error.kind, kind);
        QCOMPARE(r.error.message(), message);
        QVERIFY(r.card.isEmpty());
    }

    void readTextSplitsTextAndPhoto()
    {
        const QByteArray text = resident().bytes();
        const ReadTextParts parts = splitReadText(makeResponse(0x90, readTextData(text, fakePhoto())));
        QVERIFY2(parts.ok(), qPrintable(parts.error.message()));
        QCOMPARE(parts.text, text);
        QCOMPARE(parts.photo, fakePhoto());
        QVERIFY(!parts.withFingerprint);

        const ReadTextParts failed = splitReadText(makeResponse(0x41, {}));
        QCOMPARE(failed.error.kind, ReadError::Kind::Status);
        QCOMPARE(failed.error.message(), QStringLiteral("SW3 0x41: read card failed"));

        const ReadTextParts cut = splitReadText(makeResponse(0x90, readTextData(text, fakePhoto()).left(1200)));
        QCOMPARE(cut.error.kind, ReadError::Kind::LengthMismatch);
        QCOMPARE(cut.error.message(), QStringLiteral("lengths: header announces 1284 data bytes, frame has 1200"));

        QCOMPARE(splitReadText(makeResponse(0x90, QByteArray(3, '\0'))).error.kind, ReadError::Kind::ShortHeader);
    }

    void readWithFingerprint()
    {
        const QByteArray text = permitJ().bytes();
        const QByteArray prints(1024, '\x5A');
        QByteArray data;
        data.append(hexBytes("01 00 04 00 04 00")).append(text).append(fakePhoto()).append(prints);
        const ReadTextParts parts = splitReadWithFingerprint(makeResponse(0x90, data));
        QVERIFY2(parts.ok(), qPrintable(parts.error.message()));
        QVERIFY(parts.withFingerprint);
        QCOMPARE(parts.text, text);
        QCOMPARE(parts.photo, fakePhoto());
        QCOMPARE(parts.fingerprint, prints);
        QCOMPARE(responseFrame(0x90, data).size(), 2321);
    }

    void appendedAddress()
    {
        TextBlockBuilder b; // reuse the builder for a 70-byte UCS-2 field
        b.put(0, 70, QStringLiteral("上海市徐汇区样例路7号"));
        const AppendedAddress present = decodeAppendedAddress(makeResponse(0x90, b.bytes().left(70)));
        QVERIFY2(present.ok(), qPrintable(present.error.message()));
        QVERIFY(present.present);
        QCOMPARE(present.address, QStringLiteral("上海市徐汇区样例路7号"));

        const AppendedAddress none = decodeAppendedAddress(makeResponse(0x91, {}));
        QVERIFY(none.ok());
        QVERIFY(!none.present);

        const AppendedAddress failed = decodeAppendedAddress(makeResponse(0x41, {}));
        QCOMPARE(failed.error.kind, ReadError::Kind::Status);
        QCOMPARE(decodeAppendedAddress(makeResponse(0x90, QByteArray(10, ' '))).error.kind,
                 ReadError::Kind::LengthMismatch);
    }

private:
    static SamResponse makeResponse(quint8 sw3, const QByteArray &data)
    {
        SamResponse r;
        r.sw3 = sw3;
        r.data = data;
        return r;
    }
};

QTEST_GUILESS_MAIN(TestSamTextBlock)
#include "tst_sam_text_block.moc"
