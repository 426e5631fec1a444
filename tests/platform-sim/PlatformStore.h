#pragma once

#include "PayloadValidation.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;

// platform-sim's own database (a separate sqlite file, WAL, synchronous=FULL): the cases and ratings it
// accepted. Idempotent by construction: a PUT is stored at most once per case id; the comparison of a
// repeated PUT uses the SHA-256 of the canonical body (compact JSON with sorted keys).
//   cases(case_id PRIMARY KEY, body_sha256, body, received_at, platform_ref UNIQUE, status)
//   ratings(case_id PRIMARY KEY REFERENCES cases, body_sha256, body, received_at, idempotency_key (version 4))
//   attachments(case_id REFERENCES cases, sequence, kind, name, mime_type, size, sha256, data) (version 2),
//   written in the same transaction as the case, only when the case is created.
//   cases.owner (the kiosk id of the client certificate that first sent it; NULL over plain HTTP) and
//   cases.case_number (version 3): another kiosk's PUT of an owned case is NotOwner, a case number held by
//   another case id is NumberTaken.
// Thread: the main thread only.
class PlatformStore
{
public:
    struct Receipt
    {
        QString caseId;
        QString platformRef; // empty for ratings
        QString receivedAt;  // ISO 8601 UTC with milliseconds, as first answered
        QString status;      // "received"
    };

    enum class Outcome {
        Created,     // stored now
        Replayed,    // stored before with the same canonical body: the same receipt
        Conflict,    // stored before with a different body: nothing changed
        UnknownCase, // rating for a case the platform never received
        NotOwner,    // the case belongs to another kiosk (another client certificate): nothing changed
        NumberTaken, // the case number is held by another case id: nothing stored
        RatingExists, // the case has a rating under another idempotency key: nothing changed
        Failed       // database error (see error)
    };

    struct PutResult
    {
        Outcome outcome = Outcome::Failed;
        Receipt receipt;
        QString error;
    };

    ~PlatformStore();
    static std::unique_ptr<PlatformStore> open(const QString &filePath, QString *error);

    // owner: the sending kiosk's id (empty over plain HTTP: no ownership check); a new case is bound to it.
    PutResult putCase(const QString &caseId, const QByteArray &canonicalBody,
                      const QList<CaseAttachment> &attachments = {}, const QString &owner = QString(),
                      const QString &caseNumber = QString());
    // The stored attachments of a case (sequence, kind, name, mime type, sha256; data included).
    QList<CaseAttachment> attachments(const QString &caseId, QString *error) const;
    // idempotencyKey: the rating's own key; the same key again is a replay (or a 422 conflict if the body
    // differs), another key for a case that has a rating is RatingExists.
    PutResult putRating(const QString &caseId, const QByteArray &canonicalBody, const QString &idempotencyKey,
                        const QString &owner = QString());
    std::optional<Receipt> findCase(const QString &caseId, QString *error) const;

private:
    explicit PlatformStore(sqlite3 *db, QString filePath);
    PutResult put(const char *table, const QString &caseId, const QByteArray &canonicalBody,
                  const QList<CaseAttachment> &attachments, const QString &owner, const QString &caseNumberOrKey);
    QString nextPlatformRef(const QString &day, QString *error);

    sqlite3 *m_db;
    QString m_filePath;
};
