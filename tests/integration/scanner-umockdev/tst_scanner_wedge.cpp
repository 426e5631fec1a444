// WedgeScanner on an emulated /dev/input/event5 (umockdev): evemu key events typed by a wedge scanner with
// Shift characters and Enter, a scan with Ctrl in it rejected, and the EVIOCGRAB calls seen by the device
// (grab on open, release on stop). Fixtures: tests/fixtures/scanner/wedge-scan*.{umockdev,events}.
#include "ScannerTestbed.h"

#include "WedgeScanner.h"

#include "StrictWarnings.h"

#include <QTest>

#include <cerrno>

class TestScannerWedge : public QObject
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

    void scansShiftEnterAndGrab()
    {
        QString error;
        QVERIFY2(m_testbed->addDevices(ScannerTestbed::fixture("wedge-scanner.umockdev"), &error),
                 qPrintable(error));
        QVERIFY2(m_testbed->attachEvdevIoctls("/dev/input/event5", &error), qPrintable(error));
        QVERIFY2(
            m_testbed->loadEvents("/dev/input/event5", ScannerTestbed::fixture("wedge-scans.events"), &error),
            qPrintable(error));

        QStringList events;
        WedgeScanner scanner(QStringLiteral("wedge"), QStringLiteral("/dev/input/event5"));
        connect(&scanner, &CodeScanner::codeScanned, this, [&](const ScannedCode &c) {
            events << QStringLiteral("scan '%1' '%2'").arg(c.text, c.symbology);
        });
        connect(&scanner, &Device::errorOccurred, this, [&](const QString &op, const QString &detail) {
            events << QStringLiteral("error %1: %2").arg(op, detail);
        });
        scanner.start();
        QTRY_VERIFY_WITH_TIMEOUT(scanner.isReady(), 10000);
        QCOMPARE(m_testbed->grabCalls(), QList<long>{1}); // grabbed before any key is read

        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 3, 10000);
        QCOMPARE(
            events,
            (QStringList{QStringLiteral("scan 'Case:SH_2026-000042!' ''"),
                         QStringLiteral("error scan: key KEY_LEFTCTRL (29) is not a printable ASCII key on a "
                                        "US layout; scan rejected"),
                         QStringLiteral("scan 'ok?' ''")}));

        scanner.stop();
        QCOMPARE(m_testbed->grabCalls(), (QList<long>{1, 0})); // released on stop
        QCOMPARE(scanner.reason(), QStringLiteral("stopped"));
        scanner.disconnect(this);
    }

    void grabRefusedIsUnavailable()
    {
        // Another process holds the grab: the node is not read (keys would also reach that process).
        QString error;
        QVERIFY2(m_testbed->addDevices(ScannerTestbed::fixture("wedge-scanner.umockdev"), &error),
                 qPrintable(error));
        QVERIFY2(m_testbed->attachEvdevIoctls("/dev/input/event5", &error, EBUSY), qPrintable(error));
        QVERIFY2(
            m_testbed->loadEvents("/dev/input/event5", ScannerTestbed::fixture("wedge-scans.events"), &error),
            qPrintable(error));
        WedgeScanner scanner(QStringLiteral("wedge"), QStringLiteral("/dev/input/event5"));
        scanner.start();
        QTRY_COMPARE_WITH_TIMEOUT(
            scanner.reason(), QStringLiteral("/dev/input/event5: grab (EVIOCGRAB): Device or resource busy"),
            10000);
        QCOMPARE(scanner.status(), Device::Status::Unavailable);
        QTRY_VERIFY_WITH_TIMEOUT(m_testbed->grabCalls().size() >= 2, 10000); // tried again after a second
        QVERIFY(!m_testbed->grabCalls().contains(0)); // nothing to release: it never held the grab
    }

private:
    std::unique_ptr<ScannerTestbed> m_testbed;
};

QTEST_GUILESS_MAIN(TestScannerWedge)
#include "tst_scanner_wedge.moc"
