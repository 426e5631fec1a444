// onestop-bench runs and writes JSON of the documented shape. No timing is checked here: speed is read
// from `./kiosk bench`, as ratios against the baselines of the same run.
#include "StrictWarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestBenchSmoke : public QObject
{
    Q_OBJECT

    // Runs the bench; returns its exit code, stderr in *errors.
    static int runBench(const QStringList &arguments, QByteArray *errors)
    {
        QProcess bench;
        bench.start(QStringLiteral(ONESTOP_BENCH_BINARY), arguments);
        if (!bench.waitForFinished(100000))
            return -1;
        *errors = bench.readAllStandardError();
        return bench.exitStatus() == QProcess::NormalExit ? bench.exitCode() : -1;
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void writesJsonOfTheDocumentedShape_data()
    {
        QTest::addColumn<QString>("suite");
        QTest::addColumn<QStringList>("results");
        QTest::addColumn<QStringList>("baselines");
        QTest::newRow("receipt") << QStringLiteral("receipt")
                                 << QStringList{"build_48", "build_nologo_48", "decode_48", "render_48",
                                                "build_32", "build_nologo_32", "decode_32", "render_32"}
                                 << QStringList{"memcpy_48", "gb18030_48", "memcpy_32", "gb18030_32"};
        QTest::newRow("sam") << QStringLiteral("sam")
                             << QStringList{"assemble_64", "split_read_text", "decode_text_block", "read_text_total",
                                            "reader_read_cycle"}
                             << QStringList{"copy_64"};
        QTest::newRow("search") << QStringLiteral("search")
                                << QStringList{"search_hanzi_0",    "search_hanzi_1",    "search_hanzi_2",
                                               "search_pinyin_3",   "search_pinyin_4",   "search_pinyin_5",
                                               "search_initials_6", "search_initials_7", "search_initials_8",
                                               "search_mixed_9",    "search_latin_10",   "search_miss_11"}
                                << QStringList{"contains_hanzi_0",    "contains_hanzi_1",    "contains_hanzi_2",
                                               "contains_pinyin_3",   "contains_pinyin_4",   "contains_pinyin_5",
                                               "contains_initials_6", "contains_initials_7", "contains_initials_8",
                                               "contains_mixed_9",    "contains_latin_10",   "contains_miss_11"};
    }

    void writesJsonOfTheDocumentedShape()
    {
        QFETCH(QString, suite);
        QFETCH(QStringList, results);
        QFETCH(QStringList, baselines);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath(suite + QStringLiteral(".json"));
        QByteArray errors;
        QCOMPARE(runBench({"--suite", suite, "--runs", "3", "--out", out}, &errors), 0);
        QVERIFY2(!errors.contains("onestop-bench:"), errors.constData()); // Qt's own notes may appear

        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        const QJsonObject root = doc.object();

        QCOMPARE(root.value("suite").toString(), suite);
        QVERIFY(!root.value("machine")["cpu"].toString().isEmpty());
        QVERIFY(root.value("machine")["cores"].toInt() >= 1);
        QCOMPARE(root.value("qt").toString(), QString::fromLatin1(qVersion()));
        QVERIFY(!root.contains("error"));

        QStringList names;
        for (const QJsonValue &v : root.value("results").toArray()) {
            const QJsonObject r = v.toObject();
            names.append(r.value("name").toString());
            QVERIFY2(r.value("median_us").isDouble() && r.value("median_us").toDouble() > 0, qPrintable(names.last()));
            QVERIFY(r.value("p90_us").toDouble() >= r.value("median_us").toDouble());
            QCOMPARE(r.value("runs").toInt(), 3);
            QVERIFY2(r.value("bytes").toInt() > 0, qPrintable(names.last()));
        }
        QCOMPARE(names, results);

        const QJsonObject baseline = root.value("baseline").toObject();
        QCOMPARE(baseline.keys().size(), baselines.size());
        for (const QString &b : baselines) {
            QVERIFY2(baseline.contains(b), qPrintable(b));
            QVERIFY(baseline.value(b)["median_us"].toDouble() > 0);
        }

        const QJsonObject ratios = root.value("ratios").toObject();
        QVERIFY(!ratios.isEmpty());
        for (auto it = ratios.begin(); it != ratios.end(); ++it) {
            QVERIFY2(it.key().contains(QStringLiteral(" / ")), qPrintable(it.key()));
            QVERIFY2(it.value().toDouble() > 0, qPrintable(it.key()));
        }
    }

    // The store suite in its tiny configuration (--runs 1: 20 commits, 10 cases synced over mutual TLS to a
    // real platform-sim): its own figures are there and consistent; every synced case reached the platform.
    void storeSuiteWritesItsFigures()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath(QStringLiteral("store.json"));
        QByteArray errors;
        QCOMPARE(runBench({"--suite", "store", "--runs", "1", "--out", out}, &errors), 0);
        QVERIFY2(!errors.contains("onestop-bench:"), errors.constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(root.value("suite").toString(), QStringLiteral("store"));
        QVERIFY(!root.contains("error"));

        QStringList names;
        for (const QJsonValue &v : root.value("results").toArray())
            names.append(v["name"].toString());
        QCOMPARE(names, (QStringList{"commit_case", "sync_case", "sync_attachment"}));
        QCOMPARE(root.value("results")[0]["runs"].toInt(), 20);
        QCOMPARE(root.value("results")[1]["runs"].toInt(), 10);
        QCOMPARE(root.value("results")[2]["runs"].toInt(), 10); // one attachment per case, uploaded on its own
        QCOMPARE(root.value("baseline").toObject().keys(),
                 (QStringList{"bare_attachment_upload", "bare_insert", "bare_put"}));
        QVERIFY(root.value("ratios")["commit_case / bare_insert"].toDouble() > 0);
        QVERIFY(root.value("ratios")["sync_case / bare_put"].toDouble() > 0);
        QVERIFY(root.value("ratios")["sync_attachment / bare_attachment_upload"].toDouble() > 0);

        const QJsonObject commit = root.value("commit").toObject();
        for (const char *part : {"submit_case", "bare_insert"}) {
            const QJsonObject l = commit.value(QLatin1String(part)).toObject();
            QCOMPARE(l.value("samples").toInt(), 20);
            QVERIFY2(l.value("p50_ms").toDouble() > 0, part);
            QVERIFY(l.value("p99_ms").toDouble() >= l.value("p50_ms").toDouble());
        }
        QVERIFY(commit.value("row_bytes")["attachment"].toInt() >= 12 * 1024);
        QVERIFY(commit.value("ratio_p99").toDouble() > 0);

        const QJsonObject sync = root.value("sync").toObject();
        QCOMPARE(sync.value("cases").toInt(), 10);
        QCOMPARE(sync.value("cases_on_platform").toInt(), 20);
        QCOMPARE(sync.value("attachments_on_platform").toInt(), 20);
        QVERIFY(sync.value("attachment_bytes_per_s").toDouble() > 0);
        QVERIFY(sync.value("bare_attachment_bytes_per_s").toDouble() > 0);
        QVERIFY(sync.value("cases_per_s").toDouble() > 0);
        QVERIFY(sync.value("bare_cases_per_s").toDouble() > 0);
        QVERIFY(sync.value("throughput_ratio").toDouble() > 0);
    }

    void refusesAnUnknownSuite()
    {
        QByteArray errors;
        QCOMPARE(runBench({"--suite", "nonesuch", "--runs", "3"}, &errors), 2);
        QVERIFY2(errors.contains("unknown suite \"nonesuch\""), errors.constData());
    }
};

QTEST_GUILESS_MAIN(TestBenchSmoke)
#include "tst_bench_smoke.moc"
