// `kioskctl scan listen` end to end: the real HidPosScanner inside the built kioskctl, run by umockdev-run
// with an emulated /dev/hidraw0 (found by its report descriptor) replaying HID POS reports.
#include "StrictWarnings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run kioskctl(const QStringList &umockdevArgs, const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(UMOCKDEV_RUN),
                  umockdevArgs + QStringList{QStringLiteral("--"), QStringLiteral(KIOSKCTL_PATH)} +
                      arguments);
    Run run;
    if (!process.waitForFinished(40000)) {
        process.kill();
        process.waitForFinished();
        run.err = "kioskctl did not finish";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QStringList hidraw(const QString &script)
{
    return {QStringLiteral("-d"),
            sourcePath(QStringLiteral("tests/fixtures/scanner/hidpos-scanner.umockdev")),
            QStringLiteral("-s"),
            QStringLiteral("/dev/hidraw0=") + sourcePath(QStringLiteral("tests/fixtures/scanner/") + script)};
}
} // namespace

class TestKioskctlScan : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void listensAndPrintsJsonLines()
    {
        const Run run =
            kioskctl(hidraw(QStringLiteral("hidpos-scans.script")),
                     {QStringLiteral("scan"), QStringLiteral("listen"), QStringLiteral("--device"),
                      QStringLiteral("hidraw:"), QStringLiteral("--count"), QStringLiteral("2"),
                      QStringLiteral("--timeout"), QStringLiteral("20")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(first.value(QStringLiteral("text")).toString(),
                 QStringLiteral("上海市徐汇区一网通办 "
                                "https://zwdt.sh.gov.cn/govPortals/case?no=SH-2026-000042&check=7f3a9c21"));
        QCOMPARE(first.value(QStringLiteral("symbology")).toString(), QStringLiteral("]Q1"));
        const QJsonObject second = QJsonDocument::fromJson(lines[1]).object();
        QCOMPARE(second.value(QStringLiteral("text")).toString(), QStringLiteral("徐汇区-0042"));
        QCOMPARE(second.value(QStringLiteral("symbology")).toString(), QStringLiteral("]E0"));
        // The damaged report between them is on stderr, saying what was wrong.
        QVERIFY2(
            run.err.contains("kioskctl scan: scan: HID POS report data length 64, at most 56; scan dropped"),
            run.err.constData());
        QVERIFY2(run.err.contains("kioskctl scan: scanner ready"), run.err.constData());
    }

    void timeoutBeforeCount()
    {
        const Run run =
            kioskctl(hidraw(QStringLiteral("hidpos-one.script")),
                     {QStringLiteral("scan"), QStringLiteral("listen"), QStringLiteral("--device"),
                      QStringLiteral("hidraw:/dev/hidraw0"), QStringLiteral("--count"), QStringLiteral("3"),
                      QStringLiteral("--timeout"), QStringLiteral("3")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QByteArray("{\"text\":\"一网通办 ABC-123\",\"symbology\":\"]Q1\"}\n"));
        QVERIFY2(run.err.contains("timeout after 3 s: 1 of 3 codes"), run.err.constData());
    }

    // The recipe of umockdev-run -e: evemu events on an evdev node (umockdev answers EVIOCGRAB itself).
    void wedgeThroughEvemu()
    {
        const QString fixtures = sourcePath(QStringLiteral("tests/fixtures/scanner/"));
        const Run run = kioskctl(
            {QStringLiteral("-d"), fixtures + QStringLiteral("wedge-scanner.umockdev"), QStringLiteral("-e"),
             QStringLiteral("/dev/input/event5=") + fixtures + QStringLiteral("wedge-scans.events")},
            {QStringLiteral("scan"), QStringLiteral("listen"), QStringLiteral("--device"),
             QStringLiteral("evdev:/dev/input/event5"), QStringLiteral("--count"), QStringLiteral("2"),
             QStringLiteral("--timeout"), QStringLiteral("20")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out, QByteArray("{\"text\":\"Case:SH_2026-000042!\",\"symbology\":\"\"}\n"
                                     "{\"text\":\"ok?\",\"symbology\":\"\"}\n"));
        QVERIFY2(run.err.contains("kioskctl scan: scan: key KEY_LEFTCTRL (29) is not a printable ASCII key"),
                 run.err.constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no subcommand") << QStringList{"scan"} << QByteArray("usage: kioskctl scan listen");
        QTest::newRow("unknown kind")
            << QStringList{"scan", "listen", "--device", "bluetooth:x"}
            << QByteArray("unknown device kind 'bluetooth' (hidraw, serial, evdev)");
        QTest::newRow("serial without path") << QStringList{"scan", "listen", "--device", "serial:"}
                                             << QByteArray("device spec 'serial' needs a path");
        QTest::newRow("bad count") << QStringList{"scan", "listen", "--count", "0"}
                                   << QByteArray("bad value for --count: 0");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        QProcess process;
        process.start(QStringLiteral(KIOSKCTL_PATH), arguments);
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 64);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains(message), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestKioskctlScan)
#include "tst_kioskctl_scan.moc"
