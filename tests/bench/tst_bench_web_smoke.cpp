// onestop-bench's `web` suite in its tiny configuration (1 start each, 2 open/close cycles) writes JSON of
// the documented shape (README.md here). No figure is judged: speed and memory are read from
// `./kiosk bench web`. Chromium is the baseline; where it is not installed the comparison is skipped, said
// so, and the kiosk's own figures are still checked (the suite then exits 2 with "chromium" in its error).
#include "StrictWarnings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestBenchWebSmoke : public QObject
{
    Q_OBJECT

    // Runs the web suite with chromium (empty: the one on PATH); its exit code, its JSON in *root.
    static int runWebSuite(const QString &chromium, QJsonObject *root)
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("web.json"));
        QProcess bench;
        bench.setProcessChannelMode(QProcess::ForwardedChannels);
        if (!chromium.isEmpty()) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("ONESTOP_BENCH_CHROMIUM"), chromium);
            bench.setProcessEnvironment(env);
        }
        bench.start(QStringLiteral(ONESTOP_BENCH_BINARY),
                    {"--suite", "web", "--runs", "1", "--cycles", "2", "--out", out});
        if (!bench.waitForFinished(240000))
            return -1;
        QFile file(out);
        if (file.open(QIODevice::ReadOnly))
            *root = QJsonDocument::fromJson(file.readAll()).object();
        return bench.exitStatus() == QProcess::NormalExit ? bench.exitCode() : -1;
    }

    // The kiosk's side, measured with or without Chromium.
    static void checkKioskFigures(const QJsonObject &root)
    {
        QCOMPARE(root.value("suite").toString(), QStringLiteral("web"));
        QCOMPARE(root.value("qt").toString(), QString::fromLatin1(qVersion()));
        const QJsonArray results = root.value("results").toArray();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0]["name"].toString(), QStringLiteral("kiosk_start"));
        QCOMPARE(results[0]["runs"].toInt(), 1);
        QVERIFY(results[0]["median_us"].toDouble() > 0);

        const QJsonObject kiosk = root.value("kiosk").toObject();
        QCOMPARE(kiosk.value("start_samples_ms").toArray().size(), 1);
        QVERIFY(kiosk.value("idle_rss_mb").toDouble() > 0);
        QVERIFY(kiosk.value("idle_pss_mb").toDouble() > 0);
        QVERIFY2(kiosk.value("idle_processes").toInt() >= 2, "the view's web engine processes are counted");
        QCOMPARE(root.value("kiosk_view")["scene_graph"].toString(), QStringLiteral("software"));

        const QJsonObject cycles = root.value("memory_cycles").toObject();
        QCOMPARE(cycles.value("cycles").toInt(), 2);
        QCOMPARE(cycles.value("page_loads").toInt(), 2); // every cycle reached the page's first frame
        // Before the first web session the kiosk has no web engine process.
        QCOMPARE(cycles.value("baseline")["processes"].toInt(), 1);
        for (const char *at : {"baseline", "after_first_cycle", "after_cycles"}) {
            const QJsonObject m = cycles.value(QLatin1String(at)).toObject();
            QVERIFY2(m.value("rss_mb").toDouble() > 0, at);
            QCOMPARE(m.value("by_process").toArray().size(), m.value("processes").toInt());
        }
        QVERIFY(cycles.value("delta_rss_mb").isDouble());
        QCOMPARE(cycles.value("goal_mb").toInt(), 10);
        QVERIFY(cycles.value("within_goal").isBool());
        const QJsonObject ratios = root.value("ratios").toObject();
        for (const char *r :
             {"after_cycles_rss / pre_web_baseline_rss", "after_cycles_pss / pre_web_baseline_pss"})
            QVERIFY2(ratios.value(QLatin1String(r)).toDouble() > 0, r);
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void measuresTheKioskBesideChromium()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("chromium")).isEmpty())
            QSKIP("chromium is not installed: the comparison is not checked here (./kiosk bench web "
                  "installs it; withoutChromiumTheKioskIsStillMeasured covers the kiosk's side)");
        QJsonObject root;
        QCOMPARE(runWebSuite(QString(), &root), 0);
        QVERIFY2(!root.contains("error"), qPrintable(root.value("error").toString()));
        checkKioskFigures(root);

        QCOMPARE(root.value("baseline").toObject().keys(), QStringList{"chromium_start"});
        const QJsonObject chromium = root.value("chromium").toObject();
        QVERIFY(chromium.value("available").toBool());
        QVERIFY(chromium.value("version").toString().contains(QLatin1String("Chromium")));
        const QStringList flags = chromium.value("flags").toVariant().toStringList();
        QVERIFY(flags.contains("--kiosk"));
        QVERIFY(flags.contains("--incognito"));
        QVERIFY(chromium.value("idle_processes").toInt() >= 2);
        QVERIFY(chromium.value("idle_rss_mb").toDouble() > 0);
        const QJsonObject ratios = root.value("ratios").toObject();
        for (const char *r : {"kiosk_start / chromium_start", "kiosk_idle_rss / chromium_idle_rss",
                              "kiosk_idle_pss / chromium_idle_pss"})
            QVERIFY2(ratios.value(QLatin1String(r)).toDouble() > 0, r);
        const QJsonObject goals = root.value("goals").toObject();
        QCOMPARE(goals.keys(), (QStringList{"cycles_back_to_baseline_10mb", "memory_ahead_of_chromium",
                                            "start_ahead_of_chromium"}));
    }

    // Chromium missing (a path that does not exist): the JSON says so, the kiosk is measured, exit 2.
    void withoutChromiumTheKioskIsStillMeasured()
    {
        QTemporaryDir dir;
        QJsonObject root;
        QCOMPARE(runWebSuite(dir.filePath(QStringLiteral("no-chromium")), &root), 2);
        QVERIFY2(root.value("error").toString().contains(QLatin1String("chromium")),
                 qPrintable(root.value("error").toString()));
        QCOMPARE(root.value("chromium")["available"].toBool(true), false);
        QVERIFY(!root.value("chromium")["why"].toString().isEmpty());
        QVERIFY(root.value("baseline").toObject().isEmpty());
        checkKioskFigures(root);
    }
};

QTEST_GUILESS_MAIN(TestBenchWebSmoke)
#include "tst_bench_web_smoke.moc"
