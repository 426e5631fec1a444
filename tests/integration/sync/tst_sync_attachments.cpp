// Attachments uploaded on their own, in chunks with SHA-256, against the real platform-sim (plain HTTP and
// mutual TLS): a multi-chunk upload arrives with the right SHA-256; a restart mid-upload resumes from the
// offset the platform acknowledged (platform-sim's chunk_log shows no chunk sent twice, none from 0 again);
// a chunk damaged on the way is refused and sent again; a file whose SHA-256 differs is refused as a whole;
// another kiosk can neither read nor write a case's attachments; the kiosk's files hold no copy of the image.
#include "CanaryScan.h"
#include "Database.h"
#include "Migrations.h"
#include "OutboxBodies.h"
#include "PlatformSimProcess.h"
#include "RawHttpClient.h"
#include "StrictWarnings.h"
#include "SyncClient.h"
#include "SyncTestKiosk.h"
#include "SyncTransport.h"
#include "TestPki.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

constexpr int kChunk = 4096; // platform-sim --max-chunk-bytes: small, so test images take many chunks

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// An "image" no other test uses: a marker, then a pattern.
QByteArray imageBytes(int size, const QByteArray &marker)
{
    QByteArray bytes = "IMGCANARY-" + marker + '-';
    while (bytes.size() < size)
        bytes.append(char((bytes.size() * 7919 + bytes.size() / 251) & 0xff));
    return bytes.left(size);
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// chunk_log rows of one attachment matching `where` (SQL over offset, length, outcome).
int chunks(const PlatformSimProcess &sim, const QString &caseId, int sequence,
           const QString &where = QStringLiteral("1"))
{
    return platformRowCount(
        sim.dbPath(),
        QStringLiteral("(SELECT * FROM chunk_log WHERE sequence = %1 AND (%2))").arg(sequence).arg(where),
        caseId);
}

struct Answer
{
    int status = 0;
    QJsonObject body;
};

// One request with QNetworkAccessManager (HTTPS with `settings`' certificates), waited for.
Answer exchange(QNetworkAccessManager &nam, const SyncSettings &settings, const QByteArray &verb,
                const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    QNetworkRequest request(url);
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls;
        QString error;
        if (!SyncTransport::tlsConfiguration(settings, &tls, &error))
            qFatal("%s", qPrintable(error));
        request.setSslConfiguration(tls);
    }
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

} // namespace

class TestSyncAttachments : public QObject
{
    Q_OBJECT

private:
    QString kioskDir() { return m_dir.filePath(QStringLiteral("kiosk-%1").arg(++m_kiosks)); }
    void postHook(const QByteArray &path, const QByteArray &body)
    {
        const auto r = rawExchange(m_sim->port(), RawHttpClient::request("POST", path, {}, body));
        QCOMPARE(r.value_or(RawHttpResponse()).status, 200);
    }
    QByteArray storedBytes(const PlatformSimProcess &sim, const QString &caseId, int sequence)
    {
        const QString hex = platformColumn(
            sim.dbPath(), QStringLiteral("(SELECT * FROM attachments WHERE sequence = %1)").arg(sequence),
            QStringLiteral("hex(data)"), caseId);
        return QByteArray::fromHex(hex.toLatin1());
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        m_nam.setProxy(QNetworkProxy::NoProxy);
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("platform.sqlite")),
                                                     QStringList{QStringLiteral("--test-hooks"),
                                                                 QStringLiteral("--max-chunk-bytes"),
                                                                 QString::number(kChunk)});
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { QCOMPARE(m_sim->terminate(), 0); }

    // Two attachments of several chunks each and an empty one: every byte arrives once, with its SHA-256;
    // the kiosk takes the platform's chunk limit (its own is 256 KiB); the case body carries no bytes.
    void multiChunkUploadArrivesWithItsSha256()
    {
        const QString id = newId();
        const QByteArray page = imageBytes(5 * kChunk + 123, "page"), photo = imageBytes(2 * kChunk, "photo");
        const QVector<StoredAttachment> attachments{
            {QStringLiteral("page-1.jpg"), QStringLiteral("image/jpeg"), page, QStringLiteral("page")},
            {QStringLiteral("photo.jpg"), QStringLiteral("image/jpeg"), photo, QStringLiteral("photo")},
            {QStringLiteral("empty.pdf"), QStringLiteral("application/pdf"), QByteArray(),
             QStringLiteral("pdf")}};
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY(kiosk.open(&error));
        QVERIFY2(kiosk.store->submitCase(testSubmission(id), attachments, &error), qPrintable(error));
        QCOMPARE(kiosk.store->pendingCount(), 4);
        QVERIFY2(kiosk.store->addRating(id, 5, QString(), &error), qPrintable(error));

        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        QSignalSpy rejected(&client, &SyncClient::itemRejected);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.pendingCount(), 0, 30000);
        QCOMPARE(rejected.count(), 0);

        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("attachments"), id), 3);
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("ratings"), id), 1);
        QCOMPARE(sha256(storedBytes(*m_sim, id, 1)), sha256(page));
        QCOMPARE(sha256(storedBytes(*m_sim, id, 2)), sha256(photo));
        QCOMPARE(storedBytes(*m_sim, id, 3), QByteArray());
        QCOMPARE(platformColumn(m_sim->dbPath(),
                                QStringLiteral("(SELECT * FROM attachments WHERE sequence = 1)"),
                                QStringLiteral("sha256"), id),
                 sha256(page));
        // Six chunks for the page (the last one short), two for the photo, none for the empty file; each
        // once.
        QCOMPARE(chunks(*m_sim, id, 1), 6);
        QCOMPARE(chunks(*m_sim, id, 1, QStringLiteral("outcome = 'accepted' AND length <= %1").arg(kChunk)),
                 6);
        QCOMPARE(chunks(*m_sim, id, 2), 2);
        QCOMPARE(chunks(*m_sim, id, 3), 0);
        // The case's body at the platform has no attachment in it.
        const QJsonObject body =
            QJsonDocument::fromJson(
                platformColumn(m_sim->dbPath(), QStringLiteral("cases"), QStringLiteral("body"), id).toUtf8())
                .object();
        QCOMPARE(body.value(QStringLiteral("attachments")).toArray().size(), 0);
        // The platform lists them.
        const auto status =
            rawExchange(m_sim->port(), RawHttpClient::request("GET", "/api/v1/cases/" + id.toUtf8()));
        QCOMPARE(QJsonDocument::fromJson(status->body)
                     .object()
                     .value(QStringLiteral("attachments"))
                     .toArray()
                     .size(),
                 3);
        const auto one = rawExchange(
            m_sim->port(), RawHttpClient::request("GET", "/api/v1/cases/" + id.toUtf8() + "/attachments/1"));
        const QJsonObject state = QJsonDocument::fromJson(one->body).object();
        QCOMPARE(state.value(QStringLiteral("status")).toString(), QStringLiteral("received"));
        QCOMPARE(state.value(QStringLiteral("offset")).toInteger(), page.size());

        // Nothing of the images, raw or base64, in the kiosk's files (outbox bodies and answers included).
        QList<QByteArray> needles{page.left(48), page.mid(3 * kChunk, 48), photo.mid(100, 48)};
        needles += base64Forms(page.left(96));
        needles += base64Forms(page.mid(3 * kChunk, 96));
        needles += base64Forms(photo.mid(100, 96));
        const QStringList found = findInFiles(kiosk.dataDir, needles);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    // The platform starts failing after three chunks; the kiosk "restarts" (client and store closed, the
    // store reopened) with the acknowledged offset in its store and goes on from there: platform-sim saw
    // each chunk once, the one at offset 0 once.
    void restartResumesFromTheAcknowledgedOffset()
    {
        const QString id = newId();
        const QByteArray page = imageBytes(8 * kChunk + 10, "resume");
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY(kiosk.open(&error));
        QVERIFY2(kiosk.store->submitCase(testSubmission(id),
                                         {{QStringLiteral("page-1.jpg"), QStringLiteral("image/jpeg"), page,
                                           QStringLiteral("page")}},
                                         &error),
                 qPrintable(error));
        SyncSettings settings = fastSyncSettings();
        settings.attachmentChunkBytes = kChunk;
        // The case, the declaration and three chunks pass; then every PUT fails until the hook is cleared.
        postHook("/test/fail-next", R"({"count": 1000, "status": 503, "after": 5})");
        {
            SyncClient client(*kiosk.store, m_nam, settings, m_sim->baseUrl());
            client.start();
            QTRY_VERIFY(kiosk.store->nextOutboxItem().value_or(OutboxItem()).attempts >= 2);
            QCOMPARE(client.alertCause(), QStringLiteral("server"));
        } // the client goes: a kill as far as the platform can tell
        QCOMPARE(kiosk.store->nextOutboxItem()->uploadOffset, 3 * kChunk);
        kiosk.store.reset();
        postHook("/test/fail-next", R"({"count": 0})");
        QCOMPARE(chunks(*m_sim, id, 1), 3);

        QVERIFY(kiosk.open(&error));
        const std::optional<OutboxItem> resumed = kiosk.store->nextOutboxItem();
        QVERIFY(resumed);
        QCOMPARE(resumed->kind, QStringLiteral("attachment"));
        QCOMPARE(resumed->uploadOffset, 3 * kChunk);
        SyncClient again(*kiosk.store, m_nam, settings, m_sim->baseUrl());
        again.start();
        QTRY_COMPARE_WITH_TIMEOUT(again.pendingCount(), 0, 30000);

        QCOMPARE(sha256(storedBytes(*m_sim, id, 1)), sha256(page));
        QCOMPARE(chunks(*m_sim, id, 1), 9);                               // 8 full chunks and 10 bytes
        QCOMPARE(chunks(*m_sim, id, 1, QStringLiteral("offset = 0")), 1); // never again from 0
        QCOMPARE(chunks(*m_sim, id, 1, QStringLiteral("outcome <> 'accepted'")), 0); // nothing twice
        QCOMPARE(platformRowCount(
                     m_sim->dbPath(),
                     QStringLiteral("(SELECT DISTINCT case_id, offset FROM chunk_log WHERE sequence = 1)"),
                     id),
                 9);
    }

    // A chunk damaged on the way (platform-sim flips a byte before checking Content-Digest) is refused with
    // the platform's offset and sent again; the file arrives intact. Never parked.
    void damagedChunkIsRefusedAndSentAgain()
    {
        const QString id = newId();
        const QByteArray page = imageBytes(3 * kChunk, "damaged");
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY(kiosk.open(&error));
        QVERIFY2(kiosk.store->submitCase(testSubmission(id),
                                         {{QStringLiteral("page-1.jpg"), QStringLiteral("image/jpeg"), page,
                                           QStringLiteral("page")}},
                                         &error),
                 qPrintable(error));
        postHook("/test/corrupt-next-chunk", R"({"count": 1})");
        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        QSignalSpy rejected(&client, &SyncClient::itemRejected);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.pendingCount(), 0, 30000);
        QCOMPARE(rejected.count(), 0);
        QCOMPARE(chunks(*m_sim, id, 1, QStringLiteral("outcome = 'chunk_digest_mismatch' AND offset = 0")),
                 1);
        QCOMPARE(chunks(*m_sim, id, 1, QStringLiteral("outcome = 'accepted'")), 3);
        QCOMPARE(sha256(storedBytes(*m_sim, id, 1)), sha256(page));
    }

    // The platform checks the SHA-256 of the whole file: a file that does not match its declaration is
    // dropped (offset 0 again) and never stored. Raw requests, as a broken client would send them.
    void wrongFileDigestIsRefusedAsAWhole()
    {
        const QString id = newId();
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        QVERIFY(kiosk.open(&error));
        QVERIFY(kiosk.store->submitCase(testSubmission(id), {}, &error));
        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        client.start();
        QTRY_COMPARE(client.pendingCount(), 0);

        const QByteArray bytes = imageBytes(100, "digest");
        const QByteArray declaration =
            QJsonDocument(QJsonObject{{QStringLiteral("case_id"), id},
                                      {QStringLiteral("sequence"), 1},
                                      {QStringLiteral("kind"), QStringLiteral("page")},
                                      {QStringLiteral("name"), QStringLiteral("p.jpg")},
                                      {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")},
                                      {QStringLiteral("size"), 100},
                                      {QStringLiteral("sha256"), sha256("something else")}})
                .toJson(QJsonDocument::Compact);
        const QByteArray path = "/api/v1/cases/" + id.toUtf8() + "/attachments/1";
        auto r = rawExchange(m_sim->port(), RawHttpClient::request("PUT", path,
                                                                   {{"Content-Type", "application/json"},
                                                                    {"Idempotency-Key", id.toUtf8()}},
                                                                   declaration));
        QCOMPARE(r->status, 201);
        r = rawExchange(
            m_sim->port(),
            RawHttpClient::request(
                "PUT", path + "/content",
                {{"Content-Type", "application/octet-stream"},
                 {"Content-Range", "bytes 0-99/100"},
                 {"Content-Digest",
                  "sha-256=:" + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toBase64() +
                      ':'}},
                bytes));
        QCOMPARE(r->status, 409);
        const QJsonObject refused = QJsonDocument::fromJson(r->body).object();
        QCOMPARE(refused.value(QStringLiteral("error")).toString(), QStringLiteral("digest_mismatch"));
        QCOMPARE(refused.value(QStringLiteral("offset")).toInt(-1), 0);
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("attachments"), id), 0);
        // A chunk at the wrong offset is told where the platform is.
        r = rawExchange(
            m_sim->port(),
            RawHttpClient::request(
                "PUT", path + "/content",
                {{"Content-Type", "application/octet-stream"},
                 {"Content-Range", "bytes 50-99/100"},
                 {"Content-Digest",
                  "sha-256=:" +
                      QCryptographicHash::hash(bytes.mid(50), QCryptographicHash::Sha256).toBase64() + ':'}},
                bytes.mid(50)));
        QCOMPARE(r->status, 409);
        QCOMPARE(QJsonDocument::fromJson(r->body).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("offset_mismatch"));
        // The same declaration again is a replay; a different one a conflict (parked by a kiosk).
        r = rawExchange(m_sim->port(), RawHttpClient::request("PUT", path,
                                                              {{"Content-Type", "application/json"},
                                                               {"Idempotency-Key", id.toUtf8()}},
                                                              declaration));
        QCOMPARE(r->status, 200);
        QByteArray other = declaration;
        other.replace("p.jpg", "q.jpg");
        r = rawExchange(m_sim->port(),
                        RawHttpClient::request(
                            "PUT", path,
                            {{"Content-Type", "application/json"}, {"Idempotency-Key", id.toUtf8()}}, other));
        QCOMPARE(r->status, 422);
        // Attachments of a case the platform does not have: 404.
        r = rawExchange(m_sim->port(),
                        RawHttpClient::request(
                            "PUT", "/api/v1/cases/" + newId().toUtf8() + "/attachments/1",
                            {{"Content-Type", "application/json"}, {"Idempotency-Key", "x"}}, declaration));
        QVERIFY(r->status == 400 || r->status == 404);
    }

    // Compatibility: a case still pending in a store of schema version 3 (its body with the attachment in
    // base64) goes inline after the upgrade, as it was built, and the platform stores the attachment with it.
    void pendingVersion3CaseStillGoesInline()
    {
        const QString id = newId();
        const QByteArray page = imageBytes(3 * kChunk, "v3");
        const QVector<StoredAttachment> pages{
            {QStringLiteral("page-1.jpg"), QStringLiteral("image/jpeg"), page, QStringLiteral("page")}};
        const QByteArray fullBody = caseOutboxBody(testSubmission(id), pages);
        SyncTestKiosk kiosk(kioskDir());
        QString error;
        {
            std::unique_ptr<Database> db =
                Database::open(kiosk.dataDir + QStringLiteral("/cases.sqlite"), &error);
            QVERIFY2(db && migrateDatabase(*db, 3, &error), qPrintable(error));
            std::optional<Statement> insert = db->prepare(
                "INSERT INTO cases (id, case_number, service_id, center_id, submitted_at, language, "
                "form_json, "
                "created_at) VALUES (?1, ?2, 'residence-permit', 'SH-XH-LHJD', '2026-11-27T08:30:00.000Z', "
                "'zh_CN', '{}', '2026-11-27T08:30:00.100Z')",
                "case", &error);
            QVERIFY2(insert && insert->bind(1, id).bind(2, testCaseNumber(id)).run(&error),
                     qPrintable(error));
            std::optional<Statement> row = db->prepare(
                "INSERT INTO attachments (case_id, sequence, kind, name, mime_type, data, sha256) "
                "VALUES (?1, 1, 'page', 'page-1.jpg', 'image/jpeg', ?2, ?3)",
                "attachment", &error);
            QVERIFY2(row && row->bind(1, id).bindBlob(2, page).bind(3, sha256(page)).run(&error),
                     qPrintable(error));
            std::optional<Statement> outbox =
                db->prepare("INSERT INTO outbox (kind, ref_id, body, created_at) VALUES ('case', ?1, ?2, "
                            "'2026-11-27T08:30:00.100Z')",
                            "outbox", &error);
            QVERIFY2(outbox && outbox->bind(1, id).bindBlob(2, fullBody).run(&error), qPrintable(error));
        }
        QVERIFY2(kiosk.open(&error), qPrintable(error)); // migrated to the current version
        QCOMPARE(kiosk.store->pendingCount(), 1);        // no attachment item: the page goes inline
        SyncClient client(*kiosk.store, m_nam, fastSyncSettings(), m_sim->baseUrl());
        client.start();
        QTRY_COMPARE(client.pendingCount(), 0);
        QCOMPARE(sha256(storedBytes(*m_sim, id, 1)), sha256(page));
        QCOMPARE(chunks(*m_sim, id, 1), 0);
        const QJsonObject body =
            QJsonDocument::fromJson(
                platformColumn(m_sim->dbPath(), QStringLiteral("cases"), QStringLiteral("body"), id).toUtf8())
                .object();
        QCOMPARE(body.value(QStringLiteral("attachments")).toArray().size(), 1);
    }

    // Over mutual TLS: the owner's multi-chunk upload arrives; another kiosk (another client certificate)
    // can neither see the upload's state, declare it, nor send a chunk; no certificate is 401.
    void anotherKioskCannotWriteTheAttachments()
    {
        QTemporaryDir pkiDir;
        TestPki pki(pkiDir.path());
        QString error;
        QVERIFY2(pki.create(&error), qPrintable(error));
        for (const char *kiosk : {"SH-XH-LHJD-K01", "SH-XH-LHJD-K02"})
            QVERIFY2(pki.issueClient(QLatin1String(kiosk), &error), qPrintable(error));
        PlatformSimProcess sim(pkiDir.filePath(QStringLiteral("platform.sqlite")),
                               QStringList{QStringLiteral("--test-hooks"),
                                           QStringLiteral("--max-chunk-bytes"), QString::number(kChunk)} +
                                   pki.platformArguments());
        QVERIFY2(sim.start(&error), qPrintable(error));
        const auto settingsFor = [&pki](const QString &identity) {
            SyncSettings s = fastSyncSettings();
            s.allowInsecureHttp = false;
            s.platformCaFile = pki.caFile();
            if (!identity.isEmpty()) {
                s.clientCertificateFile = pki.certificateFile(identity);
                s.clientKeyFile = pki.keyFile(identity);
            }
            return s;
        };

        const QString id = newId();
        const QByteArray page = imageBytes(4 * kChunk + 1, "mtls");
        SyncTestKiosk owner(kioskDir());
        QVERIFY(owner.open(&error));
        QVERIFY2(owner.store->submitCase(testSubmission(id),
                                         {{QStringLiteral("page-1.jpg"), QStringLiteral("image/jpeg"), page,
                                           QStringLiteral("page")}},
                                         &error),
                 qPrintable(error));
        QNetworkAccessManager ownerNam, otherNam, anonymousNam;
        for (QNetworkAccessManager *nam : {&ownerNam, &otherNam, &anonymousNam})
            nam->setProxy(QNetworkProxy::NoProxy);
        {
            SyncClient client(*owner.store, ownerNam, settingsFor(QStringLiteral("SH-XH-LHJD-K01")),
                              sim.baseUrl());
            client.start();
            QTRY_COMPARE_WITH_TIMEOUT(client.pendingCount(), 0, 30000);
        }
        QCOMPARE(sha256(storedBytes(sim, id, 1)), sha256(page));
        QCOMPARE(chunks(sim, id, 1), 5);

        const QUrl state = AttachmentUpload::url(sim.baseUrl(), id, 2, false);
        const QUrl content = AttachmentUpload::url(sim.baseUrl(), id, 1, true);
        const QByteArray declaration =
            attachmentOutboxBody(id, 2,
                                 {QStringLiteral("x.jpg"), QStringLiteral("image/jpeg"), QByteArray("xyz"),
                                  QStringLiteral("page")});
        const SyncSettings other = settingsFor(QStringLiteral("SH-XH-LHJD-K02"));
        Answer a =
            exchange(otherNam, other, "PUT", state,
                     {{"Content-Type", "application/json"}, {"Idempotency-Key", id.toUtf8()}}, declaration);
        QCOMPARE(a.status, 403);
        QCOMPARE(a.body.value(QStringLiteral("error")).toString(), QStringLiteral("not_owner"));
        a = exchange(otherNam, other, "PUT", content,
                     {{"Content-Type", "application/octet-stream"},
                      {"Content-Range", "bytes 0-2/" + QByteArray::number(page.size())},
                      {"Content-Digest", AttachmentUpload::contentDigest("abc")}},
                     "abc");
        QCOMPARE(a.status, 403);
        QCOMPARE(a.body.value(QStringLiteral("error")).toString(), QStringLiteral("not_owner"));
        a = exchange(otherNam, other, "GET", AttachmentUpload::url(sim.baseUrl(), id, 1, false), {}, {});
        QCOMPARE(a.status, 403);
        a = exchange(anonymousNam, settingsFor(QString()), "GET",
                     AttachmentUpload::url(sim.baseUrl(), id, 1, false), {}, {});
        QCOMPARE(a.status, 401);
        // The owner may look, and the platform still has exactly the owner's file.
        a = exchange(ownerNam, settingsFor(QStringLiteral("SH-XH-LHJD-K01")), "GET",
                     AttachmentUpload::url(sim.baseUrl(), id, 1, false), {}, {});
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body.value(QStringLiteral("status")).toString(), QStringLiteral("received"));
        QCOMPARE(platformRowCount(sim.dbPath(), QStringLiteral("attachments"), id), 1);
        QCOMPARE(platformRowCount(sim.dbPath(), QStringLiteral("attachment_uploads"), id), 1);
        QCOMPARE(sha256(storedBytes(sim, id, 1)), sha256(page));
        QCOMPARE(sim.terminate(), 0);
    }

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<PlatformSimProcess> m_sim;
    int m_kiosks = 0;
};

QTEST_MAIN(TestSyncAttachments)
#include "tst_sync_attachments.moc"
