#include "StrictWarnings.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

// Runs the kiosk binary on the demo scenario against a real platform-sim, exactly as `./kiosk run` does
// without a display, and checks what a resident and the platform would see.
class TestDemoScenario : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_platform;
    QString m_platformUrl;

    static QJsonObject readJson(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    int countAttachments(const QString &caseId)
    {
        sqlite3 *db = nullptr;
        int count = -1;
        const QByteArray path = m_dir.filePath(QStringLiteral("platform.sqlite")).toUtf8();
        if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_stmt *stmt = nullptr;
            const QByteArray id = caseId.toUtf8();
            if (sqlite3_prepare_v2(db, "SELECT count(*) FROM attachments WHERE case_id = ? AND kind = 'page'", -1, &stmt, nullptr) == SQLITE_OK &&
                sqlite3_bind_text(stmt, 1, id.constData(), int(id.size()), SQLITE_TRANSIENT) == SQLITE_OK &&
                sqlite3_step(stmt) == SQLITE_ROW)
                count = sqlite3_column_int(stmt, 0);
            sqlite3_finalize(stmt);
        }
        sqlite3_close(db);
        return count;
    }

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

    QJsonObject runScenario(const QString &scenario, const QString &outDir, int *exitCode, QString *output,
                            const QStringList &extra = {})
    {
        QProcess kiosk;
        kiosk.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        kiosk.setProcessEnvironment(env);
        kiosk.start(QStringLiteral(KIOSK_BINARY),
                    QStringList{QStringLiteral("--config"), sourcePath(QStringLiteral("kiosk-config")),
                     QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("kiosk-data")),
                     QStringLiteral("--platform-url"), m_platformUrl,
                     QStringLiteral("--scenario"), scenario,
                     QStringLiteral("--screenshots"), outDir,
                     QStringLiteral("--report"), QDir(outDir).filePath(QStringLiteral("report.json"))} + extra);
        kiosk.waitForFinished(150000);
        *exitCode = kiosk.exitStatus() == QProcess::NormalExit ? kiosk.exitCode() : -1;
        *output = QString::fromUtf8(kiosk.readAll());
        return readJson(QDir(outDir).filePath(QStringLiteral("report.json")));
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
    }

    void cleanupTestCase()
    {
        m_platform.terminate();
        m_platform.waitForFinished(5000);
    }

    void demoJourneyEndsWithOneSyncedCaseAndAReceipt()
    {
        const QString out = m_dir.filePath(QStringLiteral("demo"));
        int exitCode = 0;
        QString output;
        const QJsonObject report = runScenario(sourcePath(QStringLiteral("kiosk-config/scenarios/demo.json")), out, &exitCode, &output);
        QVERIFY2(exitCode == 0, qPrintable(output));
        QVERIFY2(report.value(QStringLiteral("passed")).toBool(), qPrintable(output));
        // No Qt, QML or kiosk warning anywhere on the happy path.
        QVERIFY2(report.value(QStringLiteral("warnings")).toArray().isEmpty(),
                 QJsonDocument(report.value(QStringLiteral("warnings")).toArray()).toJson().constData());

        QStringList screens;
        for (const QJsonValue &v : report.value(QStringLiteral("screens_visited")).toArray())
            screens << v.toString();
        const QStringList journey{QStringLiteral("attract"), QStringLiteral("language"), QStringLiteral("identify"),
                                  QStringLiteral("catalog"), QStringLiteral("guide"),    QStringLiteral("form"),
                                  QStringLiteral("review"),  QStringLiteral("saving"),   QStringLiteral("receipt"),
                                  QStringLiteral("rating"),  QStringLiteral("goodbye"),  QStringLiteral("attract")};
        QCOMPARE(screens, journey);
        QCOMPARE(report.value(QStringLiteral("screenshots")).toArray().size(), journey.size());
        for (const QJsonValue &png : report.value(QStringLiteral("screenshots")).toArray())
            QVERIFY2(QFileInfo(QDir(out).filePath(png.toString())).size() > 1000, qPrintable(png.toString()));

        const QString caseId = report.value(QStringLiteral("case_id")).toString();
        QVERIFY(!caseId.isEmpty());
        QVERIFY(report.value(QStringLiteral("case_synced")).toBool());
        QVERIFY(report.value(QStringLiteral("receipt_printed")).toBool());
        QCOMPARE(report.value(QStringLiteral("outbox_pending")).toInt(), 0); // the case and its rating
        QCOMPARE(countCases(caseId), 1);

        QFile receipt(QDir(out).filePath(QStringLiteral("receipt.bin")));
        QVERIFY(receipt.open(QIODevice::ReadOnly));
        const QByteArray bytes = receipt.readAll();
        QVERIFY(bytes.startsWith("\x1b\x40")); // ESC @
        QVERIFY(bytes.contains(report.value(QStringLiteral("case_number")).toString().toLatin1()));
        QVERIFY(!bytes.contains("310104194803010029")); // masked on paper
        QVERIFY(QFileInfo(QDir(out).filePath(QStringLiteral("receipt.png"))).size() > 1000);

        // No personal data in the log (everything the kiosk printed) nor in the report.
        QVERIFY(!output.contains(QStringLiteral("310104194803010029")));
        QVERIFY(!output.contains(QStringLiteral("王秀英")));
        QVERIFY(!output.contains(QStringLiteral("13812345678")));
        const QByteArray reportBytes = QJsonDocument(report).toJson();
        QVERIFY(!reportBytes.contains("310104194803010029"));
        QVERIFY(!reportBytes.contains("王秀英"));

        // Most used first (docs/search.md): the saved application counted its service, and nothing else.
        QFile usage(m_dir.filePath(QStringLiteral("kiosk-data/service-usage.json")));
        QVERIFY(usage.open(QIODevice::ReadOnly));
        QCOMPARE(usage.readAll(), QByteArray(R"({"counts":{"elderly-allowance":1},"version":1})"));
    }

    void offlineWithoutPaperTheCaseIsStillSavedAndSyncedLater()
    {
        const QString out = m_dir.filePath(QStringLiteral("offline"));
        int exitCode = 0;
        QString output;
        const QJsonObject report = runScenario(sourcePath(QStringLiteral("kiosk-config/scenarios/offline-paper-out.json")), out, &exitCode, &output);
        QVERIFY2(exitCode == 0 && report.value(QStringLiteral("passed")).toBool(), qPrintable(output));
        const QString caseId = report.value(QStringLiteral("case_id")).toString();
        QVERIFY(!caseId.isEmpty());
        QVERIFY(!report.value(QStringLiteral("receipt_printed")).toBool());
        QCOMPARE(report.value(QStringLiteral("receipt_problem")).toString(), QStringLiteral("the printer is out of paper"));
        QVERIFY(report.value(QStringLiteral("case_synced")).toBool()); // once the network was back
        QCOMPARE(countCases(caseId), 1);
        QVERIFY(!QFileInfo::exists(QDir(out).filePath(QStringLiteral("receipt.bin"))));
        // The only warnings are the ones that tell staff the receipt was not printed.
        for (const QJsonValue &w : report.value(QStringLiteral("warnings")).toArray())
            QVERIFY2(w.toString().contains(QStringLiteral("receipt")), qPrintable(w.toString()));
    }

    void cameraMaterialsThroughARecordedCamera()
    {
        // The materials screen photographs a page through the real capture path (OpenCvCamera playing
        // recorded frames), finds and flattens it, and the page reaches the platform with the case.
        const QString out = m_dir.filePath(QStringLiteral("camera"));
        int exitCode = 0;
        QString output;
        const QString source = QStringLiteral("images:%1/frame_%03d.png?loop=1&fps=10").arg(QStringLiteral(DEMO_CAMERA_DIR));
        const QJsonObject report = runScenario(sourcePath(QStringLiteral("kiosk-config/scenarios/camera-materials.json")), out,
                                               &exitCode, &output, {QStringLiteral("--camera-source"), source});
        const QString failure = output.mid(output.indexOf(QStringLiteral("scenario failed")), 300);
        QVERIFY2(exitCode == 0 && report.value(QStringLiteral("passed")).toBool(), qPrintable(failure));
        QVERIFY2(output.contains(QStringLiteral("device camera: images")), qPrintable(failure));
        QStringList screens;
        for (const QJsonValue &v : report.value(QStringLiteral("screens_visited")).toArray())
            screens << v.toString();
        QVERIFY2(screens.contains(QStringLiteral("materials")), qPrintable(screens.join(QLatin1Char(' '))));
        const QString caseId = report.value(QStringLiteral("case_id")).toString();
        QVERIFY(!caseId.isEmpty());
        QVERIFY(report.value(QStringLiteral("case_synced")).toBool());
        QCOMPARE(countCases(caseId), 1);
        QCOMPARE(countAttachments(caseId), 1);
        QVERIFY(!output.contains(QStringLiteral("32010219850712001X")));
    }

    void brokenConfigurationIsRefusedAtStartNamingFileAndPlace()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("kiosk-config"));
        QVERIFY(QDir().mkpath(config));
        for (const char *name : {"site.json", "residents.json"})
            QVERIFY(QFile::copy(sourcePath(QStringLiteral("kiosk-config/%1").arg(QLatin1String(name))),
                                QDir(config).filePath(QLatin1String(name))));
        QFile source(sourcePath(QStringLiteral("kiosk-config/catalog.json")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QJsonObject catalog = QJsonDocument::fromJson(source.readAll()).object();
        QJsonArray services = catalog.value(QStringLiteral("services")).toArray();
        QJsonObject service = services.at(2).toObject();
        QJsonArray fields = service.value(QStringLiteral("fields")).toArray();
        QJsonObject field = fields.at(0).toObject();
        field.insert(QStringLiteral("type"), QStringLiteral("colour"));
        fields.replace(0, field);
        service.insert(QStringLiteral("fields"), fields);
        services.replace(2, service);
        catalog.insert(QStringLiteral("services"), services);
        QFile broken(QDir(config).filePath(QStringLiteral("catalog.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QJsonDocument(catalog).toJson());
        broken.close();

        QProcess kiosk;
        kiosk.setProcessChannelMode(QProcess::MergedChannels);
        kiosk.start(QStringLiteral(KIOSK_BINARY), {QStringLiteral("--config"), config, QStringLiteral("--data-dir"),
                                                   dir.filePath(QStringLiteral("data")), QStringLiteral("--self-test")});
        QVERIFY(kiosk.waitForFinished(60000));
        const QString output = QString::fromUtf8(kiosk.readAll());
        QCOMPARE(kiosk.exitCode(), 3);
        QVERIFY2(output.contains(broken.fileName() + QStringLiteral(": /services/2/fields/0/type: ")), qPrintable(output));
        QVERIFY2(!QFileInfo::exists(dir.filePath(QStringLiteral("data/cases.sqlite"))), "no store is opened for a refused configuration");
    }

    void brokenScenarioIsRefusedWithTheReason()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"name": "bad", "steps": [{"tap": "attract.start"}, {"tapp": "x"}]})");
        file.close();
        int exitCode = 0;
        QString output;
        runScenario(file.fileName(), dir.filePath(QStringLiteral("out")), &exitCode, &output);
        QCOMPARE(exitCode, 2);
        QVERIFY2(output.contains(QStringLiteral("/steps/1/tapp: unknown key")), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestDemoScenario)
#include "tst_demo_scenario.moc"
