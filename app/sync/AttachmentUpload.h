#pragma once

#include "UploadOutcome.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

// The kiosk's side of an attachment upload (docs/platform-api.md, "Attachment uploads"), as pure functions:
// the declaration stored in the outbox item, the URLs and headers of the requests, and what an answer means
// for the next step. SyncClient does the I/O. Thread: any.
namespace AttachmentUpload {

// The outbox item's body: {"case_id","kind","mime_type","name","sequence","sha256","size"}.
struct Declaration
{
    int sequence = 0;
    qint64 size = -1;
    QString sha256;
    bool isValid() const { return sequence >= 1 && size >= 0 && sha256.size() == 64; }
};
Declaration parseDeclaration(const QByteArray &body);

// <base>/api/v1/cases/{case_id}/attachments/{sequence}[/content]
QUrl url(const QUrl &baseUrl, const QString &caseId, int sequence, bool content);
// "bytes <first>-<last>/<size>" for a non-empty chunk at `offset`.
QByteArray contentRange(qint64 offset, qint64 length, qint64 size);
// RFC 9530: "sha-256=:<base64 of the chunk's SHA-256>:".
QByteArray contentDigest(const QByteArray &chunk);

// What to do after an answer to a declaration or a chunk.
struct Step
{
    enum class Next {
        SendChunk, // send the chunk at `offset` (progress, or the platform named where it is)
        Finish     // the item's attempt ends with `outcome` (synced, parked or retried)
    };
    Next next = Next::Finish;
    UploadOutcome outcome;        // for Finish
    std::optional<qint64> offset; // the offset the platform acknowledged: to persist
    qint64 maxChunkBytes = 0;     // the platform's limit, when it named one (0 = not named)
    bool platformMoved = false;   // SendChunk after offset_mismatch (not after progress)
};
// `caseId`, `declaration`: the item being uploaded. Never Synced unless the platform says the attachment is
// complete ("status": "received" with the whole size). 409 offset_mismatch -> SendChunk at the platform's
// offset; 409 chunk_digest_mismatch / digest_mismatch -> Finish, retried (the chunk or the file arrived
// damaged) from the platform's offset; 404, 413 -> retried from 0 (declared again, which answers the
// platform's offset and chunk limit); other answers as
// classifyUpload (400/422 with the platform's error body park the item; the rest are retried).
Step classifyAnswer(const UploadResult &result, const QString &caseId, const Declaration &declaration,
                    qint64 maxRetryAfterMs);

} // namespace AttachmentUpload
