// SyncClient: which answers park an item and which are retried (issue 10). Only the platform's own 400 and
// 422 park; every other failure (3xx, 401, 403, 404, 405, 407, 413, a proxy's page, garbage, oversized,
// trickled, truncated answers, timeouts) is retried with capped backoff and raised as an alert naming the
// cause, and the case reaches the platform exactly once afterwards.
#include "GarbageHttpServer.h"
#include "PlatformSimProcess.h"
#include "RawHttpClient.h"
#include "StrictWarnings.h"
#include "SyncClient.h"
#include "SyncTestKiosk.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

int attemptsOfHead(const CaseStore &store)
{
    return store.nextOutboxItem().value_or(OutboxItem()).attempts;
}

QByteArray answer(const QByteArray &statusLine, const QByteArray &contentType, const QByteArray &body,
                  const QByteArray &extra = {})
{
    return statusLine + "\r\nContent-Type: " + contentType +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extra +
           "Connection: close\r\n\r\n" + body;
}

} // namespace

class TestSyncFailures : public QObject
{
    Q_OBJECT

private:
    QString kioskDir() { return m_dir.filePath(QStringLiteral("kiosk-%1").arg(++m_kiosks)); }
    int platformCases(const QString &id)
    {
        return platformRowCount(m_sim->dbPath(), QStringLiteral("cases"), id);
    }
    void postHook(const QByteArray &path, const QByteArray &body)
    {
        const auto r = rawExchange(m_sim->port(), RawHttpClient::request("POST", path, {}, body));
        QCOMPARE(r.value_or(RawHttpResponse()).status, 200);
    }

    // A case submitted to a fresh kiosk; the client runs against `url` until the head item has failed
    // `attempts` times; then the same store syncs against the real platform: delivered once, never parked.
    void expectRetriedThenDelivered(const QUrl &url, int attempts, const QString &expectedCause,
                                    const QString &reasonPart, SyncSettings settings = fastSyncSettings())
    {
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY2(kiosk.open(&error), qPrintable(error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        {
            SyncClient client(*kiosk.store, m_nam, settings, url);
            QSignalSpy rejected(&client, &SyncClient::itemRejected);
            QStringList causes;
            connect(&client, &SyncClient::alertChanged, this, [&] { causes << client.alertCause(); });
            client.start();
            QTRY_VERIFY_WITH_TIMEOUT(attemptsOfHead(*kiosk.store) >= attempts, 20000);
            QCOMPARE(rejected.count(), 0);
            QCOMPARE(kiosk.store->caseSyncState(id), SyncState::Pending);
            QCOMPARE(client.pendingCount(), 1);
            // expectedCause is a pattern: a connection closed mid-answer is "network" or "garbage" depending on
            // when Qt notices the close.
            const QRegularExpression cause(QStringLiteral("^(%1)$").arg(expectedCause));
            QVERIFY2(cause.match(causes.value(0)).hasMatch(), qPrintable(causes.value(0)));
            QVERIFY2(cause.match(client.alertCause()).hasMatch(), qPrintable(client.alertCause()));
            QVERIFY2(client.alert().contains(reasonPart), qPrintable(client.alert()));
        }
        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        QSignalSpy synced(&client, &SyncClient::itemSynced);
        client.start();
        QTRY_COMPARE(synced.count(), 1);
        QCOMPARE(kiosk.store->caseSyncState(id), SyncState::Synced);
        QVERIFY(client.alert().isEmpty());
        QCOMPARE(platformCases(id), 1);
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("platform.sqlite")));
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }

    void cleanupTestCase() { QCOMPARE(m_sim->terminate(), 0); }

    // The defect of issue 10: a temporary 403 (or 401, 404, ...) marked the case rejected for good.
    void temporaryRefusalIsRetriedNotParked_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("html");
        QTest::addColumn<QString>("cause");
        QTest::newRow("302") << 302 << false << "configuration";
        QTest::newRow("401") << 401 << false << "identity";
        QTest::newRow("403") << 403 << false << "identity";
        QTest::newRow("404") << 404 << false << "configuration";
        QTest::newRow("405") << 405 << false << "configuration";
        QTest::newRow("407") << 407 << false << "proxy";
        QTest::newRow("409") << 409 << false << "conflict";
        QTest::newRow("413") << 413 << false << "too_large";
        QTest::newRow("415") << 415 << false << "server";
        QTest::newRow("502 html") << 502 << true << "server";
        QTest::newRow("400 html (a proxy's page)") << 400 << true << "proxy";
        QTest::newRow("422 html (a proxy's page)") << 422 << true << "proxy";
        QTest::newRow("403 html (a proxy's page)") << 403 << true << "identity";
    }

    void temporaryRefusalIsRetriedNotParked()
    {
        QFETCH(int, status);
        QFETCH(bool, html);
        QFETCH(QString, cause);
        postHook("/test/fail-next", QStringLiteral(R"({"count": 10, "status": %1, "html": %2})")
                                        .arg(status)
                                        .arg(html ? "true" : "false")
                                        .toUtf8());
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY(kiosk.open(&error));
        const QString id = newId(), next = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        QSignalSpy rejected(&client, &SyncClient::itemRejected);
        QSignalSpy synced(&client, &SyncClient::itemSynced);
        QStringList causes;
        connect(&client, &SyncClient::alertChanged, this, [&] {
            if (!client.alertCause().isEmpty())
                causes << client.alertCause();
        });
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(synced.count() == 1, 30000);
        QCOMPARE(rejected.count(), 0);
        QCOMPARE(kiosk.store->caseSyncState(id), SyncState::Synced);
        QTRY_COMPARE(
            int(m_sim->log().count(QStringLiteral("PUT /api/v1/cases/%1 -> %2").arg(id).arg(status))), 10);
        QCOMPARE(int(m_sim->log().count(QStringLiteral("PUT /api/v1/cases/%1 -> 201").arg(id))), 1);
        QCOMPARE(causes.value(0), cause);
        QVERIFY2(client.alert().isEmpty(), qPrintable(client.alert())); // cleared by the success
        QCOMPARE(platformCases(id), 1);

        // The platform's own 400 still parks (and the next case goes on).
        QVERIFY(kiosk.store->submitCase(testSubmission(next), {}, &error));
        client.kick();
        QTRY_COMPARE(synced.count(), 2);
        QCOMPARE(platformCases(next), 1);
    }

    void proxyPageIsRetried_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<QString>("cause");
        const QByteArray page = "<html><body><h1>Access denied by policy</h1></body></html>";
        QTest::newRow("400 html") << answer("HTTP/1.1 400 Bad Request", "text/html", page) << "proxy";
        QTest::newRow("422 text") << answer("HTTP/1.1 422 Unprocessable Entity", "text/plain", "nope")
                                  << "proxy";
        QTest::newRow("422 json without error")
            << answer("HTTP/1.1 422 Unprocessable Entity", "application/json", "{\"message\":\"x\"}")
            << "proxy";
        QTest::newRow("407 html") << answer("HTTP/1.1 407 Proxy Authentication Required", "text/html", page)
                                  << "proxy";
        QTest::newRow("301") << answer("HTTP/1.1 301 Moved Permanently", "text/html", page,
                                       "Location: http://example.invalid/\r\n")
                             << "configuration";
        QTest::newRow("garbage bytes")
            << QByteArray("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03garbage\r\n\r\n", 25) << "network";
    }

    void proxyPageIsRetried()
    {
        QFETCH(QByteArray, reply);
        QFETCH(QString, cause);
        GarbageHttpServer proxy(reply);
        QVERIFY(proxy.listen());
        expectRetriedThenDelivered(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(proxy.port())), 3, cause,
                                   QString());
    }

    // The answer is read up to maxAnswerBytes: a larger one (declared or not) is a failed attempt.
    void oversizedAnswerIsAFailedAttempt_data()
    {
        QTest::addColumn<QByteArray>("reply");
        const QByteArray big(64 * 1024, 'x');
        QTest::newRow("declared length") << answer("HTTP/1.1 200 OK", "application/json", big);
        QTest::newRow("until close")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n") +
                   big;
        QTest::newRow("error page") << answer("HTTP/1.1 400 Bad Request", "application/json",
                                              "{\"error\":\"" + big + "\"}");
    }

    void oversizedAnswerIsAFailedAttempt()
    {
        QFETCH(QByteArray, reply);
        GarbageHttpServer server(reply);
        QVERIFY(server.listen());
        SyncSettings settings = fastSyncSettings();
        settings.maxAnswerBytes = 16 * 1024;
        expectRetriedThenDelivered(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(server.port())), 3,
                                   QStringLiteral("garbage"),
                                   QStringLiteral("answer larger than 16384 bytes"), settings);
    }

    // A server dripping one byte at a time restarts the transfer timeout forever; the whole-request
    // deadline ends the attempt.
    void tricklingServerCannotHoldTheUploadSlot()
    {
        const QByteArray body = "{\"case_id\":\"" + QByteArray(4000, 'z') + "\"}";
        const QByteArray reply = answer("HTTP/1.1 200 OK", "application/json", body);
        GarbageHttpServer server(reply);
        server.setTrickle(20, reply.indexOf("\r\n\r\n") + 4); // the head at once, then the body drips
        QVERIFY(server.listen());
        SyncSettings settings = fastSyncSettings();
        settings.requestTimeoutMs = 5000; // never reached: a byte arrives every 20 ms (even on a loaded machine)
        settings.requestDeadlineMs = 1200; // the whole request
        expectRetriedThenDelivered(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(server.port())), 2,
                                   QStringLiteral("timeout"), QStringLiteral("no answer within 1200 ms"),
                                   settings);
        QVERIFY(server.requestCount() >= 2);
    }

    // Content-Length promises more than arrives: closed early (a network failure), or held open (a timeout).
    void truncatedAnswerIsRetried_data()
    {
        QTest::addColumn<bool>("closeAfter");
        QTest::addColumn<QString>("cause");
        QTest::newRow("closed") << true << "network|garbage";
        QTest::newRow("held open") << false << "timeout";
    }

    void truncatedAnswerIsRetried()
    {
        QFETCH(bool, closeAfter);
        QFETCH(QString, cause);
        GarbageHttpServer server("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: "
                                 "500\r\n\r\n{\"case_id\":");
        server.setCloseAfter(closeAfter);
        QVERIFY(server.listen());
        SyncSettings settings = fastSyncSettings();
        settings.requestTimeoutMs = 1000;
        expectRetriedThenDelivered(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(server.port())), 2, cause,
                                   QString(), settings);
    }

    // Retry-After is honoured but capped (sync.max_retry_after_ms): a platform asking for an hour waits
    // only as long as the cap.
    void retryAfterIsCapped()
    {
        postHook("/test/fail-next", R"({"count": 1, "status": 503, "retry_after": 3600})");
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        SyncSettings settings = fastSyncSettings();
        settings.maxRetryAfterMs = 400;
        SyncClient client(*kiosk.store, m_nam, settings, m_sim->baseUrl());
        client.start();
        QTRY_COMPARE(attemptsOfHead(*kiosk.store), 1);
        const OutboxItem head = kiosk.store->nextOutboxItem().value();
        QVERIFY2(head.nextAttemptAt <=
                     QDateTime::currentDateTimeUtc().addMSecs(settings.maxRetryAfterMs + 100),
                 qPrintable(head.nextAttemptAt.toString(Qt::ISODateWithMs)));
        QTRY_COMPARE(client.pendingCount(), 0);
        QCOMPARE(platformCases(id), 1);
    }

    // A stored next attempt far in the future (a clock that jumped back) cannot freeze sync.
    void farFutureNextAttemptIsCappedRelativeToNow()
    {
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        const qint64 seq = kiosk.store->nextOutboxItem()->seq;
        QVERIFY(kiosk.store->recordFailedAttempt(seq, QStringLiteral("earlier"),
                                                 QDateTime::currentDateTimeUtc().addYears(10), &error));
        SyncSettings settings = fastSyncSettings();
        settings.maxRetryAfterMs = 300;
        SyncClient client(*kiosk.store, m_nam, settings, m_sim->baseUrl());
        client.start();
        QCOMPARE(client.state(), QStringLiteral("waiting_retry"));
        QTRY_COMPARE(client.pendingCount(), 0);
        QCOMPARE(platformCases(id), 1);
    }

    // http:// is refused unless the settings say the insecure transport is meant (demo, tests).
    void insecureUrlIsRefused()
    {
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY(kiosk.open(&error));
        QVERIFY(kiosk.store->submitCase(testSubmission(newId()), {}, &error));
        SyncSettings settings = fastSyncSettings();
        settings.allowInsecureHttp = false;
        SyncClient client(*kiosk.store, m_nam, settings, m_sim->baseUrl());
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral(
                                                "^sync refused: refusing the insecure platform URL")));
        client.start();
        QCOMPARE(client.state(), QStringLiteral("misconfigured"));
        QCOMPARE(client.alertCause(), QStringLiteral("configuration"));
        QVERIFY(client.alert().contains(QLatin1String("allow_insecure_http")));
        client.kick();
        client.setNetworkAvailable(false);
        client.setNetworkAvailable(true);
        QTest::qWait(200);
        QCOMPARE(client.pendingCount(), 1);
        QCOMPARE(attemptsOfHead(*kiosk.store), 0);
        QVERIFY(!m_sim->log().contains(QLatin1String("PUT /api/v1/cases/") +
                                       kiosk.store->nextOutboxItem()->refId));
    }

private:
    QTemporaryDir m_dir;
    int m_kiosks = 0;
    std::unique_ptr<PlatformSimProcess> m_sim;
    QNetworkAccessManager m_nam;
};

QTEST_GUILESS_MAIN(TestSyncFailures)
#include "tst_sync_failures.moc"
