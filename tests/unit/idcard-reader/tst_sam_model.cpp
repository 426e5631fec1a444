// The SAM module device model and the text block encoder it answers with: frames exactly like a real SAM
// (checked with the independent codec), the card life cycle, and each fault knob.
#include "ReaderTestSupport.h"
#include "StrictWarnings.h"
#include "sam/SamFrame.h"
#include "sam/SamModuleModel.h"
#include "sam/SamReadResponse.h"
#include "sam/SamTextBlock.h"
#include "sam/SamTextBlockEncoder.h"

#include <QtTest>

using namespace Sam;

namespace {
IdCardData permitJ()
{
    IdCardData c;
    c.cardType = IdCardData::CardType::HkMoTwPermit;
    c.name = QStringLiteral("陈港生");
    c.sex = IdCardData::Sex::Female;
    c.birth = QDate(1990, 1, 1);
    c.address = QStringLiteral("广东省深圳市福田区测试街1号");
    c.idNumber = QStringLiteral("810000199001010027");
    c.issuer = QStringLiteral("深圳市公安局");
    c.validFrom = QDate(2020, 5, 6);
    c.validTo = QDate(2025, 5, 6);
    c.passNumber = QStringLiteral("H12345678");
    c.issueCount = 2;
    return c;
}

IdCardData foreign2017()
{
    IdCardData c;
    c.cardType = IdCardData::CardType::Foreign2017;
    c.englishName = QStringLiteral("SMITH, JOHN ALEXANDER");
    c.chineseName = QStringLiteral("史密斯");
    c.name = c.chineseName;
    c.sex = IdCardData::Sex::Male;
    c.idNumber = QStringLiteral("USA310080010101");
    c.nationality = QStringLiteral("USA");
    c.validFrom = QDate(2017, 7, 1);
    c.validTo = QDate(2027, 7, 1);
    c.birth = QDate(1980, 1, 1);
    c.issuer = QStringLiteral("1500");
    return c;
}

IdCardData foreign2023()
{
    IdCardData c;
    c.cardType = IdCardData::CardType::Foreign2023;
    c.chineseName = QString();
    c.englishName = QStringLiteral("VAN DER BERG-MAXIMILIANUS, JOHANNA KATHARINA ELISABETH").left(46);
    c.name = c.englishName;
    c.sex = IdCardData::Sex::Female;
    c.renewalCount = 1;
    c.birth = QDate(1975, 12, 31);
    c.idNumber = QStringLiteral("931586197512310022");
    c.validFrom = QDate(2023, 12, 1);
    c.longTerm = true;
    c.nationality = QStringLiteral("NLD");
    return c;
}

void compareCards(const IdCardData &a, const IdCardData &b)
{
    QCOMPARE(a.cardType, b.cardType);
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.sex, b.sex);
    QCOMPARE(a.ethnicity, b.ethnicity);
    QCOMPARE(a.birth, b.birth);
    QCOMPARE(a.address, b.address);
    QCOMPARE(a.idNumber, b.idNumber);
    QCOMPARE(a.issuer, b.issuer);
    QCOMPARE(a.validFrom, b.validFrom);
    QCOMPARE(a.validTo, b.validTo);
    QCOMPARE(a.longTerm, b.longTerm);
    QCOMPARE(a.englishName, b.englishName);
    QCOMPARE(a.nationality, b.nationality);
    QCOMPARE(a.chineseName, b.chineseName);
    QCOMPARE(a.passNumber, b.passNumber);
    QCOMPARE(a.issueCount, b.issueCount);
    QCOMPARE(a.renewalCount, b.renewalCount);
}

SamResponse ask(SamModuleModel &model, const QByteArray &command)
{
    return parseResponse(model.respond(command));
}
} // namespace

class TestSamModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void encoderRoundTrip_data()
    {
        QTest::addColumn<IdCardData>("card");
        QTest::newRow("resident") << testResident();
        QTest::newRow("hk_mo_tw_permit") << permitJ();
        QTest::newRow("foreign_2017") << foreign2017();
        QTest::newRow("foreign_2023") << foreign2023();
    }

    void encoderRoundTrip()
    {
        QFETCH(IdCardData, card);
        const TextBlockEncoding encoded = encodeTextBlock(card);
        QVERIFY2(encoded.ok(), qPrintable(encoded.error));
        QCOMPARE(encoded.block.size(), kTextBlockSize);
        const TextBlockResult decoded = decodeTextBlock(encoded.block);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error.message()));
        compareCards(decoded.card, card);
    }

    void encoderNamesTheFieldThatDoesNotFit()
    {
        IdCardData card = testResident();
        card.name = QString(16, QChar(u'张'));
        TextBlockEncoding encoded = encodeTextBlock(card);
        QCOMPARE(encoded.error, QStringLiteral("name: 16 characters, room for 15"));
        QVERIFY(encoded.block.isEmpty());
        card = testResident();
        card.ethnicity = QStringLiteral("火星");
        QCOMPARE(encodeTextBlock(card).error, QStringLiteral("ethnicity: not a GB 3304 name"));
    }

    void lifeCycle()
    {
        SamModuleModel model;
        QCOMPARE(ask(model, statusCommand()).sw3, quint8(0x90));
        QCOMPARE(model.respond(findCardCommand()), QByteArray::fromHex("AAAAAA9669000400008084"));
        QCOMPARE(ask(model, selectCardCommand()).sw3, quint8(0x81));
        model.placeCard(testResident());
        QCOMPARE(model.respond(findCardCommand()),
                 QByteArray::fromHex("AAAAAA966900080000 9F0000000097").replace(' ', ""));
        QCOMPARE(ask(model, selectCardCommand()).sw3, quint8(0x90));
        const QByteArray frame = model.respond(readTextCommand());
        QCOMPARE(frame.size(), 1295);
        const ReadTextParts parts = splitReadText(parseResponse(frame));
        QVERIFY(parts.ok());
        QCOMPARE(parts.photo, SamModuleModel::defaultPhoto());
        compareCards(decodeTextBlock(parts.text).card, testResident());
        // halted: find fails while the card stays, select still answers
        QCOMPARE(ask(model, findCardCommand()).sw3, quint8(0x80));
        QCOMPARE(ask(model, selectCardCommand()).sw3, quint8(0x90));
        model.removeCard();
        QCOMPARE(ask(model, selectCardCommand()).sw3, quint8(0x81));
        QCOMPARE(ask(model, findCardCommand()).sw3, quint8(0x80));
        model.placeCard(testResident());
        QCOMPARE(ask(model, findCardCommand()).sw3, quint8(0x9F));
        QCOMPARE(model.commandCount(0x20, 0x01), 5);
    }

    void readWithoutSelectFails()
    {
        SamModuleModel model;
        model.placeCard(testResident());
        QCOMPARE(ask(model, readTextCommand()).sw3, quint8(0x41));
    }

    void fingerprintAndAppendedAddress()
    {
        SamModuleModel model;
        model.placeCard(testResident(), {}, QByteArray(512, '\x11'), QStringLiteral("上海市徐汇区新址路8号"));
        ask(model, selectCardCommand());
        const ReadTextParts parts = splitReadWithFingerprint(ask(model, readWithFingerprintCommand()));
        QVERIFY2(parts.ok(), qPrintable(parts.error.message()));
        QCOMPARE(parts.fingerprint.size(), 512);
        const AppendedAddress address = decodeAppendedAddress(ask(model, readAppendedAddressCommand()));
        QVERIFY(address.ok() && address.present);
        QCOMPARE(address.address, QStringLiteral("上海市徐汇区新址路8号"));
        model.placeCard(testResident());
        QCOMPARE(ask(model, readAppendedAddressCommand()).sw3, quint8(0x91));
    }

    void badCommands()
    {
        SamModuleModel model;
        QByteArray command = findCardCommand();
        command.back() = char(command.back() ^ 1);
        QCOMPARE(ask(model, command).sw3, quint8(0x10));
        QCOMPARE(ask(model, buildCommand(0x55, 0x01)).sw3, quint8(0x21));
        QVERIFY(model.respond(QByteArray("garbage")).isEmpty());
    }

    void faults()
    {
        SamModuleModel model;
        model.placeCard(testResident());
        model.injectSw3(0x20, 0x02, 0x81, 2);
        QCOMPARE(ask(model, selectCardCommand()).sw3, quint8(0x81));
        QCOMPARE(ask(model, selectCardCommand()).sw3, quint8(0x81));
        QCOMPARE(ask(model, selectCardCommand()).sw3, quint8(0x90));

        model.injectBadChecksum(0x30, 0x01);
        SamResponse r = ask(model, readTextCommand());
        QCOMPARE(r.error.kind, FrameError::Kind::BadChecksum);

        ask(model, selectCardCommand());
        model.injectTruncation(0x30, 0x01, 100);
        QCOMPARE(model.respond(readTextCommand()).size(), 100);

        model.injectSilence(0xFF, 0xFF);
        QVERIFY(model.respond(statusCommand()).isEmpty());
        QCOMPARE(ask(model, statusCommand()).sw3, quint8(0x90));
    }

    void streamInChunks()
    {
        SamModuleModel model;
        const QByteArray stream = QByteArray("\x01\x02", 2) + statusCommand() + findCardCommand();
        QByteArray out;
        for (char b : stream)
            out += model.feed(QByteArray(1, b));
        QCOMPARE(out, buildResponse(0x90) + buildResponse(0x80));
    }
};

QTEST_GUILESS_MAIN(TestSamModel)
#include "tst_sam_model.moc"
