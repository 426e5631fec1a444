// SyncClient: the upload of one attachment item (kind "attachment"), one request after the other while the
// platform acknowledges progress: the declaration (unless the store holds an acknowledged offset and the
// platform's chunk limit is known), then the chunks from that offset. The offset is persisted after every
// acknowledged chunk, so a restarted kiosk resumes where the platform is, not from 0. docs/platform-api.md,
// "Attachment uploads".
// Thread: the SyncClient's.
#include "SyncClient.h"

#include "CaseStore.h"
#include "OutboxBodies.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace {
// offset_mismatch answers in a row without progress before the attempt counts as failed.
constexpr int maxStalls = 3;
} // namespace

bool SyncClient::beginAttachment(const OutboxItem &item)
{
    m_inFlight.declarationBody = item.body;
    m_inFlight.declaration = AttachmentUpload::parseDeclaration(item.body);
    const AttachmentUpload::Declaration &declaration = m_inFlight.declaration;
    QString problem;
    if (!declaration.isValid()) {
        problem = QStringLiteral("the attachment declaration cannot be read");
    } else if (const std::optional<QByteArray> bytes =
                   m_store.attachmentBytes(item.refId, declaration.sequence, &problem)) {
        if (bytes->size() != declaration.size || attachmentSha256(*bytes) != declaration.sha256)
            problem = QStringLiteral("attachment %1: the stored bytes do not match its declaration")
                          .arg(declaration.sequence);
        else
            m_inFlight.bytes = *bytes;
    }
    if (!problem.isEmpty()) {
        // Damage in the store: parked for staff with the reason, the queue goes on.
        qCWarning(lcSync).noquote() << "seq" << item.seq << "attachment of" << item.refId
                                    << "cannot be sent:" << problem;
        QString error;
        if (!m_store.markParked(item.seq, QStringLiteral("unreadable in the store: ") + problem, &error)) {
            setLastError(error);
            waitFor(m_backoff.maxMs());
            return false;
        }
        setLastError(problem);
        emit itemRejected(item.kind, item.refId, problem);
        processNext(false);
        return false;
    }
    m_inFlight.offset = std::clamp<qint64>(item.uploadOffset, 0, declaration.size);
    m_inFlight.chunkLimit = std::max(1, m_settings.attachmentChunkBytes);
    if (m_platformChunkBytes > 0)
        m_inFlight.chunkLimit = std::min<qint64>(m_inFlight.chunkLimit, m_platformChunkBytes);
    // Resumed from the acknowledged offset without asking again, once the platform's chunk limit is known
    // (the declaration's answer names it: a chunk is never larger than the platform takes).
    m_inFlight.declaring = item.uploadOffset <= 0 || m_platformChunkBytes <= 0;
    return true;
}

void SyncClient::sendAttachmentRequest()
{
    const AttachmentUpload::Declaration &declaration = m_inFlight.declaration;
    const qint64 length = std::min(m_inFlight.chunkLimit, declaration.size - m_inFlight.offset);
    if (length <= 0)
        m_inFlight.declaring =
            true; // nothing left to send but not confirmed: the declaration answers the state
    const QUrl url =
        AttachmentUpload::url(m_baseUrl, m_inFlight.caseId, declaration.sequence, !m_inFlight.declaring);
    QNetworkRequest request = baseRequest(url);
    if (m_inFlight.declaring) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Idempotency-Key", m_inFlight.caseId.toUtf8());
        qCInfo(lcSync).noquote() << "PUT seq" << m_inFlight.seq << "attachment" << declaration.sequence
                                 << "of" << m_inFlight.caseId << "declaration, attempt"
                                 << m_inFlight.attempts + 1;
        dispatch(request, m_inFlight.declarationBody);
        return;
    }
    const QByteArray chunk = m_inFlight.bytes.mid(m_inFlight.offset, length);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    request.setRawHeader("Content-Range",
                         AttachmentUpload::contentRange(m_inFlight.offset, length, declaration.size));
    request.setRawHeader("Content-Digest", AttachmentUpload::contentDigest(chunk));
    qCInfo(lcSync).noquote() << "PUT seq" << m_inFlight.seq << "attachment" << declaration.sequence << "of"
                             << m_inFlight.caseId << "bytes" << m_inFlight.offset << "+" << length << "of"
                             << declaration.size;
    dispatch(request, chunk);
}

bool SyncClient::concludeAttachmentStep(const UploadResult &result, UploadOutcome *outcome)
{
    const AttachmentUpload::Step step = AttachmentUpload::classifyAnswer(
        result, m_inFlight.caseId, m_inFlight.declaration, m_settings.maxRetryAfterMs);
    if (step.maxChunkBytes > 0) {
        m_platformChunkBytes = step.maxChunkBytes;
        m_inFlight.chunkLimit =
            std::max<qint64>(1, std::min<qint64>(m_settings.attachmentChunkBytes, step.maxChunkBytes));
    }
    const bool wasDeclaring = std::exchange(m_inFlight.declaring, false);
    bool progress = false;
    if (step.offset && *step.offset != m_inFlight.offset) {
        progress = *step.offset > m_inFlight.offset;
        m_inFlight.offset = *step.offset;
        QString error;
        // Not recorded: the next attempt starts from an older offset, and the platform answers the
        // repeated bytes as duplicates (or with its offset). Nothing is lost.
        if (!m_store.recordUploadOffset(m_inFlight.seq, m_inFlight.offset, &error))
            qCWarning(lcSync).noquote() << "seq" << m_inFlight.seq << "upload offset not recorded:" << error;
    }
    if (step.next == AttachmentUpload::Step::Next::Finish) {
        *outcome = step.outcome;
        return false;
    }
    if (progress)
        m_inFlight.stalls = 0;
    else if (!wasDeclaring)
        ++m_inFlight.stalls;
    if (m_inFlight.stalls > maxStalls) {
        outcome->kind = UploadOutcome::Kind::Retry;
        outcome->cause = UploadOutcome::Cause::Garbage;
        outcome->reason = QStringLiteral("attachment %1: the platform's offset does not advance (at byte %2)")
                              .arg(m_inFlight.declaration.sequence)
                              .arg(m_inFlight.offset);
        outcome->logSummary = QStringLiteral("no upload progress");
        return false;
    }
    sendAttachmentRequest();
    return true;
}
