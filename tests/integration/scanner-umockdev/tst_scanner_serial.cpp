// SerialScanner (Qt SerialPort on its worker thread) on an emulated /dev/ttyACM0 (umockdev pty): CRLF, CR +
// LF split across reads and LF framing, a 5000-byte line rejected with a clear error and dropped to its
// terminator, and an unplug (the device side hangs up) reported as Unavailable.
// Fixtures: tests/fixtures/scanner/serial-scan*.{umockdev,script}.
#include "ScannerTestbed.h"

#include "SerialScanner.h"

#include "StrictWarnings.h"

#include <QTest>

class TestScannerSerial : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        const QString why = ScannerTestbed::notMockedReason();
        if (!why.isEmpty())
            QFAIL(qPrintable(why));
    }

    void init() { m_testbed = std::make_unique<ScannerTestbed>(); }
    void cleanup() { m_testbed.reset(); }

    void framingOverLongAndUnplug()
    {
        QString error;
        QVERIFY2(m_testbed->addDevices(ScannerTestbed::fixture("serial-scanner.umockdev"), &error),
                 qPrintable(error));
        QVERIFY2(
            m_testbed->loadScript("/dev/ttyACM0", ScannerTestbed::fixture("serial-scans.script"), &error),
            qPrintable(error));

        QStringList events;
        SerialScanner scanner(QStringLiteral("counter-scanner"), QStringLiteral("ttyACM0"));
        QCOMPARE(scanner.portName(), QStringLiteral("/dev/ttyACM0"));
        connect(&scanner, &CodeScanner::codeScanned, this,
                [&](const ScannedCode &c) { events << QStringLiteral("scan ") + c.text; });
        connect(&scanner, &Device::errorOccurred, this, [&](const QString &op, const QString &detail) {
            events << QStringLiteral("error %1: %2").arg(op, detail);
        });
        scanner.start();
        QTRY_VERIFY_WITH_TIMEOUT(scanner.isReady(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 4, 10000);
        QCOMPARE(
            events,
            (QStringList{
                QStringLiteral("scan 上海市徐汇区一网通办 "
                               "https://zwdt.sh.gov.cn/govPortals/case?no=SH-2026-000042&check=7f3a9c21"),
                QStringLiteral("scan SH-2026-000042"),
                QStringLiteral(
                    "error scan: serial line too long: over 4096 bytes; dropped up to the next CR/LF"),
                QStringLiteral("scan after-the-long-one")}));

        QVERIFY(m_testbed->hangUp(QStringLiteral("/dev/ttyACM0")));
        QTRY_COMPARE_WITH_TIMEOUT(scanner.status(), Device::Status::Unavailable, 10000);
        QVERIFY2(scanner.reason().startsWith(QStringLiteral("/dev/ttyACM0: ")), qPrintable(scanner.reason()));

        scanner.stop();
        QCOMPARE(scanner.reason(), QStringLiteral("stopped"));
        scanner.disconnect(this);
    }

    void missingPortIsUnavailable()
    {
        SerialScanner scanner(QStringLiteral("counter-scanner"), QStringLiteral("/dev/ttyACM7"));
        scanner.start();
        QTRY_VERIFY_WITH_TIMEOUT(scanner.reason().startsWith(QStringLiteral("cannot open /dev/ttyACM7: ")),
                                 10000);
        QCOMPARE(scanner.status(), Device::Status::Unavailable);
    }

private:
    std::unique_ptr<ScannerTestbed> m_testbed;
};

QTEST_GUILESS_MAIN(TestScannerSerial)
#include "tst_scanner_serial.moc"
