// PlatformApi: attachments uploaded on their own, in chunks (docs/platform-api.md, "Attachment uploads").
//   PUT /api/v1/cases/{id}/attachments/{seq}          declare (JSON): size, SHA-256, kind, name, MIME type
//   GET /api/v1/cases/{id}/attachments/{seq}          the upload's state: the offset the platform has
//   PUT /api/v1/cases/{id}/attachments/{seq}/content  one chunk: Content-Range + Content-Digest, raw bytes
// Bound to the case's owner like the case itself; every chunk is logged in chunk_log (no bytes).
#include "PlatformApi.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace {

HttpResponse invalid(const QString &detail)
{
    return HttpResponse::error(400, QStringLiteral("invalid_request"), detail);
}

QByteArray mediaType(const QByteArray &contentType)
{
    return contentType.split(';').first().trimmed().toLower();
}

// "bytes <first>-<last>/<size>": false when malformed.
bool parseContentRange(const QByteArray &value, qint64 *first, qint64 *last, qint64 *size)
{
    static const QRegularExpression pattern(QStringLiteral("^bytes (\\d{1,12})-(\\d{1,12})/(\\d{1,12})$"));
    const QRegularExpressionMatch m = pattern.match(QString::fromLatin1(value.trimmed()));
    if (!m.hasMatch())
        return false;
    *first = m.captured(1).toLongLong();
    *last = m.captured(2).toLongLong();
    *size = m.captured(3).toLongLong();
    return *first <= *last && *last < *size;
}

// "sha-256=:<base64>:" (RFC 9530 Content-Digest): the 32 bytes, or empty when absent or malformed.
QByteArray parseContentDigest(const QByteArray &value)
{
    for (const QByteArray &member : value.split(',')) {
        const QByteArray item = member.trimmed();
        if (!item.startsWith("sha-256=:") || !item.endsWith(':') || item.size() < 11)
            continue;
        const auto decoded = QByteArray::fromBase64Encoding(item.mid(9, item.size() - 10),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (decoded && decoded.decoded.size() == 32)
            return decoded.decoded;
    }
    return {};
}

} // namespace

HttpResponse PlatformApi::attachmentResource(const QString &caseId, const QList<QByteArray> &segments,
                                             const HttpRequest &request)
{
    bool ok = false;
    const int sequence = segments.at(2).toInt(&ok);
    if (!ok || sequence < 1 || sequence > maxAttachmentsPerCase)
        return invalid(QStringLiteral("attachment sequence in the path: an integer from 1 to %1")
                           .arg(maxAttachmentsPerCase));
    if (segments.size() == 4)
        return request.method == "PUT" ? putChunk(caseId, sequence, request)
                                       : HttpResponse::error(405, QStringLiteral("method_not_allowed"),
                                                             QStringLiteral("allowed: PUT"));
    if (request.method == "GET") {
        const PlatformStore::UploadResult result =
            m_store.uploadState(caseId, sequence, request.client.kioskId);
        return uploadAnswer(200, caseId, sequence, result);
    }
    if (request.method == "PUT")
        return declareAttachment(caseId, sequence, request);
    HttpResponse r =
        HttpResponse::error(405, QStringLiteral("method_not_allowed"), QStringLiteral("allowed: GET, PUT"));
    r.headers.append(qMakePair(QByteArray("Allow"), QByteArray("GET, PUT")));
    return r;
}

HttpResponse PlatformApi::uploadAnswer(int status, const QString &caseId, int sequence,
                                       const PlatformStore::UploadResult &result)
{
    using U = PlatformStore::Upload;
    const QString which = QStringLiteral("attachment %1 of case %2").arg(sequence).arg(caseId);
    QJsonObject state{{QStringLiteral("case_id"), caseId},
                      {QStringLiteral("sequence"), sequence},
                      {QStringLiteral("offset"), result.state.offset},
                      {QStringLiteral("size"), result.state.size},
                      {QStringLiteral("sha256"), result.state.sha256},
                      {QStringLiteral("status"),
                       result.state.complete ? QStringLiteral("received") : QStringLiteral("uploading")},
                      {QStringLiteral("max_chunk_bytes"), m_maxChunkBytes}};
    // A refused chunk carries the offset the platform has, so the kiosk resumes from there.
    const auto refusedChunk = [&](const QString &code, const QString &detail) {
        QJsonObject body = state;
        body.insert(QStringLiteral("error"), code);
        body.insert(QStringLiteral("detail"), detail);
        return HttpResponse::json(409, body);
    };
    switch (result.outcome) {
    case U::Declared:
        return HttpResponse::json(201, state);
    case U::Redeclared:
    case U::Accepted:
    case U::Duplicate:
        return HttpResponse::json(status, state);
    case U::OffsetMismatch:
        return refusedChunk(
            QStringLiteral("offset_mismatch"),
            QStringLiteral("%1: the chunk does not start at the offset the platform has").arg(which));
    case U::DigestMismatch:
        return refusedChunk(
            QStringLiteral("digest_mismatch"),
            QStringLiteral("%1: the SHA-256 of the complete file differs from the declared one; "
                           "the bytes were dropped, send them again from 0")
                .arg(which));
    case U::TooLong:
        return invalid(QStringLiteral("Content-Range: past the declared size of %1").arg(which));
    case U::Conflict:
        return HttpResponse::error(
            422, QStringLiteral("conflict"),
            QStringLiteral("%1 was already declared with different values").arg(which));
    case U::UnknownCase:
        return HttpResponse::error(
            404, QStringLiteral("not_found"),
            QStringLiteral("case %1 is unknown; send the case before its attachments").arg(caseId));
    case U::NotDeclared:
        return HttpResponse::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("%1 was never declared").arg(which));
    case U::NotOwner:
        return HttpResponse::error(403, QStringLiteral("not_owner"),
                                   QStringLiteral("case %1 was sent by another kiosk").arg(caseId));
    case U::Failed:
        break;
    }
    qCWarning(lcApi).noquote() << result.error;
    return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("database error"));
}

HttpResponse PlatformApi::declareAttachment(const QString &caseId, int sequence, const HttpRequest &request)
{
    const int delayMs = std::exchange(m_delayNextMs, 0);
    const auto delayed = [delayMs](HttpResponse r) {
        r.delayMs = delayMs;
        return r;
    };
    if (failThisPut())
        return delayed(injectedFailure());
    if (mediaType(request.header("content-type")) != "application/json")
        return delayed(HttpResponse::error(415, QStringLiteral("unsupported_media_type"),
                                           QStringLiteral("Content-Type must be application/json")));
    if (QString::fromUtf8(request.header("idempotency-key")) != caseId)
        return delayed(
            invalid(QStringLiteral("Idempotency-Key header: missing or not the case id in the path")));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (!document.isObject())
        return delayed(invalid(QStringLiteral("body: not a JSON object")));
    const QJsonObject body = document.object();
    CaseAttachment declared;
    qint64 size = 0;
    if (const QString problem = validateAttachmentDeclaration(body, sequence, &declared, &size);
        !problem.isEmpty())
        return delayed(invalid(problem));
    if (body.value(QStringLiteral("case_id")).toString() != caseId)
        return delayed(invalid(QStringLiteral("case_id: differs from the case id in the path")));
    const QByteArray canonical = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return delayed(
        uploadAnswer(200, caseId, sequence,
                     m_store.declareAttachment(caseId, declared, size, canonical, request.client.kioskId)));
}

HttpResponse PlatformApi::putChunk(const QString &caseId, int sequence, const HttpRequest &request)
{
    const int delayMs = std::exchange(m_delayNextMs, 0);
    const auto delayed = [delayMs](HttpResponse r) {
        r.delayMs = delayMs;
        return r;
    };
    if (failThisPut())
        return delayed(injectedFailure());
    if (mediaType(request.header("content-type")) != "application/octet-stream")
        return delayed(HttpResponse::error(415, QStringLiteral("unsupported_media_type"),
                                           QStringLiteral("Content-Type must be application/octet-stream")));
    qint64 first = 0, last = 0, total = 0;
    if (!parseContentRange(request.header("content-range"), &first, &last, &total))
        return delayed(
            invalid(QStringLiteral("Content-Range header: missing or not \"bytes <first>-<last>/<size>\"")));
    if (last - first + 1 != request.body.size())
        return delayed(invalid(QStringLiteral("Content-Range header: not the length of the body")));
    if (request.body.size() > m_maxChunkBytes)
        return delayed(
            HttpResponse::error(413, QStringLiteral("unsupported_request"),
                                QStringLiteral("a chunk is at most %1 bytes").arg(m_maxChunkBytes)));
    const QByteArray digest = parseContentDigest(request.header("content-digest"));
    if (digest.isEmpty())
        return delayed(invalid(QStringLiteral("Content-Digest header: missing or not sha-256=:<base64>:")));
    QByteArray bytes = request.body;
    if (m_corruptNextChunks > 0 && !bytes.isEmpty()) { // test hook: damage in transit
        --m_corruptNextChunks;
        bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x5a);
    }
    if (QCryptographicHash::hash(bytes, QCryptographicHash::Sha256) != digest) {
        m_store.logChunk(caseId, sequence, first, bytes.size(), QStringLiteral("chunk_digest_mismatch"));
        PlatformStore::UploadResult state = m_store.uploadState(caseId, sequence, request.client.kioskId);
        if (state.outcome != PlatformStore::Upload::Redeclared)
            return delayed(uploadAnswer(200, caseId, sequence, state));
        QJsonObject body{
            {QStringLiteral("error"), QStringLiteral("chunk_digest_mismatch")},
            {QStringLiteral("detail"), QStringLiteral("the chunk's bytes do not match its Content-Digest; "
                                                      "nothing was stored, send it again")},
            {QStringLiteral("case_id"), caseId},
            {QStringLiteral("sequence"), sequence},
            {QStringLiteral("offset"), state.state.offset},
            {QStringLiteral("size"), state.state.size}};
        return delayed(HttpResponse::json(409, body));
    }
    const PlatformStore::UploadResult before = m_store.uploadState(caseId, sequence, request.client.kioskId);
    if (before.outcome == PlatformStore::Upload::Redeclared && before.state.size != total)
        return delayed(invalid(QStringLiteral("Content-Range header: the size is not the declared size")));
    const PlatformStore::UploadResult result =
        m_store.putChunk(caseId, sequence, first, bytes, request.client.kioskId);
    static const char *const names[] = {"declared",        "redeclared",      "accepted",  "duplicate",
                                        "offset_mismatch", "digest_mismatch", "too_long",  "conflict",
                                        "unknown_case",    "not_declared",    "not_owner", "failed"};
    m_store.logChunk(caseId, sequence, first, bytes.size(), QString::fromLatin1(names[int(result.outcome)]));
    return delayed(uploadAnswer(200, caseId, sequence, result));
}
