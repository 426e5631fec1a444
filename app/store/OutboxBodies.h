#pragma once

#include "CaseStore.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QVector>

#include <optional>

// The exact JSON bodies the sync client PUTs to the platform. They are built once, when the resident
// submits, and stored in the outbox, so every retry sends identical bytes. Compact JSON (keys in the
// order QJsonObject writes them: sorted).

// Times in bodies and in the database: ISO 8601 UTC with milliseconds, "2024-05-01T08:30:00.000Z".
QString storedTime(const QDateTime &time); // invalid -> null QString
QDateTime parseStoredTime(const QString &text);

// {"attachments":[{"data","kind","mime_type","name","sequence","sha256","size"}],"case_id","case_number",
//  "center_id","form":{...},"language","licences":[...],"licence_holder":{"id_type","id_number"} (only when e-licences were picked),"service_id",
//  "submitted_at"}; data is the attachment's bytes in
// base64 (RFC 4648, with padding), sha256 lowercase hex of the bytes, sequence 1, 2, ... in list order.
QByteArray caseOutboxBody(const CaseSubmission &submission, const QVector<StoredAttachment> &attachments);

// The case body since schema version 6: as caseOutboxBody() with an empty "attachments" array; each
// attachment travels on its own, in chunks (attachmentOutboxBody, docs/platform-api.md "Attachment uploads").
QByteArray caseSubmissionBody(const CaseSubmission &submission);
// An attachment's declaration, its outbox item's body: {"case_id","kind","mime_type","name","sequence",
// "sha256","size"} (no bytes: they are read from the attachment row when the chunks are sent).
QByteArray attachmentOutboxBody(const QString &caseId, int sequence, const StoredAttachment &attachment);

// What the outbox stored for a case in schema versions 4 and 5: the same body without each attachment's "data"
// (the bytes are in the attachment rows; storing them twice cost 2.3 times their size). Bodies without
// attachment entries that have a "sequence" are returned unchanged (version-2 bodies).
QByteArray stripAttachmentData(const QByteArray &body);
// The body to send: the stored body with "data" put back from the attachment rows (matched by sequence,
// checked against the entry's sha256). For a body made by caseOutboxBody() the result is byte-identical to
// it, so every retry sends the same bytes. Null + *error when a row is missing or its bytes changed.
std::optional<QByteArray> assembleCaseBody(const QByteArray &storedBody,
                                           const QVector<AttachmentRecord> &attachments, QString *error);

// The kind an attachment is stored with: its own, or from the MIME type when empty.
QString attachmentKind(const StoredAttachment &attachment);
QString attachmentSha256(const QByteArray &data);

// {"case_id","comment","level","rated_at"}
QByteArray ratingOutboxBody(const QString &caseId, int level, const QStringList &indicators, const QString &comment,
                            const QDateTime &ratedAt);
