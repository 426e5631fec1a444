#include "PlatformStore.h"

#include <QCryptographicHash>
#include <QDateTime>

#include "SimSqlite.h"

#include <sqlite3.h>

namespace {

using simsql::exec;
using simsql::Statement;

const char *const schemaV1 = R"SQL(
CREATE TABLE IF NOT EXISTS cases(
    case_id      TEXT PRIMARY KEY,
    body_sha256  TEXT NOT NULL,
    body         BLOB NOT NULL,
    received_at  TEXT NOT NULL,
    platform_ref TEXT NOT NULL UNIQUE,
    status       TEXT NOT NULL DEFAULT 'received'
);
CREATE TABLE IF NOT EXISTS ratings(
    case_id      TEXT PRIMARY KEY REFERENCES cases(case_id),
    body_sha256  TEXT NOT NULL,
    body         BLOB NOT NULL,
    received_at  TEXT NOT NULL
);
PRAGMA user_version = 1;
)SQL";

const char *const schemaV2 = R"SQL(
CREATE TABLE IF NOT EXISTS attachments(
    case_id   TEXT NOT NULL REFERENCES cases(case_id),
    sequence  INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    name      TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    size      INTEGER NOT NULL,
    sha256    TEXT NOT NULL,
    data      BLOB NOT NULL,
    PRIMARY KEY (case_id, sequence)
);
PRAGMA user_version = 2;
)SQL";

// Each case is bound to the kiosk (client certificate CN) that first sent it; case numbers are looked up
// (not UNIQUE: a database from before version 3 may hold the same number twice).
const char *const schemaV3 = R"SQL(
ALTER TABLE cases ADD COLUMN owner TEXT;
ALTER TABLE cases ADD COLUMN case_number TEXT;
UPDATE cases SET case_number = json_extract(body, '$.case_number');
CREATE INDEX IF NOT EXISTS cases_by_number ON cases(case_number);
PRAGMA user_version = 3;
)SQL";

// A rating has its own idempotency key (docs/platform-api.md, section 5). Ratings stored before version 4
// were sent with the case id as their key, so that is the key they keep.
const char *const schemaV4 = R"SQL(
ALTER TABLE ratings ADD COLUMN idempotency_key TEXT;
UPDATE ratings SET idempotency_key = case_id;
PRAGMA user_version = 4;
)SQL";

// Attachments uploaded on their own, in chunks (docs/platform-api.md, "Attachment uploads"): one row per
// declared attachment with the bytes received so far; once complete and checked, the attachment moves to
// `attachments` (as inline ones are) and `received` is emptied. chunk_log records every chunk request the
// platform was sent (ids, offsets, lengths and outcomes, no bytes): the tests read it.
const char *const schemaV5 = R"SQL(
CREATE TABLE IF NOT EXISTS attachment_uploads(
    case_id            TEXT NOT NULL REFERENCES cases(case_id),
    sequence           INTEGER NOT NULL,
    declaration_sha256 TEXT NOT NULL,
    kind               TEXT NOT NULL,
    name               TEXT NOT NULL,
    mime_type          TEXT NOT NULL,
    size               INTEGER NOT NULL,
    sha256             TEXT NOT NULL,
    received           BLOB NOT NULL,
    declared_at        TEXT NOT NULL,
    completed_at       TEXT,
    PRIMARY KEY (case_id, sequence)
);
CREATE TABLE IF NOT EXISTS chunk_log(
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id  TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    offset   INTEGER NOT NULL,
    length   INTEGER NOT NULL,
    outcome  TEXT NOT NULL,
    at       TEXT NOT NULL
);
PRAGMA user_version = 5;
)SQL";

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace

PlatformStore::PlatformStore(sqlite3 *db, QString filePath) : m_db(db), m_filePath(std::move(filePath)) { }

PlatformStore::~PlatformStore()
{
    sqlite3_close(m_db);
}

std::unique_ptr<PlatformStore> PlatformStore::open(const QString &filePath, QString *error)
{
    sqlite3 *db = nullptr;
    const QByteArray path = filePath.toUtf8();
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        if (error)
            *error = QStringLiteral("%1: open: %2").arg(filePath, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000); // tests read the file while the simulator runs
    QString why;
    int version = -1;
    {
        Statement s(db, "PRAGMA user_version");
        if (s.ok() && s.step() == SQLITE_ROW)
            version = int(s.integer(0));
    }
    bool ok = version >= 0 && version <= 10;
    if (!ok)
        why = version < 0 ? QStringLiteral("cannot read user_version (not a sqlite database?)")
                          : QStringLiteral("schema version %1 is newer than this simulator (10)").arg(version);
    ok = ok && exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", &why);
    ok = ok && (version >= 1 || exec(db, schemaV1, &why));
    ok = ok && (version >= 2 || exec(db, schemaV2, &why));
    ok = ok && (version >= 3 || exec(db, schemaV3, &why));
    ok = ok && (version >= 4 || exec(db, schemaV4, &why));
    ok = ok && (version >= 5 || exec(db, schemaV5, &why));
    ok = ok && (version >= 6 || exec(db, queueSchemaV6(), &why));
    ok = ok && (version >= 7 || exec(db, appointmentSchemaV7(), &why));
    // The column may be there already in a file whose version was set back (the API tests do): added once.
    ok = ok && (version >= 8 ||
                ((sqlite3_exec(db, "SELECT applicant_id_number FROM cases LIMIT 0", nullptr, nullptr, nullptr) ==
                      SQLITE_OK ||
                  exec(db, "ALTER TABLE cases ADD COLUMN applicant_id_number TEXT;", &why)) &&
                 exec(db, progressSchemaV8(), &why)));
    ok = ok && (version >= 9 || exec(db, certificateSchemaV9(), &why));
    ok = ok && (version >= 10 || exec(db, licenceSchemaV10(), &why));
    if (!ok) {
        if (error)
            *error = QStringLiteral("%1: schema: %2").arg(filePath, why);
        sqlite3_close(db);
        return nullptr;
    }
    return std::unique_ptr<PlatformStore>(new PlatformStore(db, filePath));
}

PlatformStore::PutResult PlatformStore::putCase(const QString &caseId, const QByteArray &canonicalBody,
                                               const QList<CaseAttachment> &attachments, const QString &owner,
                                               const QString &caseNumber)
{
    return put("cases", caseId, canonicalBody, attachments, owner, caseNumber);
}

PlatformStore::PutResult PlatformStore::putRating(const QString &caseId, const QByteArray &canonicalBody,
                                                 const QString &idempotencyKey, const QString &owner)
{
    return put("ratings", caseId, canonicalBody, {}, owner, idempotencyKey);
}

PlatformStore::PutResult PlatformStore::put(const char *table, const QString &caseId,
                                            const QByteArray &canonicalBody, const QList<CaseAttachment> &attachments,
                                            const QString &owner, const QString &caseNumberOrKey)
{
    const bool isCase = qstrcmp(table, "cases") == 0;
    const QString caseNumber = isCase ? caseNumberOrKey : QString();
    const QString ratingKey = isCase ? QString() : caseNumberOrKey;
    PutResult result;
    const auto failed = [&](const QString &place, const QString &what) {
        exec(m_db, "ROLLBACK", nullptr);
        result.outcome = Outcome::Failed;
        result.error = QStringLiteral("%1: %2: %3").arg(m_filePath, place, what);
        return result;
    };
    QString why;
    if (!exec(m_db, "BEGIN IMMEDIATE", &why))
        return failed(QStringLiteral("begin"), why);

    const auto refuse = [&](Outcome outcome) {
        exec(m_db, "ROLLBACK", nullptr);
        result.outcome = outcome;
        return result;
    };
    {
        // The case's owner: another kiosk may neither overwrite, replay nor rate it. Without an identity
        // (plain HTTP) ownership is not enforced.
        Statement known(m_db, "SELECT owner FROM cases WHERE case_id = ?1");
        known.bind(1, caseId);
        const int rc = known.step();
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return failed(QStringLiteral("find case"), known.error());
        if (rc == SQLITE_DONE && !isCase)
            return refuse(Outcome::UnknownCase);
        if (rc == SQLITE_ROW && !owner.isEmpty() && !known.text(0).isEmpty() && known.text(0) != owner)
            return refuse(Outcome::NotOwner);
    }
    if (isCase && !caseNumber.isEmpty()) {
        Statement taken(m_db, "SELECT 1 FROM cases WHERE case_number = ?1 AND case_id <> ?2");
        taken.bind(1, caseNumber);
        taken.bind(2, caseId);
        const int rc = taken.step();
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return failed(QStringLiteral("find case number"), taken.error());
        if (rc == SQLITE_ROW)
            return refuse(Outcome::NumberTaken);
    }

    const QString sha = sha256Hex(canonicalBody);
    {
        const QByteArray sql = isCase
                ? QByteArray("SELECT body_sha256, received_at, platform_ref FROM cases WHERE case_id = ?1")
                : QByteArray("SELECT body_sha256, received_at, '', idempotency_key FROM ratings WHERE case_id = ?1");
        Statement existing(m_db, sql.constData());
        existing.bind(1, caseId);
        const int rc = existing.step();
        if (rc == SQLITE_ROW) {
            exec(m_db, "ROLLBACK", nullptr);
            result.receipt = {caseId, existing.text(2), existing.text(1), QStringLiteral("received")};
            result.outcome = existing.text(0) == sha ? Outcome::Replayed : Outcome::Conflict;
            // One rating per case: another key is another rating, refused whatever its body.
            if (!isCase && existing.text(3) != ratingKey)
                result.outcome = Outcome::RatingExists;
            return result;
        }
        if (rc != SQLITE_DONE)
            return failed(QStringLiteral("find %1").arg(QString::fromLatin1(table)), existing.error());
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    result.receipt = {caseId, QString(), now.toString(Qt::ISODateWithMs), QStringLiteral("received")};
    if (isCase) {
        result.receipt.platformRef = nextPlatformRef(now.toString(QStringLiteral("yyyyMMdd")), &why);
        if (result.receipt.platformRef.isEmpty())
            return failed(QStringLiteral("platform_ref"), why);
    }
    const char *insertSql = isCase
            ? "INSERT INTO cases(case_id, body_sha256, body, received_at, platform_ref, owner, case_number) "
              "VALUES(?1, ?2, ?3, ?4, ?5, NULLIF(?6, ''), ?7)"
            : "INSERT INTO ratings(case_id, body_sha256, body, received_at, idempotency_key) "
              "VALUES(?1, ?2, ?3, ?4, ?5)";
    Statement insert(m_db, insertSql);
    insert.bind(1, caseId);
    insert.bind(2, sha);
    insert.bindBlob(3, canonicalBody);
    insert.bind(4, result.receipt.receivedAt);
    if (isCase) {
        insert.bind(5, result.receipt.platformRef);
        insert.bind(6, owner.isNull() ? QStringLiteral("") : owner);
        insert.bind(7, caseNumber);
    } else {
        insert.bind(5, ratingKey);
    }
    if (insert.step() != SQLITE_DONE)
        return failed(QStringLiteral("insert into %1").arg(QString::fromLatin1(table)), insert.error());
    if (isCase && !recordReceived(caseId, result.receipt.receivedAt, &why))
        return failed(QStringLiteral("case history"), why);
    for (const CaseAttachment &a : attachments) {
        Statement add(m_db, "INSERT INTO attachments(case_id, sequence, kind, name, mime_type, size, sha256, data) "
                            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        add.bind(1, caseId);
        add.bind(2, qint64(a.sequence));
        add.bind(3, a.kind);
        add.bind(4, a.name);
        add.bind(5, a.mimeType);
        add.bind(6, qint64(a.data.size()));
        add.bind(7, a.sha256);
        add.bindBlob(8, a.data.isNull() ? QByteArray("") : a.data);
        if (add.step() != SQLITE_DONE)
            return failed(QStringLiteral("insert into attachments"), add.error());
    }
    if (!exec(m_db, "COMMIT", &why))
        return failed(QStringLiteral("commit"), why);
    result.outcome = Outcome::Created;
    return result;
}

// "P" + UTC day + 5-digit sequence within that day, e.g. P2026112700001. Called inside the transaction.
QString PlatformStore::nextPlatformRef(const QString &day, QString *error)
{
    const QString prefix = QLatin1Char('P') + day;
    Statement s(m_db, "SELECT COALESCE(MAX(CAST(substr(platform_ref, 10) AS INTEGER)), 0) FROM cases "
                      "WHERE substr(platform_ref, 1, 9) = ?1");
    s.bind(1, prefix);
    if (s.step() != SQLITE_ROW) {
        *error = s.error();
        return {};
    }
    return prefix + QStringLiteral("%1").arg(s.integer(0) + 1, 5, 10, QLatin1Char('0'));
}

std::optional<PlatformStore::Receipt> PlatformStore::findCase(const QString &caseId, QString *error) const
{
    Statement s(m_db, "SELECT received_at, platform_ref, status FROM cases WHERE case_id = ?1");
    s.bind(1, caseId);
    const int rc = s.step();
    if (rc == SQLITE_ROW)
        return Receipt{caseId, s.text(1), s.text(0), s.text(2)};
    if (rc != SQLITE_DONE && error)
        *error = QStringLiteral("%1: find case: %2").arg(m_filePath, s.error());
    return std::nullopt;
}

QList<CaseAttachment> PlatformStore::attachments(const QString &caseId, QString *error) const
{
    QList<CaseAttachment> found;
    Statement s(m_db, "SELECT sequence, kind, name, mime_type, sha256, data FROM attachments WHERE case_id = ?1 "
                      "ORDER BY sequence");
    s.bind(1, caseId);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        found.append({int(s.integer(0)), s.text(1), s.text(2), s.text(3), s.blob(5), s.text(4)});
    if (rc != SQLITE_DONE && error)
        *error = QStringLiteral("%1: read attachments: %2").arg(m_filePath, s.error());
    return found;
}
