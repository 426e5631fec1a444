// SW3: every value of the reference maps to its own Status and an English description.
#include "sam/SamStatus.h"

#include "StrictWarnings.h"

#include <QSet>
#include <QTest>

Q_DECLARE_METATYPE(Sam::Status)

using namespace Sam;

class TestSamStatus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void referenceValues_data()
    {
        QTest::addColumn<int>("sw3");
        QTest::addColumn<Status>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("90") << 0x90 << Status::Success << "0x90: success";
        QTest::newRow("91") << 0x91 << Status::NoContent << "0x91: no content for this item";
        QTest::newRow("9F") << 0x9F << Status::CardFound << "0x9f: card found";
        QTest::newRow("10") << 0x10 << Status::ChecksumError << "0x10: checksum error in the command";
        QTest::newRow("11") << 0x11 << Status::LengthError << "0x11: length error in the command";
        QTest::newRow("21") << 0x21 << Status::BadCommand << "0x21: bad command";
        QTest::newRow("23") << 0x23 << Status::NotPermitted << "0x23: command not permitted";
        QTest::newRow("24") << 0x24 << Status::UnknownError << "0x24: unknown error";
        QTest::newRow("31") << 0x31 << Status::CardFailedToAuthenticateSam << "0x31: card failed to authenticate the SAM";
        QTest::newRow("32") << 0x32 << Status::SamFailedToAuthenticateCard << "0x32: SAM failed to authenticate the card";
        QTest::newRow("33") << 0x33 << Status::InformationCheckFailed << "0x33: information check failed";
        QTest::newRow("37") << 0x37 << Status::FingerprintCheckFailed << "0x37: fingerprint check failed";
        QTest::newRow("3F") << 0x3F << Status::InformationLengthError << "0x3f: information length error";
        QTest::newRow("40") << 0x40 << Status::UnknownCardType << "0x40: unknown card type";
        QTest::newRow("41") << 0x41 << Status::ReadFailed << "0x41: read card failed";
        QTest::newRow("47") << 0x47 << Status::RandomNumberFailed << "0x47: random number failed";
        QTest::newRow("60") << 0x60 << Status::SamSelfTestFailed << "0x60: SAM self-test failed";
        QTest::newRow("66") << 0x66 << Status::SamNotAuthorised << "0x66: SAM not authorised";
        QTest::newRow("80") << 0x80 << Status::NoCard << "0x80: no card found";
        QTest::newRow("81") << 0x81 << Status::SelectCardFailed << "0x81: select card failed";
    }
    void referenceValues()
    {
        QFETCH(int, sw3);
        QFETCH(Status, status);
        QFETCH(QString, message);
        const SamStatus s = SamStatus::fromSw3(quint8(sw3));
        QCOMPARE(s.status, status);
        QCOMPARE(int(s.byte), sw3);
        QCOMPARE(s.message(), message);
        QCOMPARE(s.isSuccess(), sw3 == 0x90);
    }

    void everyKnownValueIsDistinct()
    {
        QSet<int> seen;
        int known = 0;
        for (int b = 0; b < 256; ++b) {
            const SamStatus s = SamStatus::fromSw3(quint8(b));
            if (s.status == Status::Unknown)
                continue;
            ++known;
            seen.insert(int(s.status));
        }
        QCOMPARE(known, 20);
        QCOMPARE(seen.size(), 20);
    }

    void unknownKeepsTheByte()
    {
        const SamStatus s = SamStatus::fromSw3(0x42);
        QCOMPARE(s.status, Status::Unknown);
        QCOMPARE(s.byte, quint8(0x42));
        QCOMPARE(s.message(), QStringLiteral("0x42: unknown status"));
        QVERIFY(!s.isSuccess());
    }
};

QTEST_GUILESS_MAIN(TestSamStatus)
#include "tst_sam_status.moc"
