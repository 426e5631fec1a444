#include "StrictWarnings.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Runs kiosk-config/scenarios/identity-*.json through the kiosk binary offscreen, against a platform-sim
// with its test hooks on (it issues the personal codes), and checks what the log says and does not say.
// Each scenario has Chinese and English sessions; each runs twice: in the standard display mode and in its
// elderly variant (--elderly: every session switched to the elderly mode by a tap on the header's key).
class TestIdentityScenarios : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_platform;
    QString m_platformUrl;

    // Exit code, the report's warnings, and everything the kiosk printed.
    struct Run
    {
        int exitCode = -1;
        QJsonObject report;
        QStringList warnings;
        QString output;
    };

    Run run(const QString &name, bool elderly)
    {
        Run r;
        const QString variant = name + (elderly ? QStringLiteral("-elderly") : QStringLiteral("-standard"));
        const QString out = m_dir.filePath(variant);
        QProcess kiosk;
        kiosk.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        kiosk.setProcessEnvironment(env);
        QStringList arguments{QStringLiteral("--config"),
                              sourcePath(QStringLiteral("kiosk-config")),
                              QStringLiteral("--data-dir"),
                              m_dir.filePath(QStringLiteral("kiosk-data-") + variant),
                              QStringLiteral("--platform-url"),
                              m_platformUrl,
                              QStringLiteral("--scenario"),
                              sourcePath(QStringLiteral("kiosk-config/scenarios/%1.json").arg(name)),
                              QStringLiteral("--report"),
                              QDir(out).filePath(QStringLiteral("report.json"))};
        if (elderly)
            arguments << QStringLiteral("--elderly");
        kiosk.start(QStringLiteral(KIOSK_BINARY), arguments);
        QDir().mkpath(out);
        kiosk.waitForFinished(240000);
        r.exitCode = kiosk.exitStatus() == QProcess::NormalExit ? kiosk.exitCode() : -1;
        r.output = QString::fromUtf8(kiosk.readAll());
        QFile file(QDir(out).filePath(QStringLiteral("report.json")));
        if (file.open(QIODevice::ReadOnly))
            r.report = QJsonDocument::fromJson(file.readAll()).object();
        for (const QJsonValue &v : r.report.value(QStringLiteral("warnings")).toArray())
            r.warnings << v.toString();
        return r;
    }

    // The variant ran as asked: in the elderly variant every session (each scenario has at least two, one
    // per language) was switched to the elderly mode; in the standard one none was.
    static void ranInItsDisplayMode(const Run &r, bool elderly)
    {
        QCOMPARE(r.report.value(QStringLiteral("display_mode")).toString(),
                 elderly ? QStringLiteral("elderly") : QStringLiteral("standard"));
        const int sessions = r.report.value(QStringLiteral("elderly_sessions")).toInt(-1);
        if (elderly)
            QVERIFY2(sessions >= 2, qPrintable(QString::number(sessions)));
        else
            QCOMPARE(sessions, 0);
    }

    // Adds a row per display mode for each row `add` adds.
    template <typename AddRow> static void bothDisplayModes(AddRow add)
    {
        for (const bool elderly : {false, true})
            add(elderly, elderly ? "elderly" : "standard");
    }

    static void noPersonalData(const Run &r)
    {
        const QByteArray report = QJsonDocument(r.report).toJson();
        for (const QString &personal :
             {QStringLiteral("310104194803120025"), QStringLiteral("王秀英"),
              QStringLiteral("USA310085051511"), QStringLiteral("931840199007120027"),
              QStringLiteral("810000199001010019"), QStringLiteral("GARCIA"),
              QStringLiteral("13900001111"), QStringLiteral("E98765432")}) {
            QVERIFY2(!r.output.contains(personal), qPrintable(personal));
            QVERIFY2(!report.contains(personal.toUtf8()), qPrintable(personal));
        }
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        m_platform.start(QStringLiteral(PLATFORM_SIM_BINARY),
                         {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--test-hooks"),
                          QStringLiteral("--db"), m_dir.filePath(QStringLiteral("platform.sqlite")),
                          QStringLiteral("--catalog"),
                          sourcePath(QStringLiteral("kiosk-config/catalog.json"))});
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

    void everyCardTypeAndAValidCode_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("elderly");
        bothDisplayModes([](bool elderly, const char *mode) {
            for (const char *name :
                 {"identity-resident-card", "identity-hk-mo-tw-permit", "identity-foreigner-card-2017",
                  "identity-foreigner-card-2023", "identity-code-valid"})
                QTest::addRow("%s %s", name, mode) << QString::fromLatin1(name) << elderly;
        });
    }
    void everyCardTypeAndAValidCode()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, elderly);
        const Run r = run(scenario, elderly);
        QVERIFY2(r.exitCode == 0, qPrintable(r.output.right(3000)));
        QVERIFY(r.report.value(QStringLiteral("passed")).toBool());
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QLatin1Char('\n'))));
        QVERIFY(!r.report.value(QStringLiteral("case_id")).toString().isEmpty()); // through to the receipt
        ranInItsDisplayMode(r, elderly);
        noPersonalData(r);
    }

    void everyRefusedCodeKind_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("logged");
        QTest::addColumn<int>("times");
        QTest::addColumn<bool>("elderly");
        bothDisplayModes([](bool elderly, const char *mode) {
            QTest::addRow("expired %s", mode)
                << QStringLiteral("identity-code-expired")
                << QStringLiteral("identity code refused: expired (") << 2 << elderly;
            QTest::addRow("not yet valid %s", mode)
                << QStringLiteral("identity-code-not-yet-valid")
                << QStringLiteral("identity code refused: not_yet_valid (") << 2 << elderly;
            QTest::addRow("unknown key %s", mode)
                << QStringLiteral("identity-code-unknown-key")
                << QStringLiteral("identity code refused: unknown_key (kid rogue is not configured)") << 2
                << elderly;
            QTest::addRow("forged %s", mode)
                << QStringLiteral("identity-code-forged")
                << QStringLiteral("identity code refused: bad_signature (") << 2 << elderly;
            QTest::addRow("replayed %s", mode)
                << QStringLiteral("identity-code-replayed")
                << QStringLiteral("identity code refused: replayed (token id already used)") << 2 << elderly;
            QTest::addRow("malformed %s", mode)
                << QStringLiteral("identity-code-malformed")
                << QStringLiteral("identity code refused: malformed (") << 3 << elderly;
        });
    }
    void everyRefusedCodeKind()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, logged);
        QFETCH(int, times);
        QFETCH(bool, elderly);
        const Run r = run(scenario, elderly);
        QVERIFY2(r.exitCode == 0, qPrintable(r.output.right(3000)));
        QVERIFY(r.report.value(QStringLiteral("passed")).toBool());
        // One log line per refusal (Chinese and English sessions), saying why; nothing else went wrong.
        int count = 0;
        for (const QString &w : r.warnings) {
            QVERIFY2(w.contains(QLatin1String("identity code refused: ")), qPrintable(w));
            count += w.contains(logged) ? 1 : 0;
        }
        QVERIFY2(count == times, qPrintable(r.warnings.join(QLatin1Char('\n'))));
        ranInItsDisplayMode(r, elderly);
        noPersonalData(r);
    }

    // A resident without a readable card (identity-no-card): typed passport details, one wrong staff PIN
    // (the only warning, and without personal data), then confirmed by staff; through to the receipt, and
    // the platform accepted the case with identity_method "staff_confirmed" (it refuses other values).
    void noCardPathConfirmedByStaff_data()
    {
        QTest::addColumn<bool>("elderly");
        bothDisplayModes([](bool elderly, const char *mode) { QTest::newRow(mode) << elderly; });
    }
    void noCardPathConfirmedByStaff()
    {
        QFETCH(bool, elderly);
        const Run r = run(QStringLiteral("identity-no-card"), elderly);
        QVERIFY2(r.exitCode == 0, qPrintable(r.output.right(3000)));
        QVERIFY(r.report.value(QStringLiteral("passed")).toBool());
        QVERIFY2(r.warnings == QStringList{QStringLiteral("onestop.identity.nocard: wrong staff PIN, 2 attempts left")},
                 qPrintable(r.warnings.join(QLatin1Char('\n'))));
        QVERIFY(r.output.contains(QLatin1String("resident identified by staff-confirmed details (passport)")));
        QVERIFY(r.output.contains(QLatin1String("no-card identification cancelled: details wiped")));
        QVERIFY(!r.output.contains(QLatin1String("975310")));
        const QString caseId = r.report.value(QStringLiteral("case_id")).toString();
        QVERIFY(!caseId.isEmpty());
        ranInItsDisplayMode(r, elderly);
        noPersonalData(r);

        QNetworkAccessManager network;
        QNetworkReply *reply =
            network.get(QNetworkRequest(QUrl(m_platformUrl + QStringLiteral("/api/v1/cases/") + caseId)));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(answer.value(QStringLiteral("status")).toString(), QStringLiteral("received"));
        reply->deleteLater();
    }
};

QTEST_GUILESS_MAIN(TestIdentityScenarios)
#include "tst_identity_scenarios.moc"
