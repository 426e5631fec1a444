// SyncClient when things go wrong on the way: the platform not started, killed and back on the same
// port, answers slower than the timeout, the client destroyed mid-request and recreated over the same
// store file, and the network marked unavailable.
#include "PlatformSimProcess.h"
#include "RawHttpClient.h"
#include "StrictWarnings.h"
#include "SyncClient.h"
#include "SyncTestKiosk.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
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

} // namespace

class TestSyncRecovery : public QObject
{
    Q_OBJECT

private:
    QString dir(const QString &name) { return m_dir.filePath(name); }
    std::unique_ptr<PlatformSimProcess> newSim(const QString &name)
    {
        return std::make_unique<PlatformSimProcess>(dir(name + QStringLiteral(".sqlite")));
    }
    static void postHook(quint16 port, const QByteArray &path, const QByteArray &body)
    {
        const auto r = rawExchange(port, RawHttpClient::request("POST", path, {}, body));
        QCOMPARE(r.value_or(RawHttpResponse()).status, 200);
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }

    void retriesUntilPlatformStartsOnSamePort()
    {
        auto sim = newSim(QStringLiteral("late"));
        QString error;
        QVERIFY2(sim->start(&error), qPrintable(error)); // only to learn a free port
        const quint16 port = sim->port();
        QCOMPARE(sim->terminate(), 0);

        SyncTestKiosk kiosk(dir(QStringLiteral("kiosk-late")));
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), sim->baseUrl());
        client.start();
        QTRY_VERIFY(attemptsOfHead(*kiosk.store) >= 3);
        QVERIFY2(client.lastError().startsWith(QLatin1String("network:")), qPrintable(client.lastError()));
        const OutboxItem head = kiosk.store->nextOutboxItem().value();
        // The next attempt is scheduled within the backoff cap, never further.
        QVERIFY(head.nextAttemptAt.isValid());
        QVERIFY(head.nextAttemptAt <= QDateTime::currentDateTimeUtc().addMSecs(fastSyncSettings().maxBackoffMs + 50));
        QCOMPARE(kiosk.store->caseSyncState(id), SyncState::Pending);

        QVERIFY2(sim->start(port, &error), qPrintable(error));
        QTRY_COMPARE(client.pendingCount(), 0);
        QTRY_COMPARE(client.state(), QStringLiteral("idle"));
        QCOMPARE(platformRowCount(sim->dbPath(), QStringLiteral("cases"), id), 1);
        QCOMPARE(sim->terminate(), 0);
    }

    void deliversAfterPlatformWasKilled()
    {
        auto sim = newSim(QStringLiteral("killed"));
        QString error;
        QVERIFY2(sim->start(&error), qPrintable(error));
        const quint16 port = sim->port();
        SyncTestKiosk kiosk(dir(QStringLiteral("kiosk-killed")));
        QVERIFY(kiosk.open(&error));
        const QString first = newId(), second = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(first), {}, &error));
        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), sim->baseUrl());
        client.start();
        QTRY_COMPARE(client.pendingCount(), 0); // the connection stays open (keep-alive)

        sim->kill();
        QVERIFY(kiosk.store->addRating(first, 4, QString(), &error));
        QVERIFY(kiosk.store->submitCase(testSubmission(second), {}, &error));
        client.kick();
        QTRY_VERIFY(attemptsOfHead(*kiosk.store) >= 2);
        QCOMPARE(client.pendingCount(), 2);

        QVERIFY2(sim->start(port, &error), qPrintable(error));
        QTRY_COMPARE(client.pendingCount(), 0);
        QCOMPARE(platformRowCount(sim->dbPath(), QStringLiteral("cases")), 2);
        QCOMPARE(platformRowCount(sim->dbPath(), QStringLiteral("cases"), first), 1);
        QCOMPARE(platformRowCount(sim->dbPath(), QStringLiteral("ratings"), first), 1);
        QCOMPARE(sim->terminate(), 0);
    }

    void slowAnswerTimesOutAndRetryIsIdempotent()
    {
        auto sim = newSim(QStringLiteral("slow"));
        QString error;
        QVERIFY2(sim->start(&error), qPrintable(error));
        postHook(sim->port(), "/test/delay-next", R"({"ms": 1500})");
        SyncTestKiosk kiosk(dir(QStringLiteral("kiosk-slow")));
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        SyncSettings settings = fastSyncSettings();
        settings.requestTimeoutMs = 300;
        SyncClient client(*kiosk.store, m_nam, settings, sim->baseUrl());
        QStringList errors;
        connect(&client, &SyncClient::lastErrorChanged, this, [&] { errors << client.lastError(); });
        client.start();
        QTRY_COMPARE(client.pendingCount(), 0);
        QCOMPARE(errors.value(0), QStringLiteral("timeout: no answer within 300 ms"));
        // The platform stored it during the first (timed out) request and answered the retry from its record.
        QTRY_COMPARE(int(sim->log().count(QStringLiteral("-> 201"))), 1);
        QTRY_VERIFY(sim->log().count(QStringLiteral("-> 200")) >= 1);
        QCOMPARE(platformRowCount(sim->dbPath(), QStringLiteral("cases"), id), 1);
        QCOMPARE(sim->terminate(), 0);
    }

    // A rating has its own idempotency key, made once when it is stored: the retry after a lost answer sends the
    // same key (the platform answers 200 from its record), and the platform keeps that key, not the case id.
    void ratingRetryReusesItsOwnKey()
    {
        auto sim = newSim(QStringLiteral("rating-key"));
        QString error;
        QVERIFY2(sim->start(&error), qPrintable(error));
        SyncTestKiosk kiosk(dir(QStringLiteral("kiosk-rating-key")));
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        SyncSettings settings = fastSyncSettings();
        settings.requestTimeoutMs = 300;
        SyncClient client(*kiosk.store, m_nam, settings, sim->baseUrl());
        client.start();
        QTRY_COMPARE(client.pendingCount(), 0);

        QVERIFY2(kiosk.store->addRating(id, 4, QStringLiteral("ok"), &error), qPrintable(error));
        const QString key = kiosk.store->rating(id)->idempotencyKey;
        QVERIFY(!QUuid::fromString(key).isNull());
        postHook(sim->port(), "/test/delay-next", R"({"ms": 1500})");
        QStringList errors;
        connect(&client, &SyncClient::lastErrorChanged, this, [&] { errors << client.lastError(); });
        client.kick();
        QTRY_COMPARE(client.pendingCount(), 0);
        QCOMPARE(errors.value(0), QStringLiteral("timeout: no answer within 300 ms"));
        const QString ratingPath = QStringLiteral("PUT /api/v1/cases/%1/rating").arg(id);
        QTRY_COMPARE(int(sim->log().count(ratingPath + QStringLiteral(" -> 201"))), 1);
        QTRY_VERIFY(sim->log().count(ratingPath + QStringLiteral(" -> 200")) >= 1);
        QCOMPARE(int(sim->log().count(ratingPath + QStringLiteral(" -> 409"))), 0);
        QCOMPARE(kiosk.store->caseSyncState(id), SyncState::Synced);
        QCOMPARE(platformRowCount(sim->dbPath(), QStringLiteral("ratings"), id), 1);
        QCOMPARE(platformColumn(sim->dbPath(), QStringLiteral("ratings"), QStringLiteral("idempotency_key"), id), key);
        QCOMPARE(sim->terminate(), 0);
    }

    // The platform already holds a rating for the case under another key: 409 rating_exists, retried with a
    // staff alert (cause "conflict"), never parked or dropped, and the platform's rating is untouched.
    void ratingUnderAnotherKeyIsAConflictForStaff()
    {
        auto sim = newSim(QStringLiteral("rating-other"));
        QString error;
        QVERIFY2(sim->start(&error), qPrintable(error));
        SyncTestKiosk kiosk(dir(QStringLiteral("kiosk-rating-other")));
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), sim->baseUrl());
        client.start();
        QTRY_COMPARE(client.pendingCount(), 0);
        QVERIFY2(kiosk.store->addRating(id, 5, QString(), &error), qPrintable(error));
        const QByteArray body = kiosk.store->nextOutboxItem()->body;
        const auto other = rawExchange(sim->port(),
                                       RawHttpClient::request("PUT", "/api/v1/cases/" + id.toUtf8() + "/rating",
                                                              {{"Content-Type", "application/json"},
                                                               {"Idempotency-Key", "someone-else"}},
                                                              body));
        QCOMPARE(other.value_or(RawHttpResponse()).status, 201);
        client.kick();
        QTRY_VERIFY(kiosk.store->nextOutboxItem().value_or(OutboxItem()).attempts >= 2);
        QCOMPARE(client.alertCause(), QStringLiteral("conflict"));
        QVERIFY2(client.alert().startsWith(QLatin1String("HTTP 409: rating_exists")), qPrintable(client.alert()));
        QCOMPARE(kiosk.store->pendingCount(), 1);
        QCOMPARE(platformColumn(sim->dbPath(), QStringLiteral("ratings"), QStringLiteral("idempotency_key"), id),
                 QStringLiteral("someone-else"));
        client.setNetworkAvailable(false);
        QCOMPARE(sim->terminate(), 0);
    }

    void newClientOverSameStoreResumes()
    {
        auto sim = newSim(QStringLiteral("resume"));
        QString error;
        QVERIFY2(sim->start(&error), qPrintable(error));
        postHook(sim->port(), "/test/delay-next", R"({"ms": 2000})");
        SyncTestKiosk kiosk(dir(QStringLiteral("kiosk-resume")));
        QVERIFY(kiosk.open(&error));
        const QString a = newId(), b = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(a), {}, &error));
        QVERIFY(kiosk.store->addRating(a, 5, QString(), &error));
        QVERIFY(kiosk.store->submitCase(testSubmission(b), {}, &error));
        {
            SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), sim->baseUrl());
            client.start();
            QCOMPARE(client.state(), QStringLiteral("syncing"));
            // The platform has stored the case; its answer is held back. The kiosk stops now.
            QTRY_COMPARE(platformRowCount(sim->dbPath(), QStringLiteral("cases"), a), 1);
        }
        kiosk.store.reset();
        QVERIFY2(kiosk.open(&error), qPrintable(error));
        QCOMPARE(kiosk.store->pendingCount(), 3);

        SyncClient restarted(*kiosk.store, m_nam, fastSyncSettings(), sim->baseUrl());
        QSignalSpy synced(&restarted, &SyncClient::itemSynced);
        restarted.start();
        QTRY_COMPARE(synced.count(), 3);
        QCOMPARE(synced.at(0), (QVariantList{QStringLiteral("case"), a}));
        QCOMPARE(synced.at(1), (QVariantList{QStringLiteral("rating"), a}));
        QCOMPARE(synced.at(2), (QVariantList{QStringLiteral("case"), b}));
        QCOMPARE(platformRowCount(sim->dbPath(), QStringLiteral("cases")), 2);
        QCOMPARE(platformRowCount(sim->dbPath(), QStringLiteral("ratings"), a), 1);
        QTRY_COMPARE(int(sim->log().count(QStringLiteral("PUT /api/v1/cases/%1 -> 200").arg(a))), 1);
        QCOMPARE(sim->terminate(), 0);
    }

    void restartHonoursPersistedNextAttempt()
    {
        auto sim = newSim(QStringLiteral("persisted"));
        QString error;
        QVERIFY2(sim->start(&error), qPrintable(error));
        const quint16 port = sim->port();
        QCOMPARE(sim->terminate(), 0);
        SyncTestKiosk kiosk(dir(QStringLiteral("kiosk-persisted")));
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        SyncSettings slow = fastSyncSettings();
        slow.initialBackoffMs = 1500;
        slow.maxBackoffMs = 1500;
        {
            SyncClient client(*kiosk.store, m_nam, slow, sim->baseUrl());
            client.start();
            QTRY_VERIFY(attemptsOfHead(*kiosk.store) >= 1);
        }
        const OutboxItem head = kiosk.store->nextOutboxItem().value();
        QVERIFY(head.nextAttemptAt.isValid());
        kiosk.store.reset();
        QVERIFY(kiosk.open(&error));
        QVERIFY2(sim->start(port, &error), qPrintable(error));

        SyncClient restarted(*kiosk.store, m_nam, slow, sim->baseUrl());
        QDateTime syncedAt;
        connect(&restarted, &SyncClient::itemSynced, this, [&] { syncedAt = QDateTime::currentDateTimeUtc(); });
        restarted.start();
        if (head.nextAttemptAt > QDateTime::currentDateTimeUtc().addMSecs(50))
            QCOMPARE(restarted.state(), QStringLiteral("waiting_retry"));
        QTRY_COMPARE(restarted.pendingCount(), 0);
        QVERIFY2(syncedAt >= head.nextAttemptAt, qPrintable(syncedAt.toString(Qt::ISODateWithMs)));
        QTRY_VERIFY(sim->log().contains(QStringLiteral("PUT /api/v1/cases/%1 -> 201").arg(id)));
        QCOMPARE(sim->terminate(), 0);
    }

    void offlineSendsNothingUntilNetworkReturns()
    {
        auto sim = newSim(QStringLiteral("offline"));
        QString error;
        QVERIFY2(sim->start(&error), qPrintable(error));
        SyncTestKiosk kiosk(dir(QStringLiteral("kiosk-offline")));
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), sim->baseUrl());
        client.setNetworkAvailable(false);
        client.start();
        QCOMPARE(client.state(), QStringLiteral("offline"));
        client.kick();
        QTest::qWait(300);
        QCOMPARE(client.state(), QStringLiteral("offline"));
        QVERIFY(!sim->log().contains(QLatin1String("PUT")));
        QCOMPARE(client.pendingCount(), 1);
        client.setNetworkAvailable(true);
        QTRY_COMPARE(client.pendingCount(), 0);
        QCOMPARE(platformRowCount(sim->dbPath(), QStringLiteral("cases"), id), 1);
        QCOMPARE(sim->terminate(), 0);
    }

    void networkReturnSkipsTheBackoff()
    {
        auto sim = newSim(QStringLiteral("back"));
        QString error;
        QVERIFY2(sim->start(&error), qPrintable(error));
        postHook(sim->port(), "/test/fail-next", R"({"count": 1, "status": 503})");
        SyncTestKiosk kiosk(dir(QStringLiteral("kiosk-back")));
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        SyncSettings patient = fastSyncSettings();
        patient.initialBackoffMs = 120000; // a retry delay of up to two minutes
        patient.maxBackoffMs = 120000;
        SyncClient client(*kiosk.store, m_nam, patient, sim->baseUrl());
        client.start();
        QTRY_COMPARE(attemptsOfHead(*kiosk.store), 1);
        QCOMPARE(client.state(), QStringLiteral("waiting_retry"));
        client.setNetworkAvailable(false);
        QCOMPARE(client.state(), QStringLiteral("offline"));
        QElapsedTimer timer;
        timer.start();
        client.setNetworkAvailable(true);
        QTRY_COMPARE_WITH_TIMEOUT(client.pendingCount(), 0, 3000);
        QVERIFY(timer.elapsed() < 3000);
        QCOMPARE(sim->terminate(), 0);
    }

    void goingOfflineAbortsWithoutCountingAFailure()
    {
        auto sim = newSim(QStringLiteral("abort"));
        QString error;
        QVERIFY2(sim->start(&error), qPrintable(error));
        postHook(sim->port(), "/test/delay-next", R"({"ms": 1500})");
        SyncTestKiosk kiosk(dir(QStringLiteral("kiosk-abort")));
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), sim->baseUrl());
        client.start();
        QCOMPARE(client.state(), QStringLiteral("syncing"));
        QTRY_COMPARE(platformRowCount(sim->dbPath(), QStringLiteral("cases"), id), 1);
        client.setNetworkAvailable(false);
        QCOMPARE(client.state(), QStringLiteral("offline"));
        QCOMPARE(attemptsOfHead(*kiosk.store), 0);
        QVERIFY(client.lastError().isEmpty());
        client.setNetworkAvailable(true);
        QTRY_COMPARE(client.pendingCount(), 0);
        QCOMPARE(platformRowCount(sim->dbPath(), QStringLiteral("cases"), id), 1);
        QCOMPARE(sim->terminate(), 0);
    }

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
};

QTEST_GUILESS_MAIN(TestSyncRecovery)
#include "tst_sync_recovery.moc"
