#include "Migrations.h"

#include "ApplicantIndex.h"
#include "Database.h"
#include "FieldCipher.h"
#include "OutboxBodies.h"
#include "StoreLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <iterator>

// ---- Version 1: the first schema ----------------------------------------------------------------------
// Times are ISO 8601 UTC text with milliseconds ("2024-05-01T08:30:00.000Z"), so they sort as text.
static bool migrateTo1(Database &db, const FieldCipher *, QString *error)
{
    return db.exec(R"sql(
CREATE TABLE cases (
    id           TEXT PRIMARY KEY,
    case_number  TEXT UNIQUE NOT NULL,
    service_id   TEXT NOT NULL,
    center_id    TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    language     TEXT NOT NULL,
    form_json    TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL,
    ref_id     TEXT NOT NULL,
    body       BLOB NOT NULL,
    created_at TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    synced_at  TEXT,
    response   BLOB
);
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    event  TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE TABLE case_number_seq (
    center_id TEXT NOT NULL,
    day       TEXT NOT NULL,
    last_seq  INTEGER NOT NULL,
    PRIMARY KEY (center_id, day)
);
)sql",
                   "create schema version 1", error);
}

// ---- Version 2: attachments, ratings, outbox states and retry times -----------------------------------
static bool migrateTo2(Database &db, const FieldCipher *, QString *error)
{
    return db.exec(R"sql(
CREATE TABLE attachments (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id   TEXT NOT NULL REFERENCES cases(id),
    name      TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    data      BLOB NOT NULL
);
CREATE INDEX attachments_case_id ON attachments(case_id);
CREATE TABLE ratings (
    case_id    TEXT PRIMARY KEY REFERENCES cases(id),
    level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    comment    TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'pending'
    CHECK (state IN ('pending', 'synced', 'rejected'));
UPDATE outbox SET state = 'synced' WHERE synced_at IS NOT NULL;
CREATE INDEX outbox_state_seq ON outbox(state, seq);
)sql",
                   "create schema version 2", error);
}

// ---- Version 3: attachments numbered per case, with a kind and the SHA-256 of their bytes ------------
// Rebuilt rather than altered (NOT NULL columns without a default cannot be added). Existing rows keep
// their order (by id) as sequence 1, 2, ... per case; kind comes from the MIME type (PDF -> pdf, else
// page: version 2 had no photos); sha256 is computed here, since sqlite has no SHA-256 function.
static bool migrateTo3(Database &db, const FieldCipher *, QString *error)
{
    if (!db.exec(R"sql(
CREATE TABLE attachments_v3 (
    case_id   TEXT NOT NULL REFERENCES cases(id),
    sequence  INTEGER NOT NULL CHECK (sequence >= 1),
    kind      TEXT NOT NULL CHECK (kind IN ('page', 'photo', 'pdf')),
    name      TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    data      BLOB NOT NULL,
    sha256    TEXT NOT NULL,
    PRIMARY KEY (case_id, sequence)
);
)sql",
                 "create attachments version 3", error))
        return false;
    {
        std::optional<Statement> select =
            db.prepare("SELECT case_id, name, mime_type, data FROM attachments ORDER BY case_id, id",
                       "read attachments version 2", error);
        if (!select)
            return false;
        QString lastCase;
        int sequence = 0;
        Statement::Step step;
        while ((step = select->step(error)) == Statement::Step::Row) {
            const QString caseId = select->text(0);
            sequence = caseId == lastCase ? sequence + 1 : 1;
            lastCase = caseId;
            const QString mime = select->text(2);
            const QByteArray data = select->blob(3);
            std::optional<Statement> insert = db.prepare(
                "INSERT INTO attachments_v3 (case_id, sequence, kind, name, mime_type, data, sha256) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                "copy attachment to version 3", error);
            if (!insert)
                return false;
            insert->bind(1, caseId)
                .bind(2, sequence)
                .bind(3, attachmentKind({QString(), mime, QByteArray(), QString()}));
            insert->bind(4, select->text(1)).bind(5, mime).bindBlob(6, data).bind(7, attachmentSha256(data));
            if (!insert->run(error))
                return false;
        }
        if (step == Statement::Step::Failed)
            return false;
    }
    return db.exec(R"sql(
DROP INDEX attachments_case_id;
DROP TABLE attachments;
ALTER TABLE attachments_v3 RENAME TO attachments;
)sql",
                   "replace attachments with version 3", error);
}

// ---- Version 4: store identity, encryption at rest, outbox semantics ---------------------------------
// - store_meta: the store's epoch (StoreIdentity.h) and the key check (FieldCipher.h).
// - outbox rebuilt: 'rejected' becomes 'parked' (with parked_at), every item gets its own idempotency key
//   (a case: its id; a rating: "<case id>/rating").
// - every personal value is sealed in place (cases.form_json, attachments.data, outbox.body, .response,
//   .last_error, ratings.comment), each with its row as associated data.
// - case bodies of version 3 (with "sequence" and "data") lose their base64 copies: the bytes are taken from
//   the attachment rows at send time (OutboxBodies.h), which gives the same bytes (checked here per body;
//   a body that would not come back identical keeps its data).
// The caller VACUUMs and truncates the WAL afterwards (not possible inside this transaction).

QByteArray keyCheckPlaintext()
{
    return QByteArrayLiteral("onestop case store key check v1");
}

// Runs `update` for each row of `select` (column 0: the row's id as text, column 1: the value), sealing
// the value with "<tableColumn>|<id>" as associated data. `update` binds ?1 = sealed, ?2 = id.
static bool sealColumn(Database &db, const FieldCipher &cipher, const char *tableColumn, const char *select,
                       const char *update, QString *error)
{
    std::optional<Statement> rows = db.prepare(select, "read values to encrypt", error);
    if (!rows)
        return false;
    Statement::Step step;
    while ((step = rows->step(error)) == Statement::Step::Row) {
        const QString id = rows->text(0);
        if (rows->isNull(1))
            continue;
        const QByteArray sealed = cipher.seal(rows->blob(1), FieldCipher::associatedData(tableColumn, id));
        std::optional<Statement> write = db.prepare(update, "encrypt a value", error);
        if (!write || !write->bindBlob(1, sealed).bind(2, id).run(error))
            return false;
    }
    return step != Statement::Step::Failed;
}

// A version-3 case body without its attachments' data, if putting the data back gives the same bytes.
static QByteArray withoutAttachmentData(Database &db, const QString &caseId, const QByteArray &body)
{
    QString error;
    const QByteArray stripped = stripAttachmentData(body);
    if (stripped == body)
        return body;
    std::optional<Statement> select =
        db.prepare("SELECT sequence, data, sha256 FROM attachments WHERE case_id = ?1 ORDER BY sequence",
                   "read attachments", &error);
    if (!select)
        return body;
    select->bind(1, caseId);
    QVector<AttachmentRecord> records;
    while (select->step(&error) == Statement::Step::Row) {
        AttachmentRecord record;
        record.sequence = int(select->integer(0));
        record.data = select->blob(1);
        record.sha256 = select->text(2);
        records.append(record);
    }
    const std::optional<QByteArray> assembled = assembleCaseBody(stripped, records, &error);
    return assembled && *assembled == body ? stripped : body;
}

static bool migrateTo4(Database &db, const FieldCipher *cipher, QString *error)
{
    if (!cipher) {
        if (error)
            *error = QStringLiteral("%1: migrate to version 4: no store key was given").arg(db.filePath());
        return false;
    }
    if (!db.exec(R"sql(
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
CREATE TABLE outbox_v4 (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL,
    ref_id          TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    body            BLOB NOT NULL,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      BLOB,
    next_attempt_at TEXT,
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'synced', 'parked')),
    synced_at       TEXT,
    parked_at       TEXT,
    response        BLOB
);
INSERT INTO outbox_v4 (seq, kind, ref_id, idempotency_key, body, created_at, attempts, last_error,
                       next_attempt_at, state, synced_at, parked_at, response)
    SELECT seq, kind, ref_id, CASE kind WHEN 'rating' THEN ref_id || '/rating' ELSE ref_id END, body,
           created_at, attempts, last_error, next_attempt_at,
           CASE state WHEN 'rejected' THEN 'parked' ELSE state END, synced_at,
           CASE state WHEN 'rejected' THEN created_at END, response
    FROM outbox;
DROP INDEX outbox_state_seq;
DROP TABLE outbox;
ALTER TABLE outbox_v4 RENAME TO outbox;
CREATE INDEX outbox_state_seq ON outbox(state, seq);
CREATE INDEX outbox_ref_id ON outbox(ref_id, seq);
ALTER TABLE cases ADD COLUMN purged_at TEXT;
)sql",
                 "create schema version 4", error))
        return false;
    {
        std::optional<Statement> check = db.prepare(
            "INSERT INTO store_meta (key, value) VALUES ('key_check', ?1)", "store the key check", error);
        if (!check ||
            !check
                 ->bindBlob(1, cipher->seal(keyCheckPlaintext(),
                                            FieldCipher::associatedData("store_meta.key_check", QString())))
                 .run(error))
            return false;
    }
    {
        // Case bodies lose their attachment copies before they are sealed.
        std::optional<Statement> bodies =
            db.prepare("SELECT seq, ref_id, body FROM outbox WHERE kind = 'case'", "read case bodies", error);
        if (!bodies)
            return false;
        Statement::Step step;
        while ((step = bodies->step(error)) == Statement::Step::Row) {
            const QByteArray body = bodies->blob(2);
            const QByteArray slim = withoutAttachmentData(db, bodies->text(1), body);
            if (slim == body)
                continue;
            std::optional<Statement> write =
                db.prepare("UPDATE outbox SET body = ?1 WHERE seq = ?2", "drop attachment copies", error);
            if (!write || !write->bindBlob(1, slim).bind(2, bodies->integer(0)).run(error))
                return false;
        }
        if (step == Statement::Step::Failed)
            return false;
    }
    return sealColumn(db, *cipher, "cases.form_json", "SELECT id, CAST(form_json AS BLOB) FROM cases",
                      "UPDATE cases SET form_json = ?1 WHERE id = ?2", error) &&
           sealColumn(db, *cipher, "attachments.data",
                      "SELECT case_id || '|' || sequence, data FROM attachments",
                      "UPDATE attachments SET data = ?1 WHERE case_id || '|' || sequence = ?2", error) &&
           sealColumn(db, *cipher, "outbox.body", "SELECT seq, body FROM outbox",
                      "UPDATE outbox SET body = ?1 WHERE seq = ?2", error) &&
           sealColumn(db, *cipher, "outbox.response", "SELECT seq, response FROM outbox",
                      "UPDATE outbox SET response = ?1 WHERE seq = ?2", error) &&
           sealColumn(db, *cipher, "outbox.last_error", "SELECT seq, CAST(last_error AS BLOB) FROM outbox",
                      "UPDATE outbox SET last_error = ?1 WHERE seq = ?2", error) &&
           sealColumn(db, *cipher, "ratings.comment", "SELECT case_id, CAST(comment AS BLOB) FROM ratings",
                      "UPDATE ratings SET comment = ?1 WHERE case_id = ?2", error);
}

// ---- Version 5: a rating has its own idempotency key --------------------------------------------------
// New ratings get a UUID as their key (CaseStore::addRating). A rating stored before kept "<case id>/rating"
// in its outbox row but was sent with the case id as its key; that is the key the platform may already
// hold, so it becomes the row's key and a retry after the upgrade is still the same request.
static bool migrateTo5(Database &db, const FieldCipher *, QString *error)
{
    return db.exec("UPDATE outbox SET idempotency_key = ref_id WHERE kind = 'rating' AND idempotency_key = "
                   "ref_id || '/rating'",
                   "rating keys", error);
}

// ---- Version 6: attachments upload on their own, resumable --------------------------------------------
// Each attachment of a new case is its own outbox item (kind "attachment", after its case); upload_offset is
// the number of its bytes the platform has acknowledged, so a restart resumes there (docs/store.md). Pending
// case bodies of earlier versions keep their attachment entries and are still sent inline (the platform
// accepts both). A file whose outbox already has the column (made by a later build and marked older by
// hand) is left as it is.
static bool migrateTo6(Database &db, const FieldCipher *, QString *error)
{
    const std::optional<qint64> present = db.queryInteger(
        "SELECT count(*) FROM pragma_table_info('outbox') WHERE name = 'upload_offset'", "outbox columns", error);
    if (!present)
        return false;
    if (*present > 0)
        return true;
    return db.exec("ALTER TABLE outbox ADD COLUMN upload_offset INTEGER NOT NULL DEFAULT 0", "upload offsets",
                   error);
}

// ---- Version 7: what a poor rating says was wrong -------------------------------------------------------
// ratings.indicators: the GB/T 39734 indicators the resident picked (ids such as "efficiency", comma
// separated; empty for a rating without them and for every rating stored before). Ids only, no personal
// data: not sealed, kept by retention.
static bool migrateTo7(Database &db, const FieldCipher *, QString *error)
{
    const std::optional<qint64> present = db.queryInteger(
        "SELECT count(*) FROM pragma_table_info('ratings') WHERE name = 'indicators'", "ratings columns", error);
    if (!present)
        return false;
    if (*present > 0)
        return true;
    return db.exec("ALTER TABLE ratings ADD COLUMN indicators TEXT NOT NULL DEFAULT ''", "rating indicators",
                   error);
}

// ---- Version 8: progress lookup --------------------------------------------------------------------------
// cases.platform_status / platform_status_at: the case's status as the platform last told it, and when the
// kiosk learned it (the sync's answer to the case's PUT, an online progress lookup). Not personal.
// cases.applicant_index: the keyed blind index of the applicant's ID number (ApplicantIndex.h), never the
// number itself, so that a card finds its cases offline; filled here from each readable form (a purged case
// has none and stays unindexed). Synced cases start as "received" at their sync time, which is what the
// platform answered then. Self-contained: reads the sealed forms with `cipher` itself.
static bool migrateTo8(Database &db, const FieldCipher *cipher, QString *error)
{
    if (!cipher) {
        if (error)
            *error = QStringLiteral("%1: migrate to version 8: no store key was given").arg(db.filePath());
        return false;
    }
    // A file that already has the columns (made by a later build and marked older by hand) is left as it is.
    const std::optional<qint64> present = db.queryInteger(
        "SELECT count(*) FROM pragma_table_info('cases') WHERE name = 'applicant_index'", "cases columns", error);
    if (!present)
        return false;
    if (*present > 0)
        return true;
    if (!db.exec(R"sql(
ALTER TABLE cases ADD COLUMN platform_status TEXT;
ALTER TABLE cases ADD COLUMN platform_status_at TEXT;
ALTER TABLE cases ADD COLUMN applicant_index BLOB;
CREATE INDEX cases_applicant_index ON cases(applicant_index);
UPDATE cases SET platform_status = 'received',
    platform_status_at = (SELECT synced_at FROM outbox WHERE outbox.kind = 'case' AND outbox.ref_id = cases.id
                          AND outbox.state = 'synced')
    WHERE EXISTS (SELECT 1 FROM outbox WHERE outbox.kind = 'case' AND outbox.ref_id = cases.id
                  AND outbox.state = 'synced');
)sql",
                 "progress lookup columns", error))
        return false;
    std::optional<Statement> forms =
        db.prepare("SELECT id, form_json FROM cases WHERE purged_at IS NULL", "read forms to index", error);
    if (!forms)
        return false;
    Statement::Step step;
    while ((step = forms->step(error)) == Statement::Step::Row) {
        const QString id = forms->text(0);
        const std::optional<QByteArray> plain =
            cipher->open(forms->blob(1), FieldCipher::associatedData("cases.form_json", id));
        if (!plain)
            continue; // unreadable: left unindexed (the case itself is reported where it is read)
        const QByteArray index =
            ApplicantIndex::of(*cipher, ApplicantIndex::idNumberOf(QJsonDocument::fromJson(*plain).object()));
        if (index.isEmpty())
            continue;
        std::optional<Statement> write =
            db.prepare("UPDATE cases SET applicant_index = ?1 WHERE id = ?2", "index an applicant", error);
        if (!write || !write->bindBlob(1, index).bind(2, id).run(error))
            return false;
    }
    return step != Statement::Step::Failed;
}

// ---- Version 9: e-licences referenced by a case ---------------------------------------------------------
// cases.licences_sealed: the e-licences (电子证照) the resident picked, {"ids": [...], "id_type", "id_number"}
// (whose they are) sealed like the form ("cases.licences_sealed"); NULL when none were picked and for every case stored before. Purged by
// retention with the form. Self-contained: a file whose cases already have the column is left as it is.
static bool migrateToLicences(Database &db, const FieldCipher *, QString *error)
{
    const std::optional<qint64> present = db.queryInteger(
        "SELECT count(*) FROM pragma_table_info('cases') WHERE name = 'licences_sealed'", "cases columns", error);
    if (!present)
        return false;
    if (*present > 0)
        return true;
    return db.exec("ALTER TABLE cases ADD COLUMN licences_sealed BLOB", "case licences", error);
}

// ---- The list ------------------------------------------------------------------------------------------
// Append only. Entry i migrates from version i to version i + 1.
using MigrationFunction = bool (*)(Database &, const FieldCipher *, QString *);
static const MigrationFunction kMigrations[] = {
    migrateTo1,
    migrateTo2,
    migrateTo3,
    migrateTo4,
    migrateTo5,
    migrateTo6,
    migrateTo7,
    migrateTo8,
    migrateToLicences, // 9
};

int latestSchemaVersion()
{
    return int(std::size(kMigrations));
}

static bool applyOne(Database &db, int version, const FieldCipher *cipher, QString *error)
{
    std::optional<Transaction> transaction = db.begin("migration", error);
    if (!transaction)
        return false;
    // Read inside the write lock: another process may have migrated since we last looked.
    const std::optional<int> current = db.userVersion(error);
    if (!current)
        return false;
    if (*current >= version)
        return true;
    if (*current != version - 1) {
        if (error)
            *error = QStringLiteral("%1: migrate to version %2: the file is at version %3")
                         .arg(db.filePath())
                         .arg(version)
                         .arg(*current);
        return false;
    }
    QString stepError;
    if (!kMigrations[version - 1](db, cipher, &stepError) || !db.setUserVersion(version, &stepError) ||
        !transaction->commit(&stepError)) {
        if (error)
            *error = QStringLiteral("%1 (while migrating to schema version %2)").arg(stepError).arg(version);
        return false;
    }
    qCInfo(lcStore) << "migrated" << db.filePath() << "to schema version" << version;
    return true;
}

bool migrateDatabase(Database &db, int targetVersion, const FieldCipher *cipher, QString *error)
{
    const std::optional<int> current = db.userVersion(error);
    if (!current)
        return false;
    if (*current > targetVersion) {
        if (error)
            *error = QStringLiteral("%1: schema version %2 is newer than version %3 that this build knows")
                         .arg(db.filePath())
                         .arg(*current)
                         .arg(targetVersion);
        return false;
    }
    if (targetVersion > latestSchemaVersion()) {
        if (error)
            *error = QStringLiteral("%1: no migration to schema version %2 (the latest is %3)")
                         .arg(db.filePath())
                         .arg(targetVersion)
                         .arg(latestSchemaVersion());
        return false;
    }
    for (int version = *current + 1; version <= targetVersion; ++version) {
        if (!applyOne(db, version, cipher, error))
            return false;
    }
    return true;
}
