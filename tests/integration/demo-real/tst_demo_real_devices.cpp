// ./kiosk run --devices real, as a test: the emulated hall (umockdev) provides a bulk-USB SAM reader, a
// USB receipt printer and a HID POS scanner; the kiosk finds them through its device table and drives them
// with its real drivers while the demo scenario plays.

#include "EscPosDecoder.h"
#include "StrictWarnings.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

class TestDemoRealDevices : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_platform;
    QProcess m_hall;
    QString m_platformUrl;
    QString m_testbed;

    QString hallSocket() const { return m_dir.filePath(QStringLiteral("hall.sock")); }
    QString printedFile() const { return m_dir.filePath(QStringLiteral("printed.bin")); }

    int countCases(const QString &caseId)
    {
        sqlite3 *db = nullptr;
        int count = -1;
        const QByteArray path = m_dir.filePath(QStringLiteral("platform.sqlite")).toUtf8();
        if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_stmt *stmt = nullptr;
            const QByteArray id = caseId.toUtf8();
            if (sqlite3_prepare_v2(db, "SELECT count(*) FROM cases WHERE case_id = ?", -1, &stmt, nullptr) == SQLITE_OK &&
                sqlite3_bind_text(stmt, 1, id.constData(), int(id.size()), SQLITE_TRANSIENT) == SQLITE_OK &&
                sqlite3_step(stmt) == SQLITE_ROW)
                count = sqlite3_column_int(stmt, 0);
            sqlite3_finalize(stmt);
        }
        sqlite3_close(db);
        return count;
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        m_platform.start(QStringLiteral(PLATFORM_SIM_BINARY),
                         {QStringLiteral("--port"), QStringLiteral("0"),
                          QStringLiteral("--db"), m_dir.filePath(QStringLiteral("platform.sqlite")),
                          QStringLiteral("--catalog"), sourcePath(QStringLiteral("kiosk-config/catalog.json"))});
        QVERIFY(m_platform.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_platform.canReadLine(), 10000);
        const QString line = QString::fromUtf8(m_platform.readLine()).trimmed();
        QVERIFY2(line.startsWith(QStringLiteral("listening ")), qPrintable(line));
        m_platformUrl = line.mid(int(qstrlen("listening ")));

        m_hall.setProcessChannelMode(QProcess::SeparateChannels);
        m_hall.start(QStringLiteral(UMOCKDEV_WRAPPER),
                     {QStringLiteral(HALL_EMULATOR_BINARY), QStringLiteral("--control"), hallSocket(),
                      QStringLiteral("--residents"), sourcePath(QStringLiteral("kiosk-config/residents.json")),
                      QStringLiteral("--printed"), printedFile()});
        QVERIFY(m_hall.waitForStarted());
        QString ready;
        QTRY_VERIFY_WITH_TIMEOUT((ready += QString::fromUtf8(m_hall.readAllStandardOutput())).contains(QStringLiteral("ready")), 20000);
        for (const QString &l : ready.split(QLatin1Char('\n')))
            if (l.startsWith(QStringLiteral("UMOCKDEV_DIR=")))
                m_testbed = l.mid(int(qstrlen("UMOCKDEV_DIR=")));
        QVERIFY2(!m_testbed.isEmpty(), qPrintable(ready + QString::fromUtf8(m_hall.readAllStandardError())));
    }

    void cleanupTestCase()
    {
        m_hall.terminate();
        m_hall.waitForFinished(5000);
        m_platform.terminate();
        m_platform.waitForFinished(5000);
    }

    void demoThroughTheRealDrivers()
    {
        const QString out = m_dir.filePath(QStringLiteral("demo"));
        QVERIFY(QDir().mkpath(out));
        QProcess kiosk;
        kiosk.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("UMOCKDEV_DIR"), m_testbed);
        env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral("libumockdev-preload.so.0"));
        kiosk.setProcessEnvironment(env);
        const QString report = QDir(out).filePath(QStringLiteral("report.json"));
        kiosk.start(QStringLiteral(KIOSK_BINARY),
                    {QStringLiteral("--config"), sourcePath(QStringLiteral("kiosk-config")),
                     QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("kiosk-data")),
                     QStringLiteral("--platform-url"), m_platformUrl,
                     QStringLiteral("--devices"), QStringLiteral("real"),
                     QStringLiteral("--hall"), hallSocket(),
                     QStringLiteral("--scenario"), sourcePath(QStringLiteral("kiosk-config/scenarios/demo.json")),
                     QStringLiteral("--report"), report});
        QVERIFY(kiosk.waitForFinished(180000));
        const QString output = QString::fromUtf8(kiosk.readAll());
        QVERIFY2(kiosk.exitStatus() == QProcess::NormalExit && kiosk.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("device idcard: sam-usb 0400:c35a")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("device receipt printer: escpos-usb 0416:5011")), qPrintable(output));

        QFile reportFile(report);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QJsonObject r = QJsonDocument::fromJson(reportFile.readAll()).object();
        QVERIFY2(r.value(QStringLiteral("passed")).toBool(), qPrintable(output));
        const QString caseId = r.value(QStringLiteral("case_id")).toString();
        QVERIFY(!caseId.isEmpty());
        QVERIFY(r.value(QStringLiteral("receipt_printed")).toBool());
        QVERIFY(r.value(QStringLiteral("case_synced")).toBool());
        QCOMPARE(countCases(caseId), 1);

        // The receipt reached the emulated printer's paper once, through libusb.
        m_hall.terminate();
        QVERIFY(m_hall.waitForFinished(10000));
        const QString hallLog = QString::fromUtf8(m_hall.readAllStandardError());
        QFile printed(printedFile());
        QVERIFY2(printed.open(QIODevice::ReadOnly), qPrintable(hallLog));
        const QByteArray paper = printed.readAll();
        const QString caseNumber = r.value(QStringLiteral("case_number")).toString();
        QCOMPARE(paper.count(caseNumber.toLatin1()), 1);
        QVERIFY(!paper.contains("310104194803010029")); // masked on paper
        // The emulator saw the card placed and removed, and no personal data in either log.
        QVERIFY2(hallLog.contains(QStringLiteral("hall: place card")), qPrintable(hallLog));
        // The appointment code went through hidraw (HID POS reports) and the kiosk refused it as an identity:
        // the scenario's expect_notice step passed, so the scan arrived.
        QVERIFY2(hallLog.contains(QStringLiteral("hall: scan")), qPrintable(hallLog));
        QVERIFY2(output.contains(QStringLiteral("device scanner: hidpos")), qPrintable(output.left(2000)));
        QVERIFY(!output.contains(QStringLiteral("310104194803010029")));
        QVERIFY(!output.contains(QStringLiteral("王秀英")));
    }
};

QTEST_GUILESS_MAIN(TestDemoRealDevices)
#include "tst_demo_real_devices.moc"
