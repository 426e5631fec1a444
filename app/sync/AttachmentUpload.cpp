#include "AttachmentUpload.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace AttachmentUpload {

namespace {

// A non-negative integer no larger than `max`, or nullopt.
std::optional<qint64> offsetIn(const QJsonObject &object, qint64 max)
{
    const QJsonValue value = object.value(QStringLiteral("offset"));
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < 0 || number > double(max) || number != double(qint64(number)))
        return std::nullopt;
    return qint64(number);
}

UploadOutcome retry(UploadOutcome::Cause cause, const QString &reason, const QString &summary)
{
    UploadOutcome out;
    out.kind = UploadOutcome::Kind::Retry;
    out.cause = cause;
    out.reason = reason;
    out.logSummary = summary;
    return out;
}

} // namespace

Declaration parseDeclaration(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    Declaration d;
    d.sequence = o.value(QStringLiteral("sequence")).toInt(0);
    d.size = qint64(o.value(QStringLiteral("size")).toDouble(-1));
    d.sha256 = o.value(QStringLiteral("sha256")).toString();
    return d;
}

QUrl url(const QUrl &baseUrl, const QString &caseId, int sequence, bool content)
{
    QString path = baseUrl.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    path += QStringLiteral("/api/v1/cases/%1/attachments/%2").arg(caseId).arg(sequence);
    if (content)
        path += QStringLiteral("/content");
    QUrl out = baseUrl;
    out.setPath(path, QUrl::DecodedMode);
    out.setQuery(QString());
    out.setFragment(QString());
    return out;
}

QByteArray contentRange(qint64 offset, qint64 length, qint64 size)
{
    return "bytes " + QByteArray::number(offset) + '-' + QByteArray::number(offset + length - 1) + '/' +
           QByteArray::number(size);
}

QByteArray contentDigest(const QByteArray &chunk)
{
    return "sha-256=:" + QCryptographicHash::hash(chunk, QCryptographicHash::Sha256).toBase64() + ':';
}

Step classifyAnswer(const UploadResult &result, const QString &caseId, const Declaration &declaration,
                    qint64 maxRetryAfterMs)
{
    Step step;
    const QString which = QStringLiteral("attachment %1").arg(declaration.sequence);
    const int status = result.httpStatus.value_or(0);
    const QJsonDocument document =
        result.bodyTooLarge ? QJsonDocument() : QJsonDocument::fromJson(result.body);
    const QJsonObject o = document.object();
    const bool forThisItem = document.isObject() && o.value(QStringLiteral("case_id")).toString() == caseId &&
                             o.value(QStringLiteral("sequence")).toInt(-1) == declaration.sequence;
    if (forThisItem)
        step.maxChunkBytes = qint64(o.value(QStringLiteral("max_chunk_bytes")).toDouble(0));

    if (status == 200 || status == 201) {
        const std::optional<qint64> offset = forThisItem ? offsetIn(o, declaration.size) : std::nullopt;
        const QString state = o.value(QStringLiteral("status")).toString();
        if (!offset || (state != QLatin1String("received") && state != QLatin1String("uploading"))) {
            step.outcome = retry(UploadOutcome::Cause::Garbage,
                                 QStringLiteral("HTTP %1: the answer is not the platform's state of %2")
                                     .arg(status)
                                     .arg(which),
                                 QStringLiteral("HTTP %1 (not an upload state)").arg(status));
            return step;
        }
        step.offset = offset;
        if (state == QLatin1String("received") && *offset == declaration.size) {
            step.outcome.kind = UploadOutcome::Kind::Synced;
            step.outcome.logSummary = QStringLiteral("HTTP %1 received").arg(status);
            return step;
        }
        step.next = Step::Next::SendChunk;
        return step;
    }
    if (status == 409 && forThisItem) {
        const QString code = o.value(QStringLiteral("error")).toString();
        const std::optional<qint64> offset = offsetIn(o, declaration.size);
        if (offset && code == QLatin1String("offset_mismatch")) {
            step.offset = offset;
            step.platformMoved = true;
            step.next = Step::Next::SendChunk;
            return step;
        }
        if (offset &&
            (code == QLatin1String("chunk_digest_mismatch") || code == QLatin1String("digest_mismatch"))) {
            step.offset = offset;
            step.outcome = retry(UploadOutcome::Cause::Network,
                                 QStringLiteral("HTTP 409: %1: %2 arrived damaged; sent again from byte %3")
                                     .arg(code, which)
                                     .arg(*offset),
                                 QStringLiteral("HTTP 409 %1").arg(code));
            return step;
        }
    }
    step.outcome = classifyUpload(result, caseId, maxRetryAfterMs);
    if (step.outcome.kind == UploadOutcome::Kind::Synced) // a 2xx without the upload state
        step.outcome = retry(
            UploadOutcome::Cause::Garbage,
            QStringLiteral("HTTP %1: the answer is not the platform's state of %2").arg(status).arg(which),
            QStringLiteral("HTTP %1 (not an upload state)").arg(status));
    // 404: the platform does not know the declaration (or the case); 413: a chunk larger than the platform
    // takes (its limit is in the declaration's answer). Both: declare again next time.
    if (status == 404 || status == 413)
        step.offset = 0;
    return step;
}

} // namespace AttachmentUpload
