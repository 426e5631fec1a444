// The real binary on kiosk-config/scenarios/progress-lookup.json against a real platform-sim (as
// tst_queue_scenario runs the queue's): online in English (a receipt's QR code with its history, a forged
// link refused, an unknown typed number not found, the number typed in lower case found, the resident's own
// applications by card), offline in Chinese (an application saved at this kiosk while the platform cannot be
// reached, then found by card from the kiosk's records, waiting to be sent; the online case's QR code not
// known at this kiosk, said so). Once as it is and once in the elderly mode. The online application is put on
// the platform first.
#include "StrictWarnings.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kCaseId = QStringLiteral("6f1c2d3e-4a5b-4c6d-8e7f-901234567890");
}

class TestProgressLookupScenario : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_platform;
    QString m_platformUrl;
    QNetworkAccessManager m_nam;

    int send(const QByteArray &method, const QString &path, const QJsonObject &body,
             const QByteArray &idempotencyKey = QByteArray())
    {
        QNetworkRequest request(QUrl(m_platformUrl + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!idempotencyKey.isEmpty())
            request.setRawHeader("Idempotency-Key", idempotencyKey);
        QNetworkReply *reply =
            m_nam.sendCustomRequest(request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
            return 0;
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    void check(const QString &name, const QStringList &extra)
    {
        const QString out = m_dir.filePath(name);
        QProcess kiosk;
        kiosk.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        kiosk.setProcessEnvironment(env);
        kiosk.start(QStringLiteral(KIOSK_BINARY),
                    QStringList{QStringLiteral("--config"), sourcePath(QStringLiteral("kiosk-config")),
                                QStringLiteral("--data-dir"), m_dir.filePath(name + QStringLiteral("-data")),
                                QStringLiteral("--platform-url"), m_platformUrl, QStringLiteral("--scenario"),
                                sourcePath(QStringLiteral("kiosk-config/scenarios/progress-lookup.json")),
                                QStringLiteral("--screenshots"), out, QStringLiteral("--report"),
                                QDir(out).filePath(QStringLiteral("report.json"))} +
                        extra);
        kiosk.waitForFinished(240000);
        const int exitCode = kiosk.exitStatus() == QProcess::NormalExit ? kiosk.exitCode() : -1;
        const QString output = QString::fromUtf8(kiosk.readAll());
        QFile file(QDir(out).filePath(QStringLiteral("report.json")));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(output.right(3000)));
        const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY2(exitCode == 0 && report.value(QStringLiteral("passed")).toBool(),
                 qPrintable(output.right(3000)));
        QVERIFY2(report.value(QStringLiteral("warnings")).toArray().isEmpty(),
                 QJsonDocument(report.value(QStringLiteral("warnings")).toArray()).toJson().constData());
        QStringList screens;
        for (const QJsonValue &v : report.value(QStringLiteral("screens_visited")).toArray())
            screens << v.toString();
        QVERIFY(screens.contains(QStringLiteral("journey")));
        // The runner numbers its screenshots in order ("09-lookup-qr-online-en.png").
        for (const QString &shot :
             {QStringLiteral("lookup-qr-online-en"), QStringLiteral("lookup-forged-en"),
              QStringLiteral("lookup-unknown-number-en"), QStringLiteral("lookup-cases-online-en"),
              QStringLiteral("lookup-cases-offline-zh"), QStringLiteral("lookup-waiting-offline-zh"),
              QStringLiteral("lookup-unknown-offline-zh")}) {
            const QFileInfoList files =
                QDir(out).entryInfoList({QStringLiteral("[0-9][0-9]-") + shot + QStringLiteral(".png")});
            QVERIFY2(files.size() == 1 && files.first().size() > 1000, qPrintable(shot));
        }
        // Nothing of the resident in the kiosk's output (its log).
        QVERIFY(!output.contains(QStringLiteral("310104194803120025")));
        QVERIFY(!output.contains(QStringLiteral("王秀英")));
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        m_nam.setProxy(QNetworkProxy::NoProxy);
        m_platform.start(QStringLiteral(PLATFORM_SIM_BINARY),
                         {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--db"),
                          m_dir.filePath(QStringLiteral("platform.sqlite")), QStringLiteral("--test-hooks")});
        QVERIFY(m_platform.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_platform.canReadLine(), 10000);
        const QString line = QString::fromUtf8(m_platform.readLine()).trimmed();
        QVERIFY2(line.startsWith(QStringLiteral("listening ")), qPrintable(line));
        m_platformUrl = line.mid(int(qstrlen("listening ")));
        // The online application: sample resident 0's, made at another kiosk, now in review.
        const QJsonObject body{
            {QStringLiteral("case_id"), kCaseId},
            {QStringLiteral("case_number"), QStringLiteral("SH-XH-TLQ-K02-20261201-7Q3F-0001")},
            {QStringLiteral("service_id"), QStringLiteral("elderly-allowance")},
            {QStringLiteral("center_id"), QStringLiteral("SH-XH-TLQ")},
            {QStringLiteral("submitted_at"), QStringLiteral("2026-12-01T08:30:00.000Z")},
            {QStringLiteral("language"), QStringLiteral("zh_CN")},
            {QStringLiteral("form"),
             QJsonObject{{QStringLiteral("applicant_name"), QStringLiteral("王秀英")},
                         {QStringLiteral("id_number"), QStringLiteral("310104194803120025")}}},
            {QStringLiteral("attachments"), QJsonArray()}};
        QCOMPARE(send("PUT", QStringLiteral("/api/v1/cases/") + kCaseId, body, kCaseId.toLatin1()), 201);
        QCOMPARE(send("POST", QStringLiteral("/test/case-status"),
                      {{QStringLiteral("case_id"), kCaseId},
                       {QStringLiteral("status"), QStringLiteral("in_review")},
                       {QStringLiteral("note"), QStringLiteral("材料已转街道社区事务受理服务中心审核")}}),
                 200);
    }

    void cleanupTestCase()
    {
        m_platform.terminate();
        m_platform.waitForFinished(5000);
    }

    void onlineAndOffline() { check(QStringLiteral("plain"), {}); }
    void onlineAndOfflineInTheElderlyMode()
    {
        check(QStringLiteral("elderly"), {QStringLiteral("--elderly")});
    }
};

QTEST_MAIN(TestProgressLookupScenario)
#include "tst_progress_lookup_scenario.moc"
