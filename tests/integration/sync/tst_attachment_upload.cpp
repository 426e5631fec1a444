// AttachmentUpload: what each answer to a declaration or a chunk means for the next step (pure functions, no
// network): progress goes on, only "received" with the whole size is synced, the platform's offset is the
// one to persist, damaged chunks and other failures are retried, 400/422 with the platform's error body park.
#include "AttachmentUpload.h"
#include "StrictWarnings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

const QString kCase = QStringLiteral("3f0c1d2e-0000-4000-8000-000000000001");

AttachmentUpload::Declaration declaration()
{
    AttachmentUpload::Declaration d;
    d.sequence = 2;
    d.size = 10000;
    d.sha256 = QString(64, QLatin1Char('a'));
    return d;
}

UploadResult answer(int status, QJsonObject body)
{
    UploadResult r;
    r.httpStatus = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

QJsonObject state(qint64 offset, const QString &status, int sequence = 2, const QString &caseId = kCase)
{
    return QJsonObject{{QStringLiteral("case_id"), caseId},
                       {QStringLiteral("sequence"), sequence},
                       {QStringLiteral("offset"), offset},
                       {QStringLiteral("size"), 10000},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("max_chunk_bytes"), 4096},
                       {QStringLiteral("sha256"), QString(64, QLatin1Char('a'))}};
}

QJsonObject refused(const QString &code, qint64 offset)
{
    QJsonObject o = state(offset, QStringLiteral("uploading"));
    o.insert(QStringLiteral("error"), code);
    o.insert(QStringLiteral("detail"), QStringLiteral("..."));
    return o;
}

} // namespace

class TestAttachmentUpload : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void requestsAreNamedAsTheContractSays()
    {
        QCOMPARE(AttachmentUpload::url(QUrl(QStringLiteral("https://p.example:8443/base/")), kCase, 3, true),
                 QUrl(QStringLiteral("https://p.example:8443/base/api/v1/cases/%1/attachments/3/content")
                          .arg(kCase)));
        QCOMPARE(AttachmentUpload::url(QUrl(QStringLiteral("http://127.0.0.1:1")), kCase, 1, false).path(),
                 QStringLiteral("/api/v1/cases/%1/attachments/1").arg(kCase));
        QCOMPARE(AttachmentUpload::contentRange(4096, 100, 10000), QByteArray("bytes 4096-4195/10000"));
        // SHA-256 of "abc", base64, in RFC 9530 form.
        QCOMPARE(AttachmentUpload::contentDigest("abc"),
                 QByteArray("sha-256=:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=:"));
        const AttachmentUpload::Declaration d = AttachmentUpload::parseDeclaration(
            R"({"case_id":"x","kind":"page","mime_type":"image/jpeg","name":"p.jpg","sequence":4,"sha256":")" +
            QByteArray(64, 'b') + R"(","size":77})");
        QVERIFY(d.isValid());
        QCOMPARE(d.sequence, 4);
        QCOMPARE(d.size, 77);
        QVERIFY(!AttachmentUpload::parseDeclaration("not json").isValid());
    }

    void progressGoesOnAndOnlyReceivedIsSynced()
    {
        using AttachmentUpload::Step;
        Step s = AttachmentUpload::classifyAnswer(answer(201, state(0, QStringLiteral("uploading"))), kCase,
                                                  declaration(), 1000);
        QCOMPARE(s.next, Step::Next::SendChunk);
        QCOMPARE(s.offset.value_or(-1), 0);
        QCOMPARE(s.maxChunkBytes, 4096);
        s = AttachmentUpload::classifyAnswer(answer(200, state(8192, QStringLiteral("uploading"))), kCase,
                                             declaration(), 1000);
        QCOMPARE(s.next, Step::Next::SendChunk);
        QCOMPARE(s.offset.value_or(-1), 8192);
        QVERIFY(!s.platformMoved);
        s = AttachmentUpload::classifyAnswer(answer(200, state(10000, QStringLiteral("received"))), kCase,
                                             declaration(), 1000);
        QCOMPARE(s.next, Step::Next::Finish);
        QCOMPARE(s.outcome.kind, UploadOutcome::Kind::Synced);
        // "received" with less than the whole size, or all bytes still "uploading": not synced.
        s = AttachmentUpload::classifyAnswer(answer(200, state(10000, QStringLiteral("uploading"))), kCase,
                                             declaration(), 1000);
        QCOMPARE(s.next, Step::Next::SendChunk);
        s = AttachmentUpload::classifyAnswer(answer(200, state(5000, QStringLiteral("received"))), kCase,
                                             declaration(), 1000);
        QCOMPARE(s.next, Step::Next::SendChunk);
    }

    void answersForSomethingElseAreGarbage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("other case") << QJsonDocument(state(10000, QStringLiteral("received"), 2,
                                                           QStringLiteral("other")))
                                           .toJson(QJsonDocument::Compact);
        QTest::newRow("other sequence")
            << QJsonDocument(state(10000, QStringLiteral("received"), 1)).toJson(QJsonDocument::Compact);
        QTest::newRow("offset past the size")
            << QJsonDocument(state(10001, QStringLiteral("received"))).toJson(QJsonDocument::Compact);
        QTest::newRow("unknown status")
            << QJsonDocument(state(10000, QStringLiteral("done"))).toJson(QJsonDocument::Compact);
        QTest::newRow("a case receipt")
            << QByteArray(R"({"case_id":")" + kCase.toUtf8() + R"(","status":"received"})");
        QTest::newRow("html") << QByteArray("<html>ok</html>");
    }

    void answersForSomethingElseAreGarbage()
    {
        QFETCH(QByteArray, body);
        UploadResult r;
        r.httpStatus = 200;
        r.body = body;
        const AttachmentUpload::Step s = AttachmentUpload::classifyAnswer(r, kCase, declaration(), 1000);
        QCOMPARE(s.next, AttachmentUpload::Step::Next::Finish);
        QCOMPARE(s.outcome.kind, UploadOutcome::Kind::Retry);
        QCOMPARE(s.outcome.cause, UploadOutcome::Cause::Garbage);
        QVERIFY(!s.offset);
    }

    void refusedChunksNameWhereToGoOn()
    {
        using AttachmentUpload::Step;
        Step s = AttachmentUpload::classifyAnswer(
            answer(409, refused(QStringLiteral("offset_mismatch"), 4096)), kCase, declaration(), 1000);
        QCOMPARE(s.next, Step::Next::SendChunk);
        QCOMPARE(s.offset.value_or(-1), 4096);
        QVERIFY(s.platformMoved);
        for (const char *code : {"chunk_digest_mismatch", "digest_mismatch"}) {
            s = AttachmentUpload::classifyAnswer(answer(409, refused(QLatin1String(code), 0)), kCase,
                                                 declaration(), 1000);
            QCOMPARE(s.next, Step::Next::Finish);
            QCOMPARE(s.outcome.kind, UploadOutcome::Kind::Retry);
            QCOMPARE(s.outcome.cause, UploadOutcome::Cause::Network);
            QVERIFY2(s.outcome.reason.contains(QLatin1String(code)), qPrintable(s.outcome.reason));
            QCOMPARE(s.offset.value_or(-1), 0);
        }
        // A 409 without an offset is the ordinary conflict (for staff), not a resume.
        s = AttachmentUpload::classifyAnswer(
            answer(409, QJsonObject{{QStringLiteral("error"), QStringLiteral("offset_mismatch")}}), kCase,
            declaration(), 1000);
        QCOMPARE(s.next, Step::Next::Finish);
        QCOMPARE(s.outcome.cause, UploadOutcome::Cause::Conflict);
    }

    void failuresFollowTheOutboxRules()
    {
        using AttachmentUpload::Step;
        const QJsonObject error{{QStringLiteral("error"), QStringLiteral("invalid_request")},
                                {QStringLiteral("detail"), QStringLiteral("size: ...")}};
        // The platform's own 400/422: parked with the reason.
        Step s = AttachmentUpload::classifyAnswer(answer(400, error), kCase, declaration(), 1000);
        QCOMPARE(s.outcome.kind, UploadOutcome::Kind::Rejected);
        s = AttachmentUpload::classifyAnswer(answer(422, error), kCase, declaration(), 1000);
        QCOMPARE(s.outcome.kind, UploadOutcome::Kind::Rejected);
        // A proxy's 400 page, 503, 403: retried, with the cause.
        UploadResult html;
        html.httpStatus = 400;
        html.body = "<html>Bad Request</html>";
        s = AttachmentUpload::classifyAnswer(html, kCase, declaration(), 1000);
        QCOMPARE(s.outcome.kind, UploadOutcome::Kind::Retry);
        QCOMPARE(s.outcome.cause, UploadOutcome::Cause::Proxy);
        UploadResult busy = answer(503, error);
        busy.retryAfter = "30";
        s = AttachmentUpload::classifyAnswer(busy, kCase, declaration(), 60000);
        QCOMPARE(s.outcome.cause, UploadOutcome::Cause::Server);
        QCOMPARE(s.outcome.retryAfterMs.value_or(-1), 30000);
        QVERIFY(!s.offset);
        s = AttachmentUpload::classifyAnswer(answer(403, error), kCase, declaration(), 1000);
        QCOMPARE(s.outcome.cause, UploadOutcome::Cause::Identity);
        // 404 (declaration or case unknown) and 413 (chunk too large): declared again next time.
        for (int status : {404, 413}) {
            s = AttachmentUpload::classifyAnswer(answer(status, error), kCase, declaration(), 1000);
            QCOMPARE(s.outcome.kind, UploadOutcome::Kind::Retry);
            QCOMPARE(s.offset.value_or(-1), 0);
        }
        // No answer at all.
        UploadResult reset;
        reset.transportError = QStringLiteral("Connection reset");
        s = AttachmentUpload::classifyAnswer(reset, kCase, declaration(), 1000);
        QCOMPARE(s.outcome.cause, UploadOutcome::Cause::Network);
        UploadResult big;
        big.httpStatus = 200;
        big.bodyTooLarge = true;
        s = AttachmentUpload::classifyAnswer(big, kCase, declaration(), 1000);
        QCOMPARE(s.outcome.cause, UploadOutcome::Cause::Garbage);
    }
};

QTEST_GUILESS_MAIN(TestAttachmentUpload)
#include "tst_attachment_upload.moc"
