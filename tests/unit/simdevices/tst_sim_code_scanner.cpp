#include "ScanPayload.h"
#include "SimulatedCodeScanner.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTest>

static ScannedCode codeAt(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(0).value<ScannedCode>();
}

class TestSimCodeScanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void payloadCheck_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("url") << QStringLiteral("https://example.org/case/OS-2024-0001") << QString();
        QTest::newRow("chinese") << QStringLiteral("办件编号：OS-2024-0001") << QString();
        QTest::newRow("tab") << QStringLiteral("a\tb") << QString();
        QTest::newRow("4096 ascii bytes") << QString(4096, QLatin1Char('a')) << QString();
        QTest::newRow("empty") << QString() << QStringLiteral("empty payload");
        QTest::newRow("4097 ascii bytes")
            << QString(4097, QLatin1Char('a')) << QStringLiteral("payload too long: 4097 bytes, limit 4096");
        // 1366 three-byte characters: 1366 UTF-16 units but 4098 UTF-8 bytes.
        QTest::newRow("4098 utf-8 bytes")
            << QString(1366, QChar(0x6C49)) << QStringLiteral("payload too long: 4098 bytes, limit 4096");
        QTest::newRow("nul") << QStringLiteral("ab") + QChar(0) + QStringLiteral("c")
                             << QStringLiteral("payload contains control character U+0000 at index 2");
        QTest::newRow("line feed") << QStringLiteral("line\nbreak")
                                   << QStringLiteral("payload contains control character U+000A at index 4");
        QTest::newRow("carriage return")
            << QStringLiteral("\rx")
            << QStringLiteral("payload contains control character U+000D at index 0");
        QTest::newRow("escape") << QStringLiteral("x\x1b[2J")
                                << QStringLiteral("payload contains control character U+001B at index 1");
        QTest::newRow("delete") << QStringLiteral("x\x7f")
                                << QStringLiteral("payload contains control character U+007F at index 1");
        QTest::newRow("c1 next line")
            << QStringLiteral("x") + QChar(0x85)
            << QStringLiteral("payload contains control character U+0085 at index 1");
    }
    void payloadCheck()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        QCOMPARE(scanPayloadProblem(text), problem);
    }

    void startAndStopSetTheState()
    {
        SimulatedCodeScanner scanner;
        QVERIFY(scanner.isSimulated());
        QCOMPARE(scanner.kind(), QStringLiteral("scanner"));
        QCOMPARE(scanner.status(), Device::Status::Unavailable);
        QCOMPARE(scanner.reason(), QStringLiteral("not started"));
        scanner.start();
        QCOMPARE(scanner.status(), Device::Status::Ready);
        scanner.stop();
        QCOMPARE(scanner.status(), Device::Status::Unavailable);
        QCOMPARE(scanner.reason(), QStringLiteral("stopped"));
    }

    void deliversAScannedCode()
    {
        SimulatedCodeScanner scanner;
        scanner.start();
        QSignalSpy scanned(&scanner, &CodeScanner::codeScanned);
        QSignalSpy errors(&scanner, &Device::errorOccurred);

        QVERIFY(scanner.scan(QStringLiteral("办件 OS-2024-0001")));
        QVERIFY(scanner.scan(QStringLiteral("6901234567892"), QStringLiteral("]E0")));
        QVERIFY(scanner.scan(QStringLiteral("plain"), QString()));

        QCOMPARE(scanned.count(), 3);
        QCOMPARE(codeAt(scanned, 0).text, QStringLiteral("办件 OS-2024-0001"));
        QCOMPARE(codeAt(scanned, 0).symbology, QStringLiteral("]Q1"));
        QCOMPARE(codeAt(scanned, 1).text, QStringLiteral("6901234567892"));
        QCOMPARE(codeAt(scanned, 1).symbology, QStringLiteral("]E0"));
        QCOMPARE(codeAt(scanned, 2).symbology, QString());
        QCOMPARE(errors.count(), 0);
    }

    void refusesATooLongPayload()
    {
        SimulatedCodeScanner scanner;
        scanner.start();
        QSignalSpy scanned(&scanner, &CodeScanner::codeScanned);
        QSignalSpy errors(&scanner, &Device::errorOccurred);

        QVERIFY(!scanner.scan(QString(5000, QLatin1Char('x'))));
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("scan"));
        QCOMPARE(errors.at(0).at(1).toString(), QStringLiteral("payload too long: 5000 bytes, limit 4096"));
        QCOMPARE(scanner.status(), Device::Status::Ready);
    }

    void refusesControlCharacters()
    {
        SimulatedCodeScanner scanner;
        scanner.start();
        QSignalSpy scanned(&scanner, &CodeScanner::codeScanned);
        QSignalSpy errors(&scanner, &Device::errorOccurred);

        QVERIFY(!scanner.scan(QStringLiteral("token\x1b[0m")));
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(1).toString(),
                 QStringLiteral("payload contains control character U+001B at index 5"));
    }

    void scansGoNowhereWhileNotListening()
    {
        SimulatedCodeScanner scanner;
        QSignalSpy scanned(&scanner, &CodeScanner::codeScanned);
        QSignalSpy errors(&scanner, &Device::errorOccurred);

        QVERIFY(!scanner.scan(QStringLiteral("before start")));
        scanner.start();
        scanner.setPlugged(false);
        QCOMPARE(scanner.status(), Device::Status::Unavailable);
        QCOMPARE(scanner.reason(), QStringLiteral("unplugged"));
        QVERIFY(!scanner.scan(QStringLiteral("while unplugged")));
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(errors.count(), 0);

        scanner.setPlugged(true);
        QCOMPARE(scanner.status(), Device::Status::Ready);
        QVERIFY(scanner.scan(QStringLiteral("after plug")));
        QCOMPARE(scanned.count(), 1);
        QCOMPARE(codeAt(scanned, 0).text, QStringLiteral("after plug"));

        scanner.stop();
        QVERIFY(!scanner.scan(QStringLiteral("after stop")));
        QCOMPARE(scanned.count(), 1);
    }

    void plugWhileStoppedStaysStopped()
    {
        SimulatedCodeScanner scanner;
        scanner.setPlugged(false);
        scanner.setPlugged(true);
        QCOMPARE(scanner.status(), Device::Status::Unavailable);
        QCOMPARE(scanner.reason(), QStringLiteral("not started"));
    }
};

QTEST_MAIN(TestSimCodeScanner)
#include "tst_sim_code_scanner.moc"
