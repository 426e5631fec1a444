// SyncClient against the real platform-sim: order, idempotent duplicates, conflicts, rejections,
// retried server errors and garbage answers. (Outages, timeouts and restarts: tst_sync_recovery.)
#include "GarbageHttpServer.h"
#include "PlatformSimProcess.h"
#include "RawHttpClient.h"
#include "StrictWarnings.h"
#include "SyncClient.h"
#include "SyncTestKiosk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

QStringList g_syncLog;
QtMessageHandler g_previousHandler = nullptr;

void captureSyncLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArrayView(context.category) == "onestop.sync")
        g_syncLog.append(message);
    g_previousHandler(type, context, message);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void expectRejectionWarnings()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^rejected seq \\d+ ")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^outbox item rejected by the platform")));
}

} // namespace

class TestSyncUpload : public QObject
{
    Q_OBJECT

private:
    QString kioskDir() { return m_dir.filePath(QStringLiteral("kiosk-%1").arg(++m_kiosks)); }
    int platformCases(const QString &id = QString())
    {
        return platformRowCount(m_sim->dbPath(), QStringLiteral("cases"), id);
    }
    int logCount(const QString &needle) { return int(m_sim->log().count(needle)); }
    void postHook(const QByteArray &path, const QByteArray &body)
    {
        const auto r = rawExchange(m_sim->port(), RawHttpClient::request("POST", path, {}, body));
        QCOMPARE(r.value_or(RawHttpResponse()).status, 200);
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

    void uploadsCasesAndRatingsInOrder()
    {
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY2(kiosk.open(&error), qPrintable(error));
        const QString a = newId(), b = newId(), c = newId();
        QVERIFY2(kiosk.store->submitCase(testSubmission(a), {{QStringLiteral("photo.jpg"), QStringLiteral("image/jpeg"), "jpeg", QStringLiteral("photo")}}, &error), qPrintable(error));
        QVERIFY2(kiosk.store->addRating(a, 5, QStringLiteral("很好"), &error), qPrintable(error));
        QVERIFY2(kiosk.store->submitCase(testSubmission(b), {}, &error), qPrintable(error));

        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        QCOMPARE(client.pendingCount(), 4); // a, its photo (an item of its own), its rating, b
        QCOMPARE(client.state(), QStringLiteral("idle"));
        QSignalSpy synced(&client, &SyncClient::itemSynced);
        QSignalSpy pending(&client, &SyncClient::pendingCountChanged);

        g_syncLog.clear();
        g_previousHandler = qInstallMessageHandler(captureSyncLog);
        client.start();
        QTRY_COMPARE(synced.count(), 4);
        qInstallMessageHandler(g_previousHandler);

        QCOMPARE(synced.at(0), (QVariantList{QStringLiteral("case"), a}));
        QCOMPARE(synced.at(1), (QVariantList{QStringLiteral("attachment"), a}));
        QCOMPARE(synced.at(2), (QVariantList{QStringLiteral("rating"), a}));
        QCOMPARE(synced.at(3), (QVariantList{QStringLiteral("case"), b}));
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("attachments"), a), 1);
        QCOMPARE(client.pendingCount(), 0);
        QVERIFY(pending.count() >= 1);
        QTRY_COMPARE(client.state(), QStringLiteral("idle"));
        QVERIFY(client.lastError().isEmpty());
        QCOMPARE(kiosk.store->caseSyncState(a), SyncState::Synced);
        QCOMPARE(platformCases(a), 1);
        QCOMPARE(platformCases(b), 1);
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("ratings"), a), 1);

        // The log names ids, never personal data or body content.
        const QString log = g_syncLog.join(QLatin1Char('\n'));
        QVERIFY2(log.contains(a) && log.contains(QLatin1String("rating")), qPrintable(log));
        for (const QString &secret : {QStringLiteral("张三"), QStringLiteral("13800000000"), QStringLiteral("很好"),
                                      testCaseNumber(a), QStringLiteral("platform_ref")})
            QVERIFY2(!log.contains(secret), qPrintable(secret));

        // Something new in the outbox goes out on kick().
        QVERIFY2(kiosk.store->submitCase(testSubmission(c), {}, &error), qPrintable(error));
        client.kick();
        QTRY_COMPARE(synced.count(), 5);
        QCOMPARE(synced.at(4), (QVariantList{QStringLiteral("case"), c}));
        QCOMPARE(platformCases(c), 1);
    }

    void duplicateSubmissionIsAnsweredIdempotently()
    {
        // The same case held by two kiosk stores (e.g. a restored backup) reaches the platform twice.
        const QString id = newId();
        SyncTestKiosk first(kioskDir()), second(kioskDir());
        QString error;
        QVERIFY(first.open(&error) && second.open(&error));
        QVERIFY(first.store->submitCase(testSubmission(id), {}, &error));
        QVERIFY(second.store->submitCase(testSubmission(id), {}, &error));
        const QByteArray storedBody = second.store->nextOutboxItem()->body;

        SyncClient one(*first.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        one.start();
        QTRY_COMPARE(one.pendingCount(), 0);
        SyncClient two(*second.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        two.start();
        QTRY_COMPARE(two.pendingCount(), 0);
        QCOMPARE(second.store->caseSyncState(id), SyncState::Synced);

        QTRY_COMPARE(logCount(QStringLiteral("PUT /api/v1/cases/%1 -> 201").arg(id)), 1);
        QTRY_COMPARE(logCount(QStringLiteral("PUT /api/v1/cases/%1 -> 200").arg(id)), 1);
        QCOMPARE(platformCases(id), 1);

        // The kiosk's exact bytes, PUT again by hand: the same receipt as the platform's record.
        const auto again = rawExchange(m_sim->port(), RawHttpClient::request("PUT", "/api/v1/cases/" + id.toUtf8(),
                {{"Content-Type", "application/json"}, {"Idempotency-Key", id.toUtf8()}}, storedBody));
        QCOMPARE(again.value_or(RawHttpResponse()).status, 200);
        const auto status = rawExchange(m_sim->port(), RawHttpClient::request("GET", "/api/v1/cases/" + id.toUtf8()));
        const QString ref = QJsonDocument::fromJson(status->body).object().value(QStringLiteral("platform_ref")).toString();
        QVERIFY(!ref.isEmpty());
        QCOMPARE(QJsonDocument::fromJson(again->body).object().value(QStringLiteral("platform_ref")).toString(), ref);
        QCOMPARE(platformCases(id), 1);
    }

    // Pages and a photo go with their case: the platform stores exactly the kiosk's bytes, once, even when
    // the same case (with its attachments) arrives a second time.
    void attachmentsReachThePlatformExactlyOnce()
    {
        const QString id = newId();
        QByteArray page1(300 * 1024, Qt::Uninitialized), photo(40 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < page1.size(); ++i)
            page1[i] = char((i * 7919 + i / 251) & 0xff);
        for (qsizetype i = 0; i < photo.size(); ++i)
            photo[i] = char((i * 31 + 5) & 0xff);
        const QVector<StoredAttachment> attachments{
            {QStringLiteral("page-1.jpg"), QStringLiteral("image/jpeg"), page1, QStringLiteral("page")},
            {QStringLiteral("document.pdf"), QStringLiteral("application/pdf"), QByteArray("%PDF-1.4\n%%EOF\n"), QStringLiteral("pdf")},
            {QStringLiteral("photo.jpg"), QStringLiteral("image/jpeg"), photo, QStringLiteral("photo")}};
        SyncTestKiosk first(kioskDir()), second(kioskDir());
        QString error;
        QVERIFY(first.open(&error) && second.open(&error));
        QVERIFY2(first.store->submitCase(testSubmission(id), attachments, &error), qPrintable(error));
        QVERIFY2(second.store->submitCase(testSubmission(id), attachments, &error), qPrintable(error));

        SyncClient one(*first.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        one.start();
        QTRY_COMPARE(one.pendingCount(), 0);
        QCOMPARE(first.store->caseSyncState(id), SyncState::Synced);
        SyncClient two(*second.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        two.start();
        QTRY_COMPARE(two.pendingCount(), 0);
        QCOMPARE(second.store->caseSyncState(id), SyncState::Synced);
        QTRY_COMPARE(logCount(QStringLiteral("PUT /api/v1/cases/%1 -> 201").arg(id)), 1);
        QTRY_COMPARE(logCount(QStringLiteral("PUT /api/v1/cases/%1 -> 200").arg(id)), 1);

        QCOMPARE(platformCases(id), 1);
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("attachments"), id), 3);
        const QString stored = platformColumn(m_sim->dbPath(), QStringLiteral("(SELECT * FROM attachments ORDER BY sequence)"),
                                              QStringLiteral("group_concat(kind || ':' || hex(data), '|')"), id);
        QStringList expected;
        for (const StoredAttachment &a : attachments)
            expected << a.kind + QLatin1Char(':') + QString::fromLatin1(a.data.toHex().toUpper());
        QVERIFY2(stored == expected.join(QLatin1Char('|')), "the platform's bytes differ from the kiosk's");

        // The platform's status lists them (no bytes), and nothing changed at the kiosk after sync.
        const auto status = rawExchange(m_sim->port(), RawHttpClient::request("GET", "/api/v1/cases/" + id.toUtf8()));
        const QJsonArray listed = QJsonDocument::fromJson(status->body).object().value(QStringLiteral("attachments")).toArray();
        QCOMPARE(listed.size(), 3);
        QCOMPARE(listed.at(2).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("photo"));
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("size")).toInt(), int(page1.size()));
        const QVector<AttachmentRecord> kept = first.store->attachments(id);
        QCOMPARE(kept.size(), 3);
        QCOMPARE(kept.at(0).data, page1);
    }

    void conflictingBodyIsRejectedAndQueueGoesOn()
    {
        const QString id = newId(), next = newId();
        SyncTestKiosk honest(kioskDir()), other(kioskDir());
        QString error;
        QVERIFY(honest.open(&error) && other.open(&error));
        QVERIFY(honest.store->submitCase(testSubmission(id), {}, &error));
        SyncClient first(*honest.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        first.start();
        QTRY_COMPARE(first.pendingCount(), 0);
        const QString sha = platformColumn(m_sim->dbPath(), QStringLiteral("cases"), QStringLiteral("body_sha256"), id);

        QVERIFY(other.store->submitCase(testSubmission(id, QStringLiteral(" (edited)")), {}, &error));
        QVERIFY(other.store->submitCase(testSubmission(next), {}, &error));
        SyncClient second(*other.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        QSignalSpy rejected(&second, &SyncClient::itemRejected);
        QSignalSpy synced(&second, &SyncClient::itemSynced);
        expectRejectionWarnings();
        second.start();
        QTRY_COMPARE(synced.count(), 1);
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(rejected.at(0).at(0).toString(), QStringLiteral("case"));
        QCOMPARE(rejected.at(0).at(1).toString(), id);
        const QString reason = rejected.at(0).at(2).toString();
        QVERIFY2(reason.startsWith(QLatin1String("HTTP 422: conflict")), qPrintable(reason));
        QCOMPARE(synced.at(0), (QVariantList{QStringLiteral("case"), next}));
        QCOMPARE(other.store->caseSyncState(id), SyncState::Rejected);
        QCOMPARE(second.pendingCount(), 0);

        QCOMPARE(platformCases(id), 1);
        QCOMPARE(platformColumn(m_sim->dbPath(), QStringLiteral("cases"), QStringLiteral("body_sha256"), id), sha);
        QCOMPARE(platformCases(next), 1);
    }

    void serverErrorsAreRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("503") << 503;
        QTest::newRow("500") << 500;
        QTest::newRow("429") << 429;
        QTest::newRow("408") << 408;
    }

    void serverErrorsAreRetried()
    {
        QFETCH(int, status);
        postHook("/test/fail-next", QByteArrayLiteral("{\"count\": 2, \"status\": ") + QByteArray::number(status) + '}');
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        QSignalSpy errors(&client, &SyncClient::lastErrorChanged);
        QStringList seenStates;
        connect(&client, &SyncClient::stateChanged, this, [&] { seenStates << client.state(); });
        client.start();
        QTRY_COMPARE(client.pendingCount(), 0);
        QCOMPARE(kiosk.store->caseSyncState(id), SyncState::Synced);
        QTRY_COMPARE(logCount(QStringLiteral("PUT /api/v1/cases/%1 -> %2").arg(id).arg(status)), 2);
        QCOMPARE(logCount(QStringLiteral("PUT /api/v1/cases/%1 -> 201").arg(id)), 1);
        QVERIFY2(seenStates.contains(QStringLiteral("waiting_retry")), qPrintable(seenStates.join(u',')));
        QVERIFY(errors.count() >= 2); // set by the failures, cleared by the success
        QVERIFY(client.lastError().isEmpty());
        QCOMPARE(platformCases(id), 1);
    }

    void clientErrorIsRejectedAndNextItemSent()
    {
        postHook("/test/fail-next", R"({"count": 1, "status": 400})");
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY(kiosk.open(&error));
        const QString refused = newId(), next = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(refused), {}, &error));
        QVERIFY(kiosk.store->submitCase(testSubmission(next), {}, &error));
        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        QSignalSpy rejected(&client, &SyncClient::itemRejected);
        QStringList errors;
        connect(&client, &SyncClient::lastErrorChanged, this, [&] { errors << client.lastError(); });
        expectRejectionWarnings();
        client.start();
        QTRY_COMPARE(client.pendingCount(), 0);
        QCOMPARE(rejected.count(), 1);
        QVERIFY(rejected.at(0).at(2).toString().startsWith(QLatin1String("HTTP 400: injected")));
        QCOMPARE(errors, (QStringList{rejected.at(0).at(2).toString(), QString()})); // cleared by the next success
        QCOMPARE(kiosk.store->caseSyncState(refused), SyncState::Rejected);
        QCOMPARE(kiosk.store->caseSyncState(next), SyncState::Synced);
        QCOMPARE(platformCases(refused), 0);
        QCOMPARE(platformCases(next), 1);
    }

    void garbageAnswerIsRetriedNotSynced_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("200 text") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 8\r\nConnection: close\r\n\r\nnot json")
                                  << "not a platform receipt";
        QTest::newRow("201 other case") << QByteArray("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 17\r\nConnection: close\r\n\r\n{\"case_id\":\"zz\"}\n")
                                        << "not a platform receipt";
        QTest::newRow("not http") << QByteArray("hello, this is not HTTP\r\n\r\n") << "network:";
    }

    void garbageAnswerIsRetriedNotSynced()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, reasonPart);
        GarbageHttpServer garbage(answer);
        QVERIFY(garbage.listen());
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY(kiosk.open(&error));
        const QString id = newId();
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        {
            SyncClient client(*kiosk.store, m_nam, fastSyncSettings(),
                              QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(garbage.port())));
            QSignalSpy synced(&client, &SyncClient::itemSynced);
            client.start();
            QTRY_VERIFY(garbage.requestCount() >= 3);
            QTRY_VERIFY(kiosk.store->nextOutboxItem().value_or(OutboxItem()).attempts >= 3);
            QCOMPARE(synced.count(), 0);
            QCOMPARE(client.pendingCount(), 1);
            QVERIFY2(client.lastError().contains(reasonPart), qPrintable(client.lastError()));
            QCOMPARE(kiosk.store->caseSyncState(id), SyncState::Pending);
            const QByteArray head = garbage.lastRequestHead();
            QVERIFY2(head.startsWith("PUT /api/v1/cases/" + id.toUtf8() + " HTTP/1.1"), head.constData());
            QVERIFY2(head.contains("Idempotency-Key: " + id.toUtf8()), head.constData());
            QVERIFY2(head.toLower().contains("content-type: application/json"), head.constData());
        }
        // The same store, a new client pointed at the real platform: delivered once.
        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        client.start();
        QTRY_COMPARE(client.pendingCount(), 0);
        QCOMPARE(kiosk.store->caseSyncState(id), SyncState::Synced);
        QCOMPARE(platformCases(id), 1);
    }

private:
    QTemporaryDir m_dir;
    int m_kiosks = 0;
    std::unique_ptr<PlatformSimProcess> m_sim;
    QNetworkAccessManager m_nam;
};

QTEST_GUILESS_MAIN(TestSyncUpload)
#include "tst_sync_upload.moc"
