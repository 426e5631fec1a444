// EscPosStatus: the DLE EOT n requests, every bit of every answer, answers that are not status bytes, and
// the four answers combined into one PrinterStatus with the reason the device shows.
#include "EscPosStatus.h"
#include "StrictWarnings.h"

#include <QTest>

class TestPrinterStatus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void requests()
    {
        QCOMPARE(EscPosStatus::request(1), QByteArray::fromHex("100401"));
        QCOMPARE(EscPosStatus::request(2), QByteArray::fromHex("100402"));
        QCOMPARE(EscPosStatus::request(3), QByteArray::fromHex("100403"));
        QCOMPARE(EscPosStatus::request(4), QByteArray::fromHex("100404"));
        QVERIFY(EscPosStatus::request(0).isEmpty());
        QVERIFY(EscPosStatus::request(5).isEmpty());
        QCOMPARE(EscPosStatus::requestName(4), QStringLiteral("DLE EOT 4"));
    }

    void printerAnswer()
    {
        const EscPosStatusAnswer online = EscPosStatus::parsePrinter(0x12);
        QVERIFY(online.ok());
        QCOMPARE(online.request, 1);
        QVERIFY(online.flags.online);
        const EscPosStatusAnswer offline = EscPosStatus::parsePrinter(0x1A); // bit 3
        QVERIFY(offline.ok());
        QVERIFY(!offline.flags.online);
        // bits the answer does not define change nothing
        QVERIFY(EscPosStatus::parsePrinter(0x12 | 0x04 | 0x20 | 0x40 | 0x01).flags.online);
    }

    void offlineCauseAnswer_data()
    {
        QTest::addColumn<int>("byte");
        QTest::addColumn<bool>("cover");
        QTest::addColumn<bool>("feed");
        QTest::addColumn<bool>("paperEnd");
        QTest::addColumn<bool>("error");
        QTest::newRow("none") << 0x12 << false << false << false << false;
        QTest::newRow("bit2 cover open") << 0x16 << true << false << false << false;
        QTest::newRow("bit3 feed button") << 0x1A << false << true << false << false;
        QTest::newRow("bit5 stopped by paper end") << 0x32 << false << false << true << false;
        QTest::newRow("bit6 error") << 0x52 << false << false << false << true;
        QTest::newRow("all") << 0x7E << true << true << true << true;
    }
    void offlineCauseAnswer()
    {
        QFETCH(int, byte);
        QFETCH(bool, cover);
        QFETCH(bool, feed);
        QFETCH(bool, paperEnd);
        QFETCH(bool, error);
        const EscPosStatusAnswer a = EscPosStatus::parseOfflineCause(static_cast<unsigned char>(byte));
        QVERIFY(a.ok());
        QCOMPARE(a.request, 2);
        QCOMPARE(a.flags.coverOpen, cover);
        QCOMPARE(a.flags.feedButtonPressed, feed);
        QCOMPARE(a.flags.stoppedByPaperEnd, paperEnd);
        QCOMPARE(a.flags.errorOccurred, error);
    }

    void errorCauseAnswer_data()
    {
        QTest::addColumn<int>("byte");
        QTest::addColumn<bool>("cutter");
        QTest::addColumn<bool>("unrecoverable");
        QTest::addColumn<bool>("recoverable");
        QTest::newRow("none") << 0x12 << false << false << false;
        QTest::newRow("bit3 autocutter") << 0x1A << true << false << false;
        QTest::newRow("bit5 unrecoverable") << 0x32 << false << true << false;
        QTest::newRow("bit6 auto-recoverable") << 0x52 << false << false << true;
        QTest::newRow("bit2 means nothing here") << 0x16 << false << false << false;
    }
    void errorCauseAnswer()
    {
        QFETCH(int, byte);
        QFETCH(bool, cutter);
        QFETCH(bool, unrecoverable);
        QFETCH(bool, recoverable);
        const EscPosStatusAnswer a = EscPosStatus::parseErrorCause(static_cast<unsigned char>(byte));
        QVERIFY(a.ok());
        QCOMPARE(a.request, 3);
        QCOMPARE(a.flags.cutterError, cutter);
        QCOMPARE(a.flags.unrecoverableError, unrecoverable);
        QCOMPARE(a.flags.autoRecoverableError, recoverable);
    }

    void paperSensorAnswer_data()
    {
        QTest::addColumn<int>("byte");
        QTest::addColumn<bool>("nearEnd");
        QTest::addColumn<bool>("out");
        QTest::newRow("ok 0x12") << 0x12 << false << false;
        QTest::newRow("paper low 0x1e") << 0x1E << true << false;
        QTest::newRow("bit2 only") << 0x16 << true << false;
        QTest::newRow("bit3 only") << 0x1A << true << false;
        QTest::newRow("no paper 0x72") << 0x72 << false << true;
        QTest::newRow("bit5 only") << 0x32 << false << true;
        QTest::newRow("bit6 only") << 0x52 << false << true;
        QTest::newRow("both 0x7e") << 0x7E << true << true;
    }
    void paperSensorAnswer()
    {
        QFETCH(int, byte);
        QFETCH(bool, nearEnd);
        QFETCH(bool, out);
        const EscPosStatusAnswer a = EscPosStatus::parsePaperSensor(static_cast<unsigned char>(byte));
        QVERIFY(a.ok());
        QCOMPARE(a.request, 4);
        QCOMPARE(a.flags.paperNearEnd, nearEnd);
        QCOMPARE(a.flags.paperOut, out);
    }

    void parseDispatchesOnRequest()
    {
        QVERIFY(!EscPosStatus::parse(1, 0x1A).flags.online);
        QVERIFY(EscPosStatus::parse(2, 0x16).flags.coverOpen);
        QVERIFY(EscPosStatus::parse(3, 0x1A).flags.cutterError);
        QVERIFY(EscPosStatus::parse(4, 0x72).flags.paperOut);
        const EscPosStatusAnswer bad = EscPosStatus::parse(5, 0x12);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error, QStringLiteral("DLE EOT 5: not a status request (1..4)"));
    }

    void malformedBytes_data()
    {
        QTest::addColumn<int>("request");
        QTest::addColumn<int>("byte");
        QTest::newRow("zero") << 1 << 0x00;
        QTest::newRow("bit1 missing") << 2 << 0x10;
        QTest::newRow("bit4 missing") << 3 << 0x02;
        QTest::newRow("bit7 set") << 4 << 0x92;
        QTest::newRow("0xff") << 4 << 0xFF;
        QTest::newRow("ascii 'A'") << 1 << 0x41;
    }
    void malformedBytes()
    {
        QFETCH(int, request);
        QFETCH(int, byte);
        const EscPosStatusAnswer a = EscPosStatus::parse(request, static_cast<unsigned char>(byte));
        QVERIFY(!a.ok());
        QCOMPARE(a.request, request);
        QCOMPARE(a.byte, static_cast<unsigned char>(byte));
        QCOMPARE(a.error, QStringLiteral(
                              "DLE EOT %1: answer 0x%2 is not a status byte (bits 1 and 4 set, bit 7 clear)")
                              .arg(request)
                              .arg(byte, 2, 16, QLatin1Char('0')));
        QCOMPARE(a.flags, PrinterStatus{}); // nothing is read from a malformed byte
    }

    void combinedStatus_data()
    {
        QTest::addColumn<QByteArray>("answers");
        QTest::addColumn<bool>("canPrint");
        QTest::addColumn<QString>("reason");
        QTest::newRow("ready") << QByteArray::fromHex("12121212") << true << QString();
        QTest::newRow("paper low") << QByteArray::fromHex("1212121e") << true << QStringLiteral("paper low");
        QTest::newRow("paper out") << QByteArray::fromHex("1a321272") << false << QStringLiteral("paper out");
        QTest::newRow("paper out, sensor only")
            << QByteArray::fromHex("12121272") << false << QStringLiteral("paper out");
        QTest::newRow("stopped by paper end")
            << QByteArray::fromHex("1a321212") << false << QStringLiteral("paper out");
        QTest::newRow("cover open") << QByteArray::fromHex("1a161212") << false
                                    << QStringLiteral("cover open");
        QTest::newRow("cover open beats paper out")
            << QByteArray::fromHex("1a361272") << false << QStringLiteral("cover open");
        QTest::newRow("cutter") << QByteArray::fromHex("1a521a12") << false << QStringLiteral("cutter error");
        QTest::newRow("unrecoverable")
            << QByteArray::fromHex("1a523212") << false << QStringLiteral("unrecoverable error");
        QTest::newRow("recoverable") << QByteArray::fromHex("1a525212") << false
                                     << QStringLiteral("recoverable error");
        QTest::newRow("error, no cause")
            << QByteArray::fromHex("1a521212") << false << QStringLiteral("error");
        QTest::newRow("offline, no cause")
            << QByteArray::fromHex("1a121212") << false << QStringLiteral("offline");
        QTest::newRow("feed button: offline")
            << QByteArray::fromHex("1a1a1212") << false << QStringLiteral("offline");
        QTest::newRow("paper low while offline")
            << QByteArray::fromHex("1a12121e") << false << QStringLiteral("offline");
        QTest::newRow("malformed third answer")
            << QByteArray::fromHex("12120012") << false
            << QStringLiteral("DLE EOT 3: answer 0x00 is not a status byte (bits 1 and 4 set, bit 7 clear)");
        QTest::newRow("three answers")
            << QByteArray::fromHex("121212") << false << QStringLiteral("no answer to DLE EOT 4");
    }
    void combinedStatus()
    {
        QFETCH(QByteArray, answers);
        QFETCH(bool, canPrint);
        QFETCH(QString, reason);
        const PrinterStatus s = EscPosStatus::combine(answers);
        QCOMPARE(s.canPrint(), canPrint);
        QCOMPARE(s.reason(), reason);
        QCOMPARE(s.unavailableReason(), canPrint ? QString() : reason);
    }

    void combinedFlags()
    {
        const PrinterStatus s = EscPosStatus::combine(QByteArray::fromHex("1a7e7a7e"));
        QVERIFY(s.ok());
        QVERIFY(!s.online);
        QVERIFY(s.coverOpen);
        QVERIFY(s.feedButtonPressed);
        QVERIFY(s.stoppedByPaperEnd);
        QVERIFY(s.errorOccurred);
        QVERIFY(s.cutterError);
        QVERIFY(s.unrecoverableError);
        QVERIFY(s.autoRecoverableError);
        QVERIFY(s.paperNearEnd);
        QVERIFY(s.paperOut);

        const PrinterStatus ok = EscPosStatus::combine(QByteArray::fromHex("12121212"));
        QCOMPARE(ok, PrinterStatus{});
        QVERIFY(ok.online);
    }

    void answersMustComeInRequestOrder()
    {
        const PrinterStatus s =
            EscPosStatus::combine(EscPosStatus::parse(1, 0x12), EscPosStatus::parse(3, 0x12),
                                  EscPosStatus::parse(2, 0x12), EscPosStatus::parse(4, 0x12));
        QVERIFY(!s.ok());
        QVERIFY(!s.canPrint());
        QCOMPARE(s.error, QStringLiteral("expected the answer to DLE EOT 2, got the answer to DLE EOT 3"));
        QCOMPARE(s.reason(), s.error);
    }
};

QTEST_GUILESS_MAIN(TestPrinterStatus)
#include "tst_printer_status.moc"
