// HidPosScanner on an emulated /dev/hidraw0 (umockdev): discovery by report descriptor through sysfs, a
// Chinese UTF-8 payload over two 64-byte reports with ]Q1 kept, a damaged report (data length 64) refused
// with a clear error and no crash, a GB18030 payload, the node missing at start and arriving later.
// Fixtures: tests/fixtures/scanner/hidpos-*.{umockdev,script} (see README.md there).
#include "ScannerTestbed.h"

#include "HidPosScanner.h"
#include "hidraw/HidrawDiscovery.h"

#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTest>

namespace {
const QString kChinese = QStringLiteral(
    "上海市徐汇区一网通办 https://zwdt.sh.gov.cn/govPortals/case?no=SH-2026-000042&check=7f3a9c21");

// Everything the scanner says, in arrival order: "scan <symbology> <text>" / "error <operation>: <detail>".
struct Recorder
{
    QStringList events;
    void attach(CodeScanner &scanner)
    {
        QObject::connect(&scanner, &CodeScanner::codeScanned, [this](const ScannedCode &c) {
            events << QStringLiteral("scan %1 %2").arg(c.symbology, c.text);
        });
        QObject::connect(&scanner, &Device::errorOccurred, [this](const QString &op, const QString &detail) {
            events << QStringLiteral("error %1: %2").arg(op, detail);
        });
    }
};
} // namespace

class TestScannerHidraw : public QObject
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

    void discoveryReadsDescriptorsFromSysfs()
    {
        QString error;
        QVERIFY2(m_testbed->addDevices(ScannerTestbed::fixture("hidpos-scanner.umockdev"), &error),
                 qPrintable(error));
        // hidraw0 is the scanner, hidraw1 a keyboard.
        QCOMPARE(HidrawDiscovery::listNodes().size(), 2);
        QCOMPARE(HidrawDiscovery::findHidPosScanners(), QStringList{QStringLiteral("/dev/hidraw0")});
    }

    void multiReportChineseDamagedAndGb18030()
    {
        QString error;
        QVERIFY2(m_testbed->addDevices(ScannerTestbed::fixture("hidpos-scanner.umockdev"), &error),
                 qPrintable(error));
        QVERIFY2(
            m_testbed->loadScript("/dev/hidraw0", ScannerTestbed::fixture("hidpos-scans.script"), &error),
            qPrintable(error));

        Recorder recorder;
        HidPosScanner scanner(QStringLiteral("hall-scanner")); // no path: found by its report descriptor
        recorder.attach(scanner);
        scanner.start();
        QCOMPARE(scanner.devicePath(), QStringLiteral("/dev/hidraw0"));
        QTRY_VERIFY_WITH_TIMEOUT(scanner.isReady(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 3, 10000);
        QCOMPARE(
            recorder.events,
            (QStringList{QStringLiteral("scan ]Q1 ") + kChinese,
                         QStringLiteral(
                             "error scan: HID POS report data length 64, at most 56; scan dropped (0 bytes)"),
                         QStringLiteral("scan ]E0 徐汇区-0042")}));
        QVERIFY(scanner.isReady()); // a damaged report is an error of that scan, not of the device

        scanner.stop();
        QCOMPARE(scanner.status(), Device::Status::Unavailable);
        QCOMPARE(scanner.reason(), QStringLiteral("stopped"));
    }

    void nodeArrivesLater()
    {
        Recorder recorder;
        HidPosScanner scanner(QStringLiteral("hall-scanner"), QStringLiteral("/dev/hidraw0"));
        recorder.attach(scanner);
        scanner.start();
        QTRY_COMPARE_WITH_TIMEOUT(
            scanner.reason(), QStringLiteral("cannot open /dev/hidraw0: No such file or directory"), 10000);
        QCOMPARE(scanner.status(), Device::Status::Unavailable);

        QString error;
        QVERIFY2(m_testbed->addDevices(ScannerTestbed::fixture("hidpos-scanner.umockdev"), &error),
                 qPrintable(error));
        QVERIFY2(m_testbed->loadScript("/dev/hidraw0", ScannerTestbed::fixture("hidpos-one.script"), &error),
                 qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(scanner.isReady(), 10000); // reopened by the reader (every second)
        QTRY_COMPARE_WITH_TIMEOUT(recorder.events, QStringList{QStringLiteral("scan ]Q1 一网通办 ABC-123")},
                                  10000);
    }

    void unplugMakesUnavailableAndReopens()
    {
        QString error;
        QVERIFY2(m_testbed->addDevices(ScannerTestbed::fixture("hidpos-scanner.umockdev"), &error),
                 qPrintable(error));
        QVERIFY2(m_testbed->loadScript("/dev/hidraw0", ScannerTestbed::fixture("hidpos-one.script"), &error),
                 qPrintable(error));
        Recorder recorder; // declared before the scanner: it outlives the scanner's last signals
        QStringList states;
        HidPosScanner scanner(QStringLiteral("hall-scanner"), QStringLiteral("/dev/hidraw0"));
        recorder.attach(scanner);
        connect(&scanner, &Device::stateChanged, this, [&] {
            states << Device::statusName(scanner.status()) + QLatin1Char(' ') + scanner.reason();
        });
        scanner.start();
        QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 1, 10000);
        QVERIFY(scanner.isReady());
        states.clear();

        // Unplug: the node hangs up and disappears; the reader closes it and keeps trying to reopen it.
        QVERIFY(m_testbed->hangUp(QStringLiteral("/dev/hidraw0")));
        m_testbed->removeDevice(QStringLiteral(
            "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/0003:0C2E:0B61.0001/hidraw/hidraw0"));
        QTRY_VERIFY_WITH_TIMEOUT(states.size() >= 2, 10000);
        QCOMPARE(
            states.mid(0, 2),
            (QStringList{QStringLiteral("unavailable /dev/hidraw0: read: end of file (device gone)"),
                         QStringLiteral("unavailable cannot open /dev/hidraw0: No such file or directory")}));
        QCOMPARE(recorder.events.size(), 1); // no error, no scan out of an unplug
    }

    void noScannerPresentThenOneArrives()
    {
        Recorder recorder;
        HidPosScanner scanner(QStringLiteral("hall-scanner"));
        recorder.attach(scanner);
        scanner.start();
        QCOMPARE(scanner.status(), Device::Status::Unavailable);
        QCOMPARE(scanner.reason(), QStringLiteral("no HID POS scanner (usage page 0x8C) among /dev/hidraw*"));

        QString error;
        QVERIFY2(m_testbed->addDevices(ScannerTestbed::fixture("hidpos-scanner.umockdev"), &error),
                 qPrintable(error));
        QVERIFY2(m_testbed->loadScript("/dev/hidraw0", ScannerTestbed::fixture("hidpos-one.script"), &error),
                 qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(scanner.devicePath(), QStringLiteral("/dev/hidraw0"),
                                  10000); // looked again
        QTRY_COMPARE_WITH_TIMEOUT(recorder.events, QStringList{QStringLiteral("scan ]Q1 一网通办 ABC-123")},
                                  10000);
        scanner.stop();
        QCOMPARE(scanner.reason(), QStringLiteral("stopped"));
    }

private:
    std::unique_ptr<ScannerTestbed> m_testbed;
};

QTEST_GUILESS_MAIN(TestScannerHidraw)
#include "tst_scanner_hidraw.moc"
