#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>

class Database;
class FieldCipher;
class KeyProvider;

// A case as the resident submitted it. `form` holds the field values (personal data).
struct CaseSubmission
{
    QString id;         // UUID, the idempotency key towards the platform
    QString caseNumber; // human-readable, printed on the receipt
    QString serviceId;
    QString centerId;
    QDateTime submittedAt; // UTC
    QJsonObject form;
    QString language;   // "zh_CN" / "en"
    QDateTime purgedAt; // set (by the store) when retention removed the form: `form` is then empty
    // How the resident was identified: "card" | "personal_code" | "staff_confirmed" ("" = not said). Goes to
    // the platform in the submission body (identity_method); not a column of the cases table.
    QString identityMethod;
    // The e-licences (电子证照) the resident picked instead of paper: the platform's licence ids, sent in the
    // case body as "licences", with whose they are as "licence_holder" {"id_type", "id_number"} (both
    // omitted when no licence was picked; the platform refuses licences of another resident). Stored sealed
    // (schema 9, cases.licences_sealed) and forgotten by retention with the form.
    QStringList licenceIds;
    QString licenceHolderIdType;   // IdCardData::cardTypeCode of the identified resident ("resident", ...)
    QString licenceHolderIdNumber; // personal
};

// A rating as stored.
struct RatingRecord
{
    int level = 0;
    QStringList indicators; // what a poor rating said was wrong (GB/T 39734 indicator ids), in order
    QString comment;
    QDateTime ratedAt;
    QString idempotencyKey; // the rating's own key towards the platform (its outbox item's); empty if unknown
};

// One attachment of a case (a photographed page, the resident's photo, or a PDF of the pages). The store
// numbers them 1, 2, ... in the order given (sequence) and keeps the SHA-256 of the bytes.
struct StoredAttachment
{
    QString name;     // "page-1.jpg", "photo.jpg", "document.pdf"
    QString mimeType; // "image/jpeg", "image/png", "application/pdf"
    QByteArray data;
    QString kind; // "page" | "photo" | "pdf"; empty = from the MIME type (PDF -> "pdf", else "page")
};

// An attachment as stored (schema version 3).
struct AttachmentRecord
{
    int sequence = 0; // 1-based, per case
    QString kind;
    QString name;
    QString mimeType;
    QByteArray data;
    QString sha256; // lowercase hex of data
};

// Parked: refused by the platform for good (400/422), kept with the reason for staff (Rejected is its old
// name).
enum class SyncState { Unknown, Pending, Synced, Parked, Rejected = Parked };

struct OutboxItem
{
    qint64 seq = 0;         // upload order
    QString kind;           // "case", "attachment" (schema 6) or "rating"
    QString refId;          // case id
    QString idempotencyKey; // the item's own: a case's id; a rating's own UUID, made when it was stored
    QByteArray body; // the exact JSON body to PUT (stable across retries; decrypted, attachments filled in)
    int attempts = 0;
    QDateTime nextAttemptAt; // UTC; invalid = now
    QString lastError;
    qint64 uploadOffset = 0; // an attachment: the bytes the platform has acknowledged (resume from here)
};

// The answer to "what should be sent now?" (CaseStore::nextDueOutboxItem). A failed read is Failed, never
// taken for an empty queue.
struct OutboxRead
{
    enum class Status { Due, NothingDue, Failed };
    Status status = Status::Failed;
    OutboxItem item;     // Due: the item to send now
    QDateTime nextDueAt; // NothingDue: when the earliest waiting item is due (invalid: nothing is waiting)
    QString error;       // Failed: what went wrong ("<file>: <what>: <sqlite's message>")
};

// A parked item, for staff (CaseStore::parkedItems, kioskctl outbox list).
struct ParkedItem
{
    qint64 seq = 0;
    QString kind;
    QString refId;      // case id
    QString caseNumber; // empty if the case row is gone
    QString reason;     // the platform's refusal as stored (may quote the resident's data: staff only)
    int attempts = 0;
    QDateTime createdAt;
    QDateTime parkedAt;
};

// What the kiosk knows of a case's progress (store schema 8), for the progress lookup offline: no personal
// data (the form is not read).
struct LocalCaseProgress
{
    QString caseId;
    QString caseNumber;
    QString serviceId;
    QDateTime submittedAt;     // UTC
    QString platformStatus;    // the status the platform last told ("received", "in_review", ...); empty: none yet
    QDateTime platformStatusAt; // when the kiosk learned it (UTC); invalid when platformStatus is empty
    bool sentToPlatform = false; // the case's outbox item is synced
};

// The kiosk's durable record: cases, attachments, ratings, an audit log and the outbox, in one sqlite
// file under the data directory (WAL, synchronous=FULL). Every write that the resident is told about is
// committed before the call returns true.
// Thread: one owner thread (the GUI thread in the skeleton); not thread-safe.
class CaseStore
{
public:
    static constexpr int schemaVersion = 9;

    ~CaseStore();
    // Opens (creating or migrating) DATA_DIR/cases.sqlite. A file from a newer schema, or one that cannot
    // be migrated, is never modified or deleted: null + error naming the file and the problem.
    // The personal values are sealed with the key from `keys` (docs/store.md, "Keys"); a missing or wrong key
    // is refused with a message naming the key file, and the store file is left alone (not quarantined).
    static std::unique_ptr<CaseStore> open(const QString &dataDir, KeyProvider &keys, QString *error);
    // The same with the default key file, FileKeyProvider::defaultPath(dataDir).
    static std::unique_ptr<CaseStore> open(const QString &dataDir, QString *error);

    QString filePath() const;
    int userVersion() const;

    // Quarantined copies of cases.sqlite in dataDir ("cases.sqlite.quarantine-<UTC time>"), which open()
    // made from damaged files. They may hold unsynced cases: staff must be told while any exist.
    static QStringList quarantinedFiles(const QString &dataDir);
    // Diagnostics (staff screen, tests): the connection's settings as sqlite reports them.
    QString journalMode() const;  // "wal"
    int synchronousLevel() const; // 2 = FULL; -1 if it cannot be read

    // Next case number for the kiosk on that local date:
    //   "<centerId>-<kioskId>-<yyyyMMdd>-<store epoch>-<4-digit seq>", e.g.
    //   "SH-XH-TLQ-K07-20240501-7Q3F-0001".
    // The counter runs per center and local day; the epoch (4 random base32 characters chosen when this
    // store file was made) keeps numbers unique across quarantine and reinstall (docs/store.md).
    QString nextCaseNumber(const QString &centerId, const QString &kioskId, const QDate &localDate,
                           QString *error);
    // This store file's epoch (StoreIdentity.h).
    QString storeEpoch() const { return m_epoch; }

    // One transaction: case row + attachments + outbox items (kind "case", then one "attachment" per
    // attachment, uploaded in chunks after the case) + audit entry.
    bool submitCase(const CaseSubmission &submission, const QVector<StoredAttachment> &attachments,
                    QString *error);
    // One transaction: rating row + outbox item (kind "rating") + audit entry. level 1..5 (5 = 非常满意).
    // The rating gets its own idempotency key (a new UUID), kept in its outbox row so that every retry
    // sends the same key (docs/platform-api.md, "Idempotency").
    bool addRating(const QString &caseId, int level, const QString &comment, QString *error);

    // The whole rating: `rating.indicators` are ids of lowercase letters and '_' (at most 10, no repeats),
    // the comment is sealed; an invalid ratedAt is now; an empty idempotencyKey gets a new UUID (recovery
    // keeps the original time and key, so the platform sees the same rating again, not a second one).
    bool addRating(const QString &caseId, const RatingRecord &rating, QString *error);

    std::optional<CaseSubmission> findCase(const QString &caseId) const;
    std::optional<RatingRecord> rating(const QString &caseId) const;
    // Cases with an outbox item that the platform does not have yet (pending or parked), oldest first.
    bool unsyncedCaseIds(QStringList *ids, QString *error) const;

    // Retention: every case whose outbox items are all synced, the last one at least `retentionMs` before
    // `now`, loses its personal data: the form, the attachment rows, the rating's comment, the outbox
    // bodies, answers and errors. A tombstone stays (id, number, service, center, language, times, outbox
    // states, rating level) with purged_at set. Unsynced cases are never purged. Returns the number of
    // cases purged, -1 + error on failure. Audited "case.purged <case id>".
    int purgeExpired(const QDateTime &now, qint64 retentionMs, QString *error);
    // The case's attachments in sequence order (empty when none or unreadable; the error is logged).
    QVector<AttachmentRecord> attachments(const QString &caseId) const;
    SyncState caseSyncState(const QString &caseId) const;

    // Outbox. Items stay until synced or parked; nothing is ever dropped silently.
    // The item to send now: the oldest pending item whose case item is synced (an attachment and a rating
    // wait for their case only, not for each other; independent cases never wait for each other) and whose next_attempt_at
    // has come (`ignoreSchedule`: whatever its time). A stored next_attempt_at later than now + maxDelayMs
    // (a clock that jumped, a Retry-After from a broken server) is clamped to now + maxDelayMs and written
    // back, so a restart never freezes sync. An item whose stored values cannot be read (damage) is parked
    // with the reason instead of blocking the others.
    OutboxRead nextDueOutboxItem(const QDateTime &now, qint64 maxDelayMs, bool ignoreSchedule = false);
    // Diagnostics and tests: the oldest pending item, whatever its schedule (nullopt if none or unreadable).
    std::optional<OutboxItem> nextOutboxItem() const;
    int pendingCount() const;
    bool markSynced(qint64 seq, const QByteArray &response, QString *error);
    // A permanent refusal by the platform: the item is parked with the reason, kept for staff (listed,
    // requeued, exported), not retried on its own. markRejected is its old name.
    bool markParked(qint64 seq, const QString &reason, QString *error);
    bool markRejected(qint64 seq, const QString &reason, QString *error)
    {
        return markParked(seq, reason, error);
    }
    // Parked items, oldest first. False + error if they cannot be read.
    bool parkedItems(QVector<ParkedItem> *items, QString *error) const;
    // Parked -> pending, due at once (attempts kept); audited "outbox.requeued <seq>".
    bool requeue(qint64 seq, QString *error);
    // The parked items as JSON for staff to hand on (docs/store.md, "Parked items"): ids, kinds, case
    // numbers, times, attempts and the HTTP status of the refusal; no form, body or reason text.
    bool exportParked(QByteArray *json, QString *error) const;
    bool recordFailedAttempt(qint64 seq, const QString &reason, const QDateTime &nextAttemptAt,
                             QString *error);
    // An attachment item: the platform has acknowledged `offset` bytes (persisted, so a restart resumes
    // there; 0 starts again with the declaration). Not personal data, not sealed.
    bool recordUploadOffset(qint64 seq, qint64 offset, QString *error);
    // The bytes of one attachment (decrypted; the row is sealed as one piece). Null + error if missing or
    // unreadable.
    std::optional<QByteArray> attachmentBytes(const QString &caseId, int sequence, QString *error) const;

    // Why the most recent write that failed did so, for staff alerts: "disk_full" (sqlite found no room to
    // write: the data folder's file system is full), "damaged" (sqlite reports a corrupt file), or "other"
    // (locked, constraint, I/O, an invalid value). Meaningful right after a call returned false.
    QString lastFailureCause() const;

    // ---- Progress lookup (CaseStoreProgress.cpp, schema 8) ----
    // A case by id or by case number; nullopt when there is none (or on a read error: *error says).
    std::optional<LocalCaseProgress> caseProgress(const QString &caseId, QString *error) const;
    std::optional<LocalCaseProgress> caseProgressByNumber(const QString &caseNumber, QString *error) const;
    // The cases whose applicant has this ID number (by the blind index; purged cases have none), newest
    // first, at most `limit`. False + error when they cannot be read.
    bool casesOfApplicant(const QString &idNumber, int limit, QVector<LocalCaseProgress> *cases,
                          QString *error) const;
    // The platform said the case's status is `status` (at `knownAt`, when the kiosk learned it); an older
    // knownAt than the stored one changes nothing. True also when the case is not in this store.
    bool recordPlatformStatus(const QString &caseId, const QString &status, const QDateTime &knownAt,
                              QString *error);

    // Audit log: events and ids only, never personal data.
    bool audit(const QString &event, const QString &detail, QString *error = nullptr);
    int auditCount() const;

private:
    CaseStore(std::unique_ptr<Database> db, std::unique_ptr<FieldCipher> cipher, QString epoch);
    QByteArray seal(const char *tableColumn, const QString &row, const QByteArray &plain) const;
    bool readOutboxValues(const QByteArray &sealedBody, const QByteArray &sealedError, OutboxItem *item,
                          QString *error) const;
    std::optional<QByteArray> unseal(const char *tableColumn, const QString &row, const QByteArray &sealed,
                                     QString *error) const;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FieldCipher> m_cipher;
    QString m_epoch;
};
