// The platform API as platform-sim implements it (docs/platform-api.md): validation, idempotent PUTs
// (same body -> the same answer, different body -> 422, never stored twice), ratings, GET, test hooks,
// persistence across restarts, and start-up errors.
#include "PlatformSimProcess.h"
#include "RawHttpClient.h"
#include "StrictWarnings.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

QJsonObject caseBody(const QString &id)
{
    return {{QStringLiteral("case_id"), id},
            {QStringLiteral("case_number"), QStringLiteral("SH-XH-LHJD-20261127-") + id}, // one number per case
            {QStringLiteral("service_id"), QStringLiteral("residence-permit")},
            {QStringLiteral("center_id"), QStringLiteral("SH-XH-LHJD")},
            {QStringLiteral("submitted_at"), QStringLiteral("2026-11-27T08:30:00.000Z")},
            {QStringLiteral("language"), QStringLiteral("zh_CN")},
            {QStringLiteral("form"), QJsonObject{{QStringLiteral("name"), QStringLiteral("张三")}}},
            {QStringLiteral("attachments"),
             QJsonArray{QJsonObject{{QStringLiteral("sequence"), 1},
                                    {QStringLiteral("kind"), QStringLiteral("photo")},
                                    {QStringLiteral("name"), QStringLiteral("photo.jpg")},
                                    {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")},
                                    {QStringLiteral("size"), 3},
                                    {QStringLiteral("sha256"), QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")},
                                    {QStringLiteral("data"), QStringLiteral("YWJj")}}}}};
}

QJsonObject ratingBody(const QString &id, int level)
{
    return {{QStringLiteral("case_id"), id},
            {QStringLiteral("level"), level},
            {QStringLiteral("comment"), QString()},
            {QStringLiteral("rated_at"), QStringLiteral("2026-11-27T08:35:00.000Z")}};
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject jsonOf(const RawHttpResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

class TestPlatformSimApi : public QObject
{
    Q_OBJECT

private:
    RawHttpResponse put(const QString &path, const QByteArray &body, const QByteArray &key,
                        const QByteArray &contentType = "application/json")
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!contentType.isEmpty())
            headers.append({"Content-Type", contentType});
        if (!key.isNull())
            headers.append({"Idempotency-Key", key});
        return rawExchange(m_sim->port(), RawHttpClient::request("PUT", path.toUtf8(), headers, body))
                .value_or(RawHttpResponse());
    }
    RawHttpResponse putCase(const QString &id, const QByteArray &body)
    {
        return put(QStringLiteral("/api/v1/cases/") + id, body, id.toUtf8());
    }
    RawHttpResponse get(const QByteArray &path)
    {
        return rawExchange(m_sim->port(), RawHttpClient::request("GET", path)).value_or(RawHttpResponse());
    }
    RawHttpResponse post(const QByteArray &path, const QByteArray &body)
    {
        return rawExchange(m_sim->port(), RawHttpClient::request("POST", path, {}, body)).value_or(RawHttpResponse());
    }
    int cases(const QString &id = QString()) { return platformRowCount(m_sim->dbPath(), QStringLiteral("cases"), id); }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
        m_catalogPath = m_dir.filePath(QStringLiteral("catalog.json"));
        QFile catalog(m_catalogPath);
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write(R"({"version": "7", "services": []})");
        catalog.close();
        m_sim = std::make_unique<PlatformSimProcess>(
                m_dir.filePath(QStringLiteral("platform.sqlite")),
                QStringList{QStringLiteral("--test-hooks"), QStringLiteral("--catalog"), m_catalogPath});
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { QCOMPARE(m_sim->terminate(), 0); }

    void servesHealthAndCatalog()
    {
        QCOMPARE(get("/api/v1/health").body, QByteArray(R"({"status":"ok"})"));
        const RawHttpResponse catalog = get("/api/v1/catalog");
        QCOMPARE(catalog.status, 200);
        QCOMPARE(jsonOf(catalog).value(QStringLiteral("version")).toString(), QStringLiteral("7"));
    }

    void acceptsACaseExactlyOnce()
    {
        const QString id = QStringLiteral("case-once");
        const QByteArray body = compact(caseBody(id));
        const RawHttpResponse first = putCase(id, body);
        QCOMPARE(first.status, 201);
        const QJsonObject receipt = jsonOf(first);
        QCOMPARE(receipt.value(QStringLiteral("case_id")).toString(), id);
        QCOMPARE(receipt.value(QStringLiteral("status")).toString(), QStringLiteral("received"));
        const QString ref = receipt.value(QStringLiteral("platform_ref")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^P\\d{8}\\d{5}$")).match(ref).hasMatch(), qPrintable(ref));
        QVERIFY(QDateTime::fromString(receipt.value(QStringLiteral("received_at")).toString(), Qt::ISODateWithMs).isValid());

        const RawHttpResponse again = putCase(id, body);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, first.body); // exactly the first answer

        // The same JSON with other key order and whitespace is the same body after canonicalisation.
        const QByteArray reordered = R"({
            "language": "zh_CN", "form": {"name": "张三"}, "center_id": "SH-XH-LHJD",
            "attachments": [ {"sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "size": 3, "name": "photo.jpg",
                              "data": "YWJj", "kind": "photo", "sequence": 1, "mime_type": "image/jpeg"} ],
            "submitted_at": "2026-11-27T08:30:00.000Z", "service_id": "residence-permit",
            "case_number": "SH-XH-LHJD-20261127-case-once", "case_id": "case-once"
        })";
        const RawHttpResponse equivalent = putCase(id, reordered);
        QCOMPARE(equivalent.status, 200);
        QCOMPARE(equivalent.body, first.body);

        const QString storedSha = platformColumn(m_sim->dbPath(), QStringLiteral("cases"), QStringLiteral("body_sha256"), id);
        QJsonObject changed = caseBody(id);
        changed.insert(QStringLiteral("case_number"), QStringLiteral("SH-XH-LHJD-20261127-0002"));
        const RawHttpResponse conflict = putCase(id, compact(changed));
        QCOMPARE(conflict.status, 422);
        QCOMPARE(jsonOf(conflict).value(QStringLiteral("error")).toString(), QStringLiteral("conflict"));
        QVERIFY(!jsonOf(conflict).value(QStringLiteral("detail")).toString().isEmpty());

        QCOMPARE(cases(id), 1);
        QCOMPARE(platformColumn(m_sim->dbPath(), QStringLiteral("cases"), QStringLiteral("body_sha256"), id), storedSha);

        const RawHttpResponse status = get("/api/v1/cases/case-once");
        QCOMPARE(status.status, 200);
        QCOMPARE(jsonOf(status).value(QStringLiteral("platform_ref")).toString(), ref);
        QCOMPARE(get("/api/v1/cases/never-sent").status, 404);
    }

    void numbersPlatformRefsInSequence()
    {
        const QString a = jsonOf(putCase(QStringLiteral("seq-a"), compact(caseBody(QStringLiteral("seq-a"))))).value(QStringLiteral("platform_ref")).toString();
        const QString b = jsonOf(putCase(QStringLiteral("seq-b"), compact(caseBody(QStringLiteral("seq-b"))))).value(QStringLiteral("platform_ref")).toString();
        QCOMPARE(a.left(9), b.left(9));
        QCOMPARE(b.mid(9).toInt(), a.mid(9).toInt() + 1);
    }

    void validatesCases_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("detailPart");
        const QString id = QStringLiteral("bad-case");
        QTest::newRow("not json") << QByteArray("{oops") << "not JSON";
        QTest::newRow("array") << QByteArray("[]") << "not a JSON object";
        for (const char *key : {"case_id", "case_number", "service_id", "center_id", "submitted_at", "language", "form", "attachments"}) {
            QJsonObject o = caseBody(id);
            o.remove(QString::fromLatin1(key));
            QTest::newRow(qPrintable(QStringLiteral("missing %1").arg(QString::fromLatin1(key)))) << compact(o) << QString::fromLatin1(key);
        }
        QJsonObject o = caseBody(id);
        o.insert(QStringLiteral("service_id"), 5);
        QTest::newRow("number id") << compact(o) << "service_id: not a string";
        o = caseBody(id);
        o.insert(QStringLiteral("submitted_at"), QStringLiteral("2026-11-27T08:30:00"));
        QTest::newRow("time without zone") << compact(o) << "submitted_at";
        o = caseBody(id);
        o.insert(QStringLiteral("form"), QJsonArray());
        QTest::newRow("form array") << compact(o) << "form";
        o = caseBody(id);
        o.insert(QStringLiteral("attachments"), QJsonArray{1});
        QTest::newRow("attachment number") << compact(o) << "attachments[0]";
        const auto withAttachment = [&](const char *key, const QJsonValue &value) {
            QJsonObject body = caseBody(id);
            QJsonObject a = body.value(QStringLiteral("attachments")).toArray().at(0).toObject();
            a.insert(QString::fromLatin1(key), value);
            body.insert(QStringLiteral("attachments"), QJsonArray{a});
            return compact(body);
        };
        QTest::newRow("attachment sha256") << withAttachment("sha256", QString(64, QLatin1Char('0'))) << "attachments[0].sha256";
        QTest::newRow("attachment size") << withAttachment("size", 4) << "attachments[0].size";
        QTest::newRow("attachment base64") << withAttachment("data", QStringLiteral("!!!")) << "attachments[0].data";
        QTest::newRow("attachment kind") << withAttachment("kind", QStringLiteral("selfie")) << "attachments[0].kind";
        QTest::newRow("attachment sequence") << withAttachment("sequence", 2) << "attachments[0].sequence";
        QTest::newRow("attachment mime") << withAttachment("mime_type", QStringLiteral("text/html")) << "attachments[0].mime_type";
        o = caseBody(id);
        o.insert(QStringLiteral("case_id"), QStringLiteral("other-case"));
        QTest::newRow("id differs from path") << compact(o) << "case_id";
    }

    void validatesCases()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, detailPart);
        const RawHttpResponse r = putCase(QStringLiteral("bad-case"), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(jsonOf(r).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
        const QString detail = jsonOf(r).value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.contains(detailPart), qPrintable(detail));
        QCOMPARE(cases(QStringLiteral("bad-case")), 0);
    }

    void validatesHeadersAndPath()
    {
        const QByteArray body = compact(caseBody(QStringLiteral("hdr")));
        QCOMPARE(put(QStringLiteral("/api/v1/cases/hdr"), body, "hdr", "text/plain").status, 415);
        QCOMPARE(put(QStringLiteral("/api/v1/cases/hdr"), body, "hdr", "application/json; charset=utf-8").status, 201);
        const RawHttpResponse noKey = put(QStringLiteral("/api/v1/cases/hdr2"), compact(caseBody(QStringLiteral("hdr2"))), QByteArray());
        QCOMPARE(noKey.status, 400);
        QVERIFY(jsonOf(noKey).value(QStringLiteral("detail")).toString().contains(QLatin1String("Idempotency-Key")));
        QCOMPARE(put(QStringLiteral("/api/v1/cases/hdr2"), compact(caseBody(QStringLiteral("hdr2"))), "other").status, 400);
        QCOMPARE(put(QStringLiteral("/api/v1/cases/bad%20id"), body, "bad id").status, 400);
        QCOMPARE(put(QStringLiteral("/api/v1/cases/hdr/extra"), body, "hdr").status, 404);
        QCOMPARE(cases(QStringLiteral("hdr2")), 0);
    }

    void acceptsRatingsOnceForKnownCases()
    {
        const QString id = QStringLiteral("rated");
        const QString path = QStringLiteral("/api/v1/cases/rated/rating");
        QCOMPARE(put(path, compact(ratingBody(id, 5)), "rated").status, 404); // case not there yet
        QCOMPARE(putCase(id, compact(caseBody(id))).status, 201);
        const RawHttpResponse first = put(path, compact(ratingBody(id, 5)), "rated");
        QCOMPARE(first.status, 201);
        QCOMPARE(jsonOf(first).value(QStringLiteral("case_id")).toString(), id);
        const RawHttpResponse again = put(path, compact(ratingBody(id, 5)), "rated");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, first.body);
        QCOMPARE(put(path, compact(ratingBody(id, 1)), "rated").status, 422);
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("ratings"), id), 1);

        for (const QJsonValue &level : {QJsonValue(0), QJsonValue(6), QJsonValue(2.5), QJsonValue(QStringLiteral("5"))}) {
            QJsonObject o = ratingBody(QStringLiteral("seq-a"), 1);
            o.insert(QStringLiteral("level"), level);
            const RawHttpResponse r = put(QStringLiteral("/api/v1/cases/seq-a/rating"), compact(o), "seq-a");
            QCOMPARE(r.status, 400);
            QVERIFY(jsonOf(r).value(QStringLiteral("detail")).toString().startsWith(QLatin1String("level")));
        }
        QJsonObject noComment = ratingBody(QStringLiteral("seq-a"), 1);
        noComment.remove(QStringLiteral("comment"));
        QCOMPARE(put(QStringLiteral("/api/v1/cases/seq-a/rating"), compact(noComment), "seq-a").status, 400);
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("ratings"), QStringLiteral("seq-a")), 0);
    }

    // GB/T 39734 indicators: known ids, each once, only with a poor rating; a comment of at most 500
    // characters. Anything else is 400 and nothing is stored.
    void validatesRatingIndicatorsAndComment()
    {
        const QString id = QStringLiteral("indicated");
        const QString path = QStringLiteral("/api/v1/cases/indicated/rating");
        QCOMPARE(putCase(id, compact(caseBody(id))).status, 201);
        const auto withIndicators = [&](int level, const QJsonArray &indicators) {
            QJsonObject o = ratingBody(id, level);
            o.insert(QStringLiteral("indicators"), indicators);
            return o;
        };
        QJsonObject longComment = ratingBody(id, 2);
        longComment.insert(QStringLiteral("comment"), QString(501, QChar(0x6162)));
        const QList<QJsonObject> refused{
            withIndicators(2, {QStringLiteral("speed")}),
            withIndicators(2, {QStringLiteral("efficiency"), QStringLiteral("efficiency")}),
            withIndicators(4, {QStringLiteral("efficiency")}),
            withIndicators(2, {1}),
            longComment,
        };
        for (const QJsonObject &body : refused) {
            const RawHttpResponse r = put(path, compact(body), "indicated-key");
            QCOMPARE(r.status, 400);
            const QString detail = jsonOf(r).value(QStringLiteral("detail")).toString();
            QVERIFY2(detail.startsWith(QLatin1String("indicators")) || detail.startsWith(QLatin1String("comment")),
                     qPrintable(detail));
        }
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("ratings"), id), 0);
        const QJsonObject good = withIndicators(1, {QStringLiteral("attitude"), QStringLiteral("process")});
        QCOMPARE(put(path, compact(good), "indicated-key").status, 201);
        QCOMPARE(platformColumn(m_sim->dbPath(), QStringLiteral("ratings"),
                                QStringLiteral("json_extract(body, '$.indicators[1]')"), id),
                 QStringLiteral("process"));
    }

    // A rating has its own idempotency key (docs/platform-api.md, section 5): the same key again is a replay
    // (or 422 with another body), another key for a case that has a rating is 409 rating_exists.
    void ratingHasItsOwnIdempotencyKey()
    {
        const QString id = QStringLiteral("keyed");
        const QString path = QStringLiteral("/api/v1/cases/keyed/rating");
        QCOMPARE(putCase(id, compact(caseBody(id))).status, 201);
        const QByteArray key = "6f1c2b9e-4a5d-4e3f-9a1b-2c3d4e5f6a7b";
        const RawHttpResponse first = put(path, compact(ratingBody(id, 4)), key);
        QCOMPARE(first.status, 201);
        const RawHttpResponse replay = put(path, compact(ratingBody(id, 4)), key);
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.body, first.body);
        QCOMPARE(put(path, compact(ratingBody(id, 2)), key).status, 422);
        const RawHttpResponse other = put(path, compact(ratingBody(id, 4)), "another-key");
        QCOMPARE(other.status, 409);
        QCOMPARE(jsonOf(other).value(QStringLiteral("error")).toString(), QStringLiteral("rating_exists"));
        QCOMPARE(put(path, compact(ratingBody(id, 1)), "another-key").status, 409);
        QCOMPARE(put(path, compact(ratingBody(id, 4)), id.toUtf8()).status, 409); // the case id is another key
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("ratings"), id), 1);
        QCOMPARE(platformColumn(m_sim->dbPath(), QStringLiteral("ratings"), QStringLiteral("idempotency_key"), id),
                 QString::fromLatin1(key));
        QCOMPARE(platformColumn(m_sim->dbPath(), QStringLiteral("ratings"), QStringLiteral("json_extract(body, '$.level')"), id),
                 QStringLiteral("4"));

        // Keys the platform refuses before looking at anything else.
        const QString other2 = QStringLiteral("keyed2");
        QCOMPARE(putCase(other2, compact(caseBody(other2))).status, 201);
        const QString path2 = QStringLiteral("/api/v1/cases/keyed2/rating");
        for (const QByteArray &bad : {QByteArray(""), QByteArray("with space"), QByteArray(129, 'k'),
                                      QByteArray("\xe8\xaf\x84\xe4\xbb\xb7")}) {
            const RawHttpResponse r = put(path2, compact(ratingBody(other2, 3)), bad);
            QCOMPARE(r.status, 400);
            QVERIFY2(jsonOf(r).value(QStringLiteral("detail")).toString().contains(QLatin1String("Idempotency-Key")),
                     r.body.constData());
        }
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("ratings"), other2), 0);
        QCOMPARE(put(path2, compact(ratingBody(other2, 3)), QByteArray(128, 'k')).status, 201);
    }

    // A platform database from before rating keys (version 3): its ratings keep the case id, the key they
    // were sent with, so a kiosk's retry is still a replay.
    void olderDatabaseKeepsTheCaseIdAsRatingKey()
    {
        const QString dbPath = m_dir.filePath(QStringLiteral("legacy.sqlite"));
        const QString id = QStringLiteral("legacy");
        RawHttpResponse first;
        {
            PlatformSimProcess sim(dbPath, {});
            QString error;
            QVERIFY2(sim.start(&error), qPrintable(error));
            const auto exchange = [&sim](const QByteArray &path, const QByteArray &body, const QByteArray &key) {
                return rawExchange(sim.port(), RawHttpClient::request("PUT", path,
                                                                      {{"Content-Type", "application/json"},
                                                                       {"Idempotency-Key", key}},
                                                                      body))
                        .value_or(RawHttpResponse());
            };
            QCOMPARE(exchange("/api/v1/cases/legacy", compact(caseBody(id)), "legacy").status, 201);
            first = exchange("/api/v1/cases/legacy/rating", compact(ratingBody(id, 5)), "legacy");
            QCOMPARE(first.status, 201);
            QCOMPARE(sim.terminate(), 0);
        }
        QString error;
        QVERIFY2(platformExec(dbPath,
                              "ALTER TABLE ratings DROP COLUMN idempotency_key; PRAGMA user_version = 3;",
                              &error),
                 qPrintable(error));
        PlatformSimProcess sim(dbPath, {});
        QVERIFY2(sim.start(&error), qPrintable(error));
        const auto exchange = [&sim](const QByteArray &key) {
            return rawExchange(sim.port(), RawHttpClient::request("PUT", "/api/v1/cases/legacy/rating",
                                                                  {{"Content-Type", "application/json"},
                                                                   {"Idempotency-Key", key}},
                                                                  compact(ratingBody(QStringLiteral("legacy"), 5))))
                    .value_or(RawHttpResponse());
        };
        const RawHttpResponse replay = exchange("legacy");
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.body, first.body);
        QCOMPARE(exchange("legacy/rating").status, 409);
        QCOMPARE(platformColumn(dbPath, QStringLiteral("ratings"), QStringLiteral("idempotency_key"), id), id);
        QCOMPARE(sim.terminate(), 0);
    }

    void testHooksInjectFailuresWithoutStoring()
    {
        QCOMPARE(post("/test/fail-next", R"({"count": 2, "status": 503})").status, 200);
        const QString id = QStringLiteral("hooked");
        const QByteArray body = compact(caseBody(id));
        const RawHttpResponse one = putCase(id, body);
        QCOMPARE(one.status, 503);
        QCOMPARE(jsonOf(one).value(QStringLiteral("error")).toString(), QStringLiteral("injected"));
        QCOMPARE(putCase(id, body).status, 503);
        QCOMPARE(cases(id), 0);
        QCOMPARE(putCase(id, body).status, 201);
        QCOMPARE(cases(id), 1);

        QCOMPARE(post("/test/fail-next", R"({"count": 1, "status": 200})").status, 400);
        QCOMPARE(post("/test/delay-next", R"({"ms": -1})").status, 400);
        QCOMPARE(post("/test/unknown", "{}").status, 404);
    }

    void testHookDelaysTheAnswer()
    {
        QCOMPARE(post("/test/delay-next", R"({"ms": 400})").status, 200);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(putCase(QStringLiteral("slow"), compact(caseBody(QStringLiteral("slow")))).status, 201);
        QVERIFY2(timer.elapsed() >= 400, qPrintable(QString::number(timer.elapsed())));
        timer.restart();
        QCOMPARE(putCase(QStringLiteral("slow"), compact(caseBody(QStringLiteral("slow")))).status, 200);
        QVERIFY(timer.elapsed() < 400); // only the next one
    }

    void keepsAnswersAcrossRestart()
    {
        const QString id = QStringLiteral("durable");
        const RawHttpResponse first = putCase(id, compact(caseBody(id)));
        QCOMPARE(first.status, 201);
        const quint16 port = m_sim->port();
        QCOMPARE(m_sim->terminate(), 0);
        QString error;
        QVERIFY2(m_sim->start(port, &error), qPrintable(error));
        QCOMPARE(m_sim->port(), port);
        const RawHttpResponse again = putCase(id, compact(caseBody(id)));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, first.body);
        QCOMPARE(cases(id), 1);
    }

    void hooksOnlyWhenEnabled()
    {
        PlatformSimProcess plain(m_dir.filePath(QStringLiteral("plain.sqlite")), {});
        QString error;
        QVERIFY2(plain.start(&error), qPrintable(error));
        const auto r = rawExchange(plain.port(), RawHttpClient::request("POST", "/test/fail-next", {}, "{}"));
        QCOMPARE(r.value_or(RawHttpResponse()).status, 404);
        QCOMPARE(plain.terminate(), 0);
    }

    void refusesBadStartOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no db") << QStringList{} << 2 << "--db";
        QTest::newRow("bad port") << QStringList{QStringLiteral("--port"), QStringLiteral("70000"), QStringLiteral("--db"), QStringLiteral("x.sqlite")} << 2 << "--port";
        QTest::newRow("bad catalog") << QStringList{QStringLiteral("--db"), QStringLiteral("x.sqlite"), QStringLiteral("--catalog"), QStringLiteral("%BAD%")} << 1 << "%BAD%";
        QTest::newRow("missing catalog") << QStringList{QStringLiteral("--db"), QStringLiteral("x.sqlite"), QStringLiteral("--catalog"), QStringLiteral("nope.json")} << 1 << "nope.json";
        QTest::newRow("db not sqlite") << QStringList{QStringLiteral("--db"), QStringLiteral("%BAD%")} << 1 << "%BAD%";
    }

    void refusesBadStartOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        arguments.replaceInStrings(QStringLiteral("%BAD%"), bad);
        message.replace(QStringLiteral("%BAD%"), bad);
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(QStringLiteral(PLATFORM_SIM_EXECUTABLE), arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), exitCode);
        QVERIFY(process.readAllStandardOutput().isEmpty()); // no "listening" line
        const QString stderrText = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(stderrText.contains(message), qPrintable(stderrText));
    }

private:
    QTemporaryDir m_dir;
    QString m_catalogPath;
    std::unique_ptr<PlatformSimProcess> m_sim;
};

QTEST_GUILESS_MAIN(TestPlatformSimApi)
#include "tst_platform_sim_api.moc"
