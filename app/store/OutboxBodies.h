#pragma once

#include "CaseStore.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QVector>

// The exact JSON bodies the sync client PUTs to the platform. They are built once, when the resident
// submits, and stored in the outbox, so every retry sends identical bytes. Compact JSON (keys in the
// order QJsonObject writes them: sorted).

// Times in bodies and in the database: ISO 8601 UTC with milliseconds, "2024-05-01T08:30:00.000Z".
QString storedTime(const QDateTime &time); // invalid -> null QString
QDateTime parseStoredTime(const QString &text);

// {"attachments":[{"mime_type","name","sha256","size"}],"case_id","case_number","center_id","form":{...},
//  "language","service_id","submitted_at"}; sha256 is lowercase hex of the attachment's bytes.
QByteArray caseOutboxBody(const CaseSubmission &submission, const QVector<StoredAttachment> &attachments);

// {"case_id","comment","level","rated_at"}
QByteArray ratingOutboxBody(const QString &caseId, int level, const QString &comment,
                            const QDateTime &ratedAt);
