#pragma once

#include "PayloadValidation.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
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
//   attachment_uploads(case_id, sequence, declaration, size, sha256, received bytes, ...) and chunk_log
//   (version 5): attachments uploaded on their own in chunks; complete ones are copied to `attachments`.
//   queue_counters, queue_tickets, queue_ranges (version 6): queue tickets, online and offline.
//   appointments (version 7): appointment check-in, which issues a queue ticket.
//   case_status_history and cases.applicant_id_number (version 8): a case's processing status over time and
//   the applicant's ID number from its form (form.id_number), for progress lookups.
//   resident_records, certificates (version 9): certificates the platform issues to residents.
//   licences (version 10): the e-licences (电子证照) the platform holds for residents.
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

    // ---- Attachment uploads (PlatformStoreUploads.cpp; docs/platform-api.md, "Attachment uploads") ----
    struct UploadState
    {
        qint64 offset = 0; // bytes received and kept, from the start
        qint64 size = 0;
        QString sha256;
        bool complete = false; // all bytes received and their SHA-256 checked: in `attachments`
    };
    enum class Upload {
        Declared,        // a new declaration was stored
        Redeclared,      // the same declaration again: the state as it is
        Accepted,        // the chunk was appended (or completed the attachment)
        Duplicate,       // a retry of bytes the platform already has (identical): nothing changed
        OffsetMismatch,  // the chunk does not start where the received bytes end: state.offset says where
        DigestMismatch,  // complete, but the SHA-256 of all bytes differs: the bytes were dropped (offset 0)
        TooLong,         // the chunk goes past the declared size
        Conflict,        // declared before (or stored inline) with different values
        UnknownCase,     // the case was never received
        NotDeclared,     // a chunk for an attachment that was never declared
        NotOwner,        // the case belongs to another kiosk
        Failed           // database error
    };
    struct UploadResult
    {
        Upload outcome = Upload::Failed;
        UploadState state;
        QString error;
    };
    // declaration: the canonical declaration body (its SHA-256 makes repeats idempotent).
    UploadResult declareAttachment(const QString &caseId, const CaseAttachment &declared, qint64 size,
                                   const QByteArray &declaration, const QString &owner);
    UploadResult putChunk(const QString &caseId, int sequence, qint64 offset, const QByteArray &bytes,
                          const QString &owner);
    UploadResult uploadState(const QString &caseId, int sequence, const QString &owner);
    // One line of chunk_log (outcome: "accepted", "duplicate", "offset_mismatch", "chunk_digest_mismatch", ...).
    void logChunk(const QString &caseId, int sequence, qint64 offset, qint64 length, const QString &outcome);

    // ---- Queue tickets (PlatformStoreQueue.cpp; docs/platform-api.md, "Queue tickets") ----
    // One sequence of numbers per center, counter service and day; online tickets and kiosks' offline
    // ranges are both taken from it, so an online number is never one reserved for a kiosk.
    struct QueueTicket
    {
        QString centerId;
        QString serviceId;
        QString day; // yyyy-MM-dd, the platform's local date
        int number = 0;
        QString ticketNumber; // prefix + at least 3 digits: "A017"
        int waitingBefore = 0; // people waiting when it was issued
        QString issuedAt;
    };
    struct QueueRange
    {
        QString rangeId;
        QString centerId;
        QString serviceId;
        QString day;
        int first = 0;
        int last = 0;
        QString owner;
    };
    enum class QueueOutcome { Created, Replayed, Conflict, NotOwner, UnknownRange, OutsideRange, Failed };
    struct QueueTicketResult
    {
        QueueOutcome outcome = QueueOutcome::Failed;
        QueueTicket ticket;
        QString error;
    };
    struct QueueRangeResult
    {
        QueueOutcome outcome = QueueOutcome::Failed;
        QueueRange range;
        QString error;
    };
    struct QueueReportResult
    {
        QueueOutcome outcome = QueueOutcome::Failed;
        QueueRange range;
        QList<int> counted; // numbers counted in the queue now
        QList<int> already; // numbers the platform had counted before (a repeated report)
        int badIndex = -1;  // OutsideRange: the index of the first number outside the range
        QString error;
    };
    static QString formatTicketNumber(const QString &prefix, int number);
    // People waiting for a counter service on a day (every ticket counted; the simulator calls nobody).
    int waitingCount(const QString &centerId, const QString &serviceId, const QString &day, QString *error) const;
    // A ticket for the key (idempotent per center + key: the same key again is Replayed with the same ticket,
    // or Conflict when bodySha differs).
    QueueTicketResult takeTicket(const QString &centerId, const QString &serviceId, const QString &prefix,
                                 const QString &day, const QString &idempotencyKey, const QString &bodySha,
                                 const QString &owner);
    // `size` numbers of the day's sequence reserved for the owner's offline tickets (idempotent per key).
    QueueRangeResult grantRange(const QString &centerId, const QString &serviceId, const QString &day, int size,
                                const QString &idempotencyKey, const QString &bodySha, const QString &owner);
    // The numbers a kiosk issued offline from one of its ranges (number, issued_at): each counted once;
    // a number outside the range refuses the whole report (OutsideRange), another kiosk's range NotOwner.
    QueueReportResult reportIssued(const QString &centerId, const QString &rangeId, const QString &prefix,
                                   const QList<QPair<int, QString>> &tickets, const QString &owner);

    std::optional<QueueRange> queueRange(const QString &centerId, const QString &rangeId, QString *error) const
    {
        return findRange(QStringLiteral("range_id"), rangeId, centerId, nullptr, error);
    }

    // ---- Appointment check-in (PlatformStoreAppointments.cpp; docs/platform-api.md) ----
    struct Appointment
    {
        QString appointmentId;
        QString centerId;
        QString serviceId; // a counter service (QueueServices)
        QString code;      // what the resident's QR code carries
        QDateTime slotStart;
        QDateTime slotEnd;
    };
    enum class CheckIn { CheckedIn, Replayed, NotFound, WrongCenter, TooEarly, TooLate, AlreadyUsed, Failed };
    struct CheckInResult
    {
        CheckIn outcome = CheckIn::Failed;
        Appointment appointment;
        QJsonObject answer; // CheckedIn / Replayed / AlreadyUsed: the check-in's answer
        QString error;
    };
    bool addAppointment(const Appointment &appointment, QString *error);
    // Checks the appointment with `code` in at `now` (from earlyMinutes before its slot to its end) and issues
    // its queue ticket in the same transaction; answerFor builds the stored answer from the ticket.
    CheckInResult checkIn(const QString &centerId, const QString &code, const QString &key, const QDateTime &now,
                          int earlyMinutes, const std::function<QString(const QString &serviceId)> &prefixFor,
                          const std::function<QJsonObject(const QueueTicket &)> &answerFor, const QString &owner);

    // ---- Certificates (PlatformStoreCertificates.cpp; docs/platform-api.md, "Certificates") ----
    struct StoredCertificate
    {
        QString bodySha;
        QString owner;
        QJsonObject answer; // the 201 answer as first given
    };
    // What the platform holds about a resident (replaces an earlier record).
    bool putResidentRecord(const QString &idType, const QString &idNumber, const QJsonObject &record,
                           QString *error);
    // No value: no record (or a database error in *error).
    std::optional<QJsonObject> residentRecord(const QString &idType, const QString &idNumber, QString *error) const;
    std::optional<StoredCertificate> certificateByKey(const QString &key, QString *error) const;
    std::optional<StoredCertificate> certificateByCode(const QString &code, QString *error) const;
    // Numbers the certificate (numberStem + the day's next 6-digit sequence), builds its answer with
    // answerFor(number) and stores it under the key, in one transaction. No value: *error.
    std::optional<QJsonObject> issueCertificate(const QString &type, const QString &numberStem, const QString &key,
                                                const QString &bodySha, const QString &owner,
                                                const std::function<QJsonObject(const QString &)> &answerFor,
                                                QString *error);
    // ---- E-licences (PlatformStoreLicences.cpp; docs/platform-api.md, "E-licences") ----
    struct HeldLicence
    {
        QString licenceId;
        QString holderIdType;   // "resident", "hk_mo_tw_permit", ... (the kiosk's card type codes)
        QString holderIdNumber; // personal: never logged
        QString type;           // "property_certificate", ...
        QString nameZh;
        QString nameEn;
        QString issuer;
        QString numberMasked;
        QString validUntil;     // yyyy-MM-dd or empty (no end)
        QString status;         // "valid" | "expired" | "revoked"
    };
    bool addLicence(const HeldLicence &licence, QString *error);
    // The holder's licences (all types; nullopt and *error on a database error).
    std::optional<QList<HeldLicence>> licencesOf(const QString &idType, const QString &idNumber, QString *error) const;
    // One licence by id (nullopt: unknown, or a database error with *error set).
    std::optional<HeldLicence> findLicence(const QString &licenceId, QString *error) const;

    // ---- Case progress (PlatformStoreProgress.cpp; docs/platform-api.md, "Case progress") ----
    struct StatusEntry
    {
        QString status;
        QString at;   // ISO 8601 UTC with milliseconds
        QString note; // a short public note (never personal data), may be empty
    };
    struct CaseProgress
    {
        QString caseId;
        QString caseNumber;
        QString serviceId;
        QString status; // the current status
        QString receivedAt;
        QString updatedAt; // when the current status was set
        QList<StatusEntry> history; // oldest first, at most maxHistory (the latest ones)
    };
    static constexpr int maxHistory = 50;
    // received accepted in_review more_materials_needed approved rejected completed
    static const QStringList &caseStatuses();
    std::optional<CaseProgress> progressOfCase(const QString &caseId, QString *error) const;
    std::optional<CaseProgress> progressOfNumber(const QString &caseNumber, QString *error) const;
    // The applicant's cases (by form.id_number), newest first, at most `limit`; *more when there are others.
    QList<CaseProgress> casesOfApplicant(const QString &idNumber, int limit, bool *more, QString *error) const;
    // The case's status becomes `status` at `at` (a history entry with the note); the test hook's work.
    bool setCaseStatus(const QString &caseId, const QString &status, const QString &at, const QString &note,
                       QString *error);

private:
    static const char *queueSchemaV6();
    static const char *appointmentSchemaV7();
    static const char *progressSchemaV8();
    static const char *certificateSchemaV9();
    static const char *licenceSchemaV10();
    // In put()'s transaction, for a new case: its applicant's ID number and its first history entry.
    bool recordReceived(const QString &caseId, const QString &receivedAt, QString *error);
    std::optional<CaseProgress> readProgress(const char *where, const QString &value, QString *error) const;
    std::optional<StoredCertificate> certificateBy(const char *column, const QString &value, QString *error) const;
    int takeNumbers(const QString &centerId, const QString &serviceId, const QString &day, int count, QString *error);
    std::optional<QueueRange> findRange(const QString &where, const QString &value, const QString &centerId,
                                        QString *bodySha, QString *error) const;
    explicit PlatformStore(sqlite3 *db, QString filePath);
    PutResult put(const char *table, const QString &caseId, const QByteArray &canonicalBody,
                  const QList<CaseAttachment> &attachments, const QString &owner, const QString &caseNumberOrKey);
    QString nextPlatformRef(const QString &day, QString *error);
    Upload checkOwner(const QString &caseId, const QString &owner, QString *error) const;
    std::optional<UploadState> readUpload(const QString &caseId, int sequence, QString *declarationSha,
                                          QByteArray *received, QString *error) const;

    sqlite3 *m_db;
    QString m_filePath;
};
