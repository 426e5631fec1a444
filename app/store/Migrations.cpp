#include "Migrations.h"

#include "Database.h"
#include "OutboxBodies.h"
#include "StoreLog.h"

#include <iterator>

// ---- Version 1: the first schema ----------------------------------------------------------------------
// Times are ISO 8601 UTC text with milliseconds ("2024-05-01T08:30:00.000Z"), so they sort as text.
static bool migrateTo1(Database &db, QString *error)
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
static bool migrateTo2(Database &db, QString *error)
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
static bool migrateTo3(Database &db, QString *error)
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
        std::optional<Statement> select = db.prepare(
            "SELECT case_id, name, mime_type, data FROM attachments ORDER BY case_id, id", "read attachments version 2", error);
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
            insert->bind(1, caseId).bind(2, sequence).bind(3, attachmentKind({QString(), mime, QByteArray(), QString()}));
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
// store_meta holds the store's epoch (a random part of every case number, see StoreIdentity.h).
static bool migrateTo4(Database &db, QString *error)
{
    return db.exec(R"sql(
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
)sql",
                   "create schema version 4", error);
}

// ---- The list ------------------------------------------------------------------------------------------
// Append only. Entry i migrates from version i to version i + 1.
using MigrationFunction = bool (*)(Database &, QString *);
static const MigrationFunction kMigrations[] = {
    migrateTo1,
    migrateTo2,
    migrateTo3,
    migrateTo4,
};

int latestSchemaVersion()
{
    return int(std::size(kMigrations));
}

static bool applyOne(Database &db, int version, QString *error)
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
    if (!kMigrations[version - 1](db, &stepError) || !db.setUserVersion(version, &stepError) ||
        !transaction->commit(&stepError)) {
        if (error)
            *error = QStringLiteral("%1 (while migrating to schema version %2)").arg(stepError).arg(version);
        return false;
    }
    qCInfo(lcStore) << "migrated" << db.filePath() << "to schema version" << version;
    return true;
}

bool migrateDatabase(Database &db, int targetVersion, QString *error)
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
        if (!applyOne(db, version, error))
            return false;
    }
    return true;
}
