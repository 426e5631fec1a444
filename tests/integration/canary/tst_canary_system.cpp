// The canary test of issue 10: journeys through the real kiosk binary (scenario runner, --devices real
// over the emulated hall: the SAM reader, the USB receipt printer behind the job queue, the HID scanner;
// a recorded camera; a real platform-sim), every personal value a canary unique to this run
// (CanaryJourneys.h). Afterwards no canary is found, in any encoding the kiosk uses, in any file under the
// data dir, TMPDIR, HOME (caches, config) or the logs; nor on the paper printed after each journey's session
// ended; and the full ID number never reached the paper at all.

#include "CanaryForms.h"
#include "CanaryJourneys.h"
#include "StrictWarnings.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cstdio>
#include <memory>

class TestCanarySystem : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QProcess m_platform;
    QProcess m_hall;
    QString m_platformUrl;
    QString m_testbed;
    std::unique_ptr<CanaryJourneys> m_journeys;
    QJsonObject m_firstReport;
    QJsonObject m_secondReport;
    QByteArray m_paper;
    QMap<QString, qint64> m_paperAtEnd; // journey -> paper length when its session had ended
    QByteArray m_image;                 // J1's page as the platform holds it

    QString path(const QString &relative) const { return m_root.filePath(relative); }

    // A masked number on paper as a whole (a short one, "*******17", is not the tail of a longer one's).
    static bool containsMasked(const QByteArray &paper, const QString &masked)
    {
        const QByteArray needle = masked.toLatin1();
        const auto part = [](char c) { return c == '*' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); };
        for (qsizetype at = paper.indexOf(needle); at >= 0; at = paper.indexOf(needle, at + 1)) {
            const qsizetype end = at + needle.size();
            if ((at == 0 || !part(paper.at(at - 1))) && (end >= paper.size() || !part(paper.at(end))))
                return true;
        }
        return false;
    }

    struct Run
    {
        int exitCode = -1;
        QString output;
        QJsonObject report;
    };

    Run runKiosk(const QString &name, const QJsonObject &scenario, const QString &platformUrl)
    {
        Run r;
        const QString scenarioFile = path(QStringLiteral("scenarios/%1.json").arg(name));
        QFile file(scenarioFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(scenario).toJson()) <= 0)
            return r;
        file.close();
        QProcess kiosk;
        kiosk.setProcessChannelMode(QProcess::MergedChannels);
        kiosk.setStandardOutputFile(path(QStringLiteral("logs/kiosk-%1.log").arg(name)));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("UMOCKDEV_DIR"), m_testbed);
        env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral("libumockdev-preload.so.0"));
        env.insert(QStringLiteral("TMPDIR"), path(QStringLiteral("tmp")));
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("home/.cache")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("home/.config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("home/.local/share")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), path(QStringLiteral("home/.local/state")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), path(QStringLiteral("home/runtime")));
        // Every debug category on, as a technician chasing a fault would switch them: still nothing personal
        // in the log (Qt's own categories, which name on-screen text, are kept off by QtLogPrivacy).
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        kiosk.setProcessEnvironment(env);
        const QString report = path(QStringLiteral("logs/report-%1.json").arg(name));
        kiosk.start(
            QStringLiteral(KIOSK_BINARY),
            {QStringLiteral("--config"), sourcePath(QStringLiteral("kiosk-config")),
             QStringLiteral("--data-dir"), path(QStringLiteral("data")), QStringLiteral("--platform-url"),
             platformUrl, QStringLiteral("--devices"), QStringLiteral("real"), QStringLiteral("--hall"),
             path(QStringLiteral("hall.sock")), QStringLiteral("--camera-source"),
             QStringLiteral("images:%1/frame_%03d.png?loop=1&fps=10").arg(QStringLiteral(DEMO_CAMERA_DIR)),
             QStringLiteral("--scenario"), scenarioFile, QStringLiteral("--report"), report});
        if (!kiosk.waitForFinished(120000))
            kiosk.kill();
        kiosk.waitForFinished(5000);
        r.exitCode = kiosk.exitStatus() == QProcess::NormalExit ? kiosk.exitCode() : -1;
        QFile log(path(QStringLiteral("logs/kiosk-%1.log").arg(name)));
        if (log.open(QIODevice::ReadOnly))
            r.output = QString::fromUtf8(log.readAll());
        QFile reportFile(report);
        if (reportFile.open(QIODevice::ReadOnly))
            r.report = QJsonDocument::fromJson(reportFile.readAll()).object();
        return r;
    }

    // Every page attachment the platform holds (only J1 sent one).
    QByteArray platformPage() const
    {
        sqlite3 *db = nullptr;
        QByteArray data;
        const QByteArray file = path(QStringLiteral("platform/platform.sqlite")).toUtf8();
        if (sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_stmt *stmt = nullptr;
            if (sqlite3_prepare_v2(db, "SELECT data FROM attachments WHERE kind = 'page'", -1, &stmt,
                                   nullptr) == SQLITE_OK &&
                sqlite3_step(stmt) == SQLITE_ROW)
                data = QByteArray(static_cast<const char *>(sqlite3_column_blob(stmt, 0)),
                                  sqlite3_column_bytes(stmt, 0));
            sqlite3_finalize(stmt);
        }
        sqlite3_close(db);
        return data;
    }

    // Distinctive runs of the image: 32 bytes at eight places through its middle, none of them one
    // repeated byte (JPEG padding would be no canary).
    QList<CanaryNeedle> imageNeedles() const
    {
        QList<CanaryNeedle> needles;
        for (int k = 1; k <= 8; ++k) {
            const QByteArray run = m_image.mid(int(qint64(m_image.size()) * k / 10), 32);
            if (run.size() == 32 && run.count(run.at(0)) < 16)
                needles += CanaryForms::byteNeedles(QStringLiteral("J1 page image run %1").arg(k), run);
        }
        return needles;
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_root.isValid());
        if (qEnvironmentVariableIsSet("ONESTOP_CANARY_KEEP")) { // to look at the files after a failure
            m_root.setAutoRemove(false);
            std::printf("canary files kept in %s\n", qPrintable(m_root.path()));
        }
        for (const char *dir :
             {"data", "tmp", "home/.cache", "home/.config", "home/.local/share", "home/.local/state",
              "home/runtime", "logs", "scenarios", "platform", "hall-tmp"})
            QVERIFY(QDir().mkpath(path(QLatin1String(dir))));
        QVERIFY(QFile::setPermissions(path(QStringLiteral("home/runtime")),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

        // Unique per run, reproducible from the seed printed here (ONESTOP_CANARY_SEED to replay one).
        const QByteArray seedText = qgetenv("ONESTOP_CANARY_SEED");
        const quint64 seed =
            seedText.isEmpty() ? quint64(QDateTime::currentMSecsSinceEpoch()) : seedText.toULongLong();
        std::printf("canary seed %llu\n", static_cast<unsigned long long>(seed));
        m_journeys = std::make_unique<CanaryJourneys>(seed);
        for (const QString &key : CanaryJourneys::endOrder())
            QVERIFY2(!CanaryForms::gb18030(m_journeys->resident(key).name).isEmpty(), "iconv has no GB18030");

        m_platform.setStandardErrorFile(path(QStringLiteral("platform/platform.log")));
        m_platform.start(QStringLiteral(PLATFORM_SIM_BINARY),
                         {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--test-hooks"),
                          QStringLiteral("--db"), path(QStringLiteral("platform/platform.sqlite")),
                          QStringLiteral("--catalog"),
                          sourcePath(QStringLiteral("kiosk-config/catalog.json"))});
        QVERIFY(m_platform.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_platform.canReadLine(), 10000);
        const QString line = QString::fromUtf8(m_platform.readLine()).trimmed();
        QVERIFY2(line.startsWith(QStringLiteral("listening ")), qPrintable(line));
        m_platformUrl = line.mid(int(qstrlen("listening ")));

        QProcessEnvironment hallEnv = QProcessEnvironment::systemEnvironment();
        hallEnv.insert(QStringLiteral("TMPDIR"), path(QStringLiteral("hall-tmp")));
        m_hall.setProcessEnvironment(hallEnv);
        m_hall.setProcessChannelMode(QProcess::SeparateChannels);
        m_hall.start(QStringLiteral(UMOCKDEV_WRAPPER),
                     {QStringLiteral(HALL_EMULATOR_BINARY), QStringLiteral("--control"),
                      path(QStringLiteral("hall.sock")), QStringLiteral("--residents"),
                      sourcePath(QStringLiteral("kiosk-config/residents.json")), QStringLiteral("--printed"),
                      path(QStringLiteral("paper.bin"))});
        QVERIFY(m_hall.waitForStarted());
        QString ready;
        QTRY_VERIFY_WITH_TIMEOUT(
            (ready += QString::fromUtf8(m_hall.readAllStandardOutput())).contains(QStringLiteral("ready")),
            20000);
        for (const QString &l : ready.split(QLatin1Char('\n')))
            if (l.startsWith(QStringLiteral("UMOCKDEV_DIR=")))
                m_testbed = l.mid(int(qstrlen("UMOCKDEV_DIR=")));
        QVERIFY2(!m_testbed.isEmpty(), qPrintable(ready + QString::fromUtf8(m_hall.readAllStandardError())));
    }

    void cleanupTestCase()
    {
        if (m_hall.state() != QProcess::NotRunning) {
            m_hall.terminate();
            m_hall.waitForFinished(10000);
        }
        if (m_platform.state() != QProcess::NotRunning) {
            m_platform.terminate();
            m_platform.waitForFinished(5000);
        }
    }

    // The scan itself: each form of a text, written inside other bytes, is found under its own label.
    void scanFindsEveryForm()
    {
        const QString text = QStringLiteral("金丝雀QSELFTEST1K甲");
        const QList<CanaryNeedle> needles = CanaryForms::textNeedles(QStringLiteral("self"), text);
        const QString dir = path(QStringLiteral("selfcheck"));
        QVERIFY(QDir().mkpath(dir));
        QByteArray utf16;
        for (const QChar c : text)
            utf16.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        const QByteArray gb = CanaryForms::gb18030(text);
        QCOMPARE(gb, QByteArray::fromHex("bdf0cbbfc8b8") + QByteArray("QSELFTEST1K") +
                         QByteArray::fromHex("bcd7"));
        const QList<QPair<QString, QByteArray>> files{
            {QStringLiteral("utf-8"), text.toUtf8()},
            {QStringLiteral("gb18030"), gb},
            {QStringLiteral("utf-16le"), utf16},
            {QStringLiteral("b64-0"), text.toUtf8().toBase64()},
            {QStringLiteral("b64-1"), (QByteArray("x") + gb).toBase64()},
            {QStringLiteral("b64-2"), (QByteArray("xy") + utf16).toBase64()},
            {QStringLiteral("b64url"),
             (QByteArray("x") + text.toUtf8()).toBase64(QByteArray::Base64UrlEncoding)}};
        for (const auto &[name, bytes] : files) {
            QFile file(QDir(dir).filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("\x01garbage " + bytes + " garbage\xff");
        }
        const QStringList found = CanaryForms::findInFiles(dir, needles);
        for (const auto &[name, bytes] : files) {
            bool hit = false;
            for (const QString &f : found)
                hit = hit || f.startsWith(QDir(dir).filePath(name) + QStringLiteral(": "));
            QVERIFY2(hit, qPrintable(name + QStringLiteral(" not found; found: ") +
                                     found.join(QLatin1Char('\n'))));
        }
    }

    // J1, J2, J3 and J5 in one kiosk run with the platform up.
    void firstRunFourJourneys()
    {
        const Run r = runKiosk(QStringLiteral("first"), m_journeys->firstRun(), m_platformUrl);
        QVERIFY2(r.exitCode == 0 && r.report.value(QStringLiteral("passed")).toBool(),
                 qPrintable(r.report.value(QStringLiteral("failure")).toString() + QLatin1Char('\n') +
                            r.output.right(4000)));
        m_firstReport = r.report;
        m_image = platformPage();
        QVERIFY(
            r.report.value(QStringLiteral("receipt_printed")).toBool()); // J5's, after J3's roll was replaced
        QVERIFY(r.report.value(QStringLiteral("case_synced")).toBool());
        QVERIFY2(r.output.contains(QStringLiteral("cancelled at session end")),
                 "J3's held receipt was not cancelled");
        // J2 ended with "End" on its form; the others finished.
        QCOMPARE(r.output.count(QStringLiteral("session ended: \"cancelled\"")), 1);
        QCOMPARE(r.output.count(QStringLiteral("session ended: \"finished\"")), 5);
        QVERIFY2(m_image.size() > 2000, "the platform holds no page of J1");
    }

    // J4 with the platform stopped: the case and its rating stay pending in the encrypted store.
    void secondRunPlatformDown()
    {
        m_platform.terminate();
        QVERIFY(m_platform.waitForFinished(10000));
        const Run r = runKiosk(QStringLiteral("second"), m_journeys->secondRun(), m_platformUrl);
        QVERIFY2(r.exitCode == 0 && r.report.value(QStringLiteral("passed")).toBool(),
                 qPrintable(r.report.value(QStringLiteral("failure")).toString() + QLatin1Char('\n') +
                            r.output.right(4000)));
        m_secondReport = r.report;
        QVERIFY(r.report.value(QStringLiteral("receipt_printed")).toBool());
        QVERIFY(!r.report.value(QStringLiteral("case_synced")).toBool());
        QVERIFY(r.report.value(QStringLiteral("outbox_pending")).toInt() >= 1);
        // J4 finished, J8 timed out, J9 ended when the card was taken and the question went unanswered.
        for (const char *reason : {"finished", "timeout", "card_removed"})
            QVERIFY2(r.output.count(QStringLiteral("session ended: \"%1\"").arg(QLatin1String(reason))) == 1,
                     reason);

        // The paper, cut where each session had ended (the "paper ok" after it).
        m_hall.terminate();
        QVERIFY(m_hall.waitForFinished(10000));
        const QString hallLog = QString::fromUtf8(m_hall.readAllStandardError());
        QFile paperLog(path(QStringLiteral("logs/hall.log")));
        QVERIFY(paperLog.open(QIODevice::WriteOnly));
        paperLog.write(hallLog.toUtf8());
        const QRegularExpression marker(QStringLiteral("^hall: paper ok \\[paper (\\d+)\\]$"),
                                        QRegularExpression::MultilineOption);
        QStringList order = CanaryJourneys::endOrder();
        for (auto it = marker.globalMatch(hallLog); it.hasNext() && !order.isEmpty();)
            m_paperAtEnd.insert(order.takeFirst(), it.next().captured(1).toLongLong());
        QVERIFY2(order.isEmpty(), qPrintable(hallLog));
        QFile paper(path(QStringLiteral("paper.bin")));
        QVERIFY2(paper.open(QIODevice::ReadOnly), qPrintable(hallLog));
        m_paper = paper.readAll();
    }

    // The canaries are real: the journeys typed them, the platform holds the submitted ones, the paper
    // shows the masked forms (in GB18030 for a Chinese receipt, as the oracle encodes them).
    void canariesReachedWhereTheyBelong()
    {
        QVERIFY(!m_paper.isEmpty() && !m_image.isEmpty());
        QFile platformDb(path(QStringLiteral("platform/platform.sqlite")));
        QVERIFY(platformDb.open(QIODevice::ReadOnly));
        const QByteArray platform = platformDb.readAll();
        for (const QString &key : {QStringLiteral("J1"), QStringLiteral("J3"), QStringLiteral("J5"),
                                   QStringLiteral("J6"), QStringLiteral("J7")}) {
            const CanaryResident &r = m_journeys->resident(key);
            QVERIFY2(platform.contains(r.idNumber.toUtf8()), qPrintable(key));
            for (const QString &typed : r.typed)
                QVERIFY2(platform.contains(typed.toUtf8()), qPrintable(key + QLatin1Char(' ') + typed));
        }
        for (const QString &key : {QStringLiteral("J2"), QStringLiteral("J4"), QStringLiteral("J8"),
                                   QStringLiteral("J9")}) // ended mid-form; platform down; left mid-form
            QVERIFY2(!platform.contains(m_journeys->resident(key).idNumber.toUtf8()), qPrintable(key));

        const CanaryResident &j1 = m_journeys->resident(QStringLiteral("J1"));
        const QByteArray j1Paper = m_paper.left(int(m_paperAtEnd.value(QStringLiteral("J1"))));
        QVERIFY2(containsMasked(j1Paper, j1.maskedId()), "J1's receipt is not on the paper");
        const QString maskedName = j1.name.left(1) + QString(j1.name.size() - 1, QLatin1Char('*'));
        QVERIFY2(j1Paper.contains(CanaryForms::gb18030(maskedName)),
                 "J1's masked name is not on the paper in GB18030");
        const auto segment = [this](const QString &from, const QString &to) {
            return m_paper.mid(int(m_paperAtEnd.value(from)),
                               int(m_paperAtEnd.value(to) - m_paperAtEnd.value(from)));
        };
        const QStringList order = CanaryJourneys::endOrder();
        for (const QString &key :
             {QStringLiteral("J5"), QStringLiteral("J6"), QStringLiteral("J7"), QStringLiteral("J4")}) {
            const QString before = order.at(order.indexOf(key) - 1); // each receipt inside its own session
            QVERIFY2(containsMasked(segment(before, key), m_journeys->resident(key).maskedId()),
                     qPrintable(key));
        }
    }

    // Nothing of a resident on paper after their session ended (J3's held receipt above all); the full ID
    // number and every other unmasked canary never on paper at all.
    void nothingPrintedAfterTheSessionEnded()
    {
        QStringList leaks;
        for (const QString &found : CanaryForms::findInBytes(m_paper, m_journeys->allNeedles()))
            leaks << QStringLiteral("paper: ") + found;
        for (const QString &key : CanaryJourneys::endOrder()) {
            const CanaryResident &r = m_journeys->resident(key);
            const QByteArray after = m_paper.mid(int(m_paperAtEnd.value(key)));
            if (containsMasked(after, r.maskedId()))
                leaks << QStringLiteral("paper after %1's session ended: its receipt").arg(key);
        }
        if (m_paper.contains("REPRINT"))
            leaks << QStringLiteral("paper: a REPRINT came out (J3's held receipt)");
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }

    // No canary, in any form, in any file the kiosk could write: its data dir (the encrypted store, the key,
    // usage counts), TMPDIR, HOME (caches, config, runtime), and the logs (both runs' output and reports,
    // the hall's log).
    void noCanaryInAnyFile()
    {
        QList<CanaryNeedle> needles = m_journeys->allNeedles();
        const QList<CanaryNeedle> image = imageNeedles();
        QVERIFY(image.size() >= 8);
        needles += image;
        QVERIFY(QFileInfo(path(QStringLiteral("data/cases.sqlite"))).size() > 0);
        QStringList leaks;
        for (const char *dir : {"data", "tmp", "home", "logs"})
            leaks += CanaryForms::findInFiles(path(QLatin1String(dir)), needles);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
        // The image needles are the platform's bytes: they are there (the search itself works).
        QVERIFY(!CanaryForms::findInFiles(path(QStringLiteral("platform")), image).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCanarySystem)
#include "tst_canary_system.moc"
