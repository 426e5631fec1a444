#include "StoreCommitBench.h"

#include "CaseStore.h"
#include "StoreBenchCase.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <chrono>
#include <sqlite3.h>

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool exec(sqlite3 *db, const char *sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    *error =
        QStringLiteral("bare sqlite: %1: %2").arg(QLatin1String(sql).left(40), QString::fromUtf8(message));
    sqlite3_free(message);
    return false;
}

qint64 averageLength(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    qint64 value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

// The sizes of what the store wrote per case (sealed values included), read from its file.
bool storeRowSizes(const QString &file, QJsonObject *sizes, QString *error)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(file.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        *error = QStringLiteral("%1: cannot open the store file to read its row sizes").arg(file);
        sqlite3_close(db);
        return false;
    }
    sizes->insert(QStringLiteral("form"),
                  averageLength(db, "SELECT CAST(avg(length(form_json)) AS INTEGER) FROM cases"));
    sizes->insert(QStringLiteral("attachment"),
                  averageLength(db, "SELECT CAST(avg(length(data)) AS INTEGER) FROM attachments"));
    sizes->insert(QStringLiteral("outbox_body"),
                  averageLength(db, "SELECT CAST(avg(length(body)) AS INTEGER) FROM outbox"));
    sqlite3_close(db);
    for (auto it = sizes->begin(); it != sizes->end(); ++it) {
        if (it.value().toInteger() <= 0) {
            *error = QStringLiteral("%1: no %2 rows to size the bare insert").arg(file, it.key());
            return false;
        }
    }
    return true;
}

struct BareDb
{
    sqlite3 *db = nullptr;
    ~BareDb() { sqlite3_close(db); }
};

bool bind(sqlite3_stmt *s, int i, const QByteArray &v)
{
    return sqlite3_bind_blob(s, i, v.constData(), int(v.size()), SQLITE_TRANSIENT) == SQLITE_OK;
}

bool bindText(sqlite3_stmt *s, int i, const QByteArray &v)
{
    return sqlite3_bind_text(s, i, v.constData(), int(v.size()), SQLITE_TRANSIENT) == SQLITE_OK;
}

// One prepared INSERT run with its values.
bool insert(sqlite3 *db, const char *sql, const QList<QPair<bool, QByteArray>> &values, QString *error)
{
    sqlite3_stmt *stmt = nullptr;
    bool ok = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK;
    for (int i = 0; ok && i < values.size(); ++i)
        ok = values[i].first ? bind(stmt, i + 1, values[i].second) : bindText(stmt, i + 1, values[i].second);
    ok = ok && sqlite3_step(stmt) == SQLITE_DONE;
    if (!ok)
        *error = QStringLiteral("bare sqlite: insert: %1").arg(QString::fromUtf8(sqlite3_errmsg(db)));
    sqlite3_finalize(stmt);
    return ok;
}

bool measureBare(const QString &file, int commits, const QJsonObject &sizes, std::vector<double> *ms,
                 QString *error)
{
    BareDb bare;
    if (sqlite3_open_v2(file.toUtf8().constData(), &bare.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        *error = QStringLiteral("%1: cannot create the bare database").arg(file);
        return false;
    }
    // The store's connection settings (app/store/Database.cpp).
    if (!exec(bare.db,
              "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; "
              "PRAGMA temp_store = MEMORY; PRAGMA journal_mode = WAL;",
              error) ||
        !exec(bare.db,
              "CREATE TABLE cases (id TEXT PRIMARY KEY, case_number TEXT UNIQUE NOT NULL, "
              "form BLOB NOT NULL, created_at TEXT NOT NULL);"
              "CREATE TABLE attachments (case_id TEXT NOT NULL REFERENCES cases(id), sequence INTEGER, "
              "data BLOB NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (case_id, sequence));"
              "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, ref_id TEXT NOT NULL, "
              "body BLOB NOT NULL, state TEXT NOT NULL DEFAULT 'pending');"
              "CREATE INDEX outbox_state_seq ON outbox(state, seq);"
              "CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, event TEXT, detail TEXT);",
              error))
        return false;
    const auto blob = [](qint64 size) {
        QByteArray b(int(size), Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(b.data()), int(size / 4));
        return b;
    };
    const QByteArray form = blob(sizes.value(QStringLiteral("form")).toInteger());
    const QByteArray attachment = blob(sizes.value(QStringLiteral("attachment")).toInteger());
    const QByteArray body = blob(sizes.value(QStringLiteral("outbox_body")).toInteger());
    const QByteArray sha(64, 'a');
    for (int i = -3; i < commits; ++i) { // three not counted, as the store's warm-up
        const QByteArray id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const auto start = Clock::now();
        if (!exec(bare.db, "BEGIN IMMEDIATE", error) ||
            !insert(bare.db, "INSERT INTO cases VALUES (?1, ?2, ?3, ?4)",
                    {{false, id}, {false, "N-" + id}, {true, form}, {false, "2026-12-03T00:00:00.000Z"}},
                    error) ||
            !insert(bare.db, "INSERT INTO attachments VALUES (?1, 1, ?2, ?3)",
                    {{false, id}, {true, attachment}, {false, sha}}, error) ||
            !insert(bare.db, "INSERT INTO outbox (ref_id, body) VALUES (?1, ?2)", {{false, id}, {true, body}},
                    error) ||
            !insert(bare.db, "INSERT INTO audit_log (event, detail) VALUES ('case.submitted', ?1)",
                    {{false, id}}, error) ||
            !exec(bare.db, "COMMIT", error))
            return false;
        if (i >= 0)
            ms->push_back(msSince(start));
    }
    return true;
}

} // namespace

CommitFigures measureCommits(int commits)
{
    CommitFigures figures;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        figures.error = QStringLiteral("cannot make a temporary directory: %1").arg(dir.errorString());
        return figures;
    }
    const QString storeDir = dir.filePath(QStringLiteral("store"));
    QDir().mkpath(storeDir);
    QString storeFile;
    {
        std::unique_ptr<CaseStore> store = CaseStore::open(storeDir, &figures.error);
        if (!store)
            return figures;
        storeFile = store->filePath();
        const QVector<StoredAttachment> attachments = benchAttachments();
        for (int i = -3; i < commits; ++i) { // three not counted: lazy initialisation, page cache
            const CaseSubmission submission = benchCase(
                QStringLiteral("SH-XH-LHJD-K01-20261203-BNCH-%1").arg(i + 3, 5, 10, QLatin1Char('0')));
            const auto start = Clock::now();
            if (!store->submitCase(submission, attachments, &figures.error))
                return figures;
            if (i >= 0)
                figures.storeMs.push_back(msSince(start));
        }
    }
    if (!storeRowSizes(storeFile, &figures.rowBytes, &figures.error))
        return figures;
    measureBare(dir.filePath(QStringLiteral("bare.sqlite")), commits, figures.rowBytes, &figures.bareMs,
                &figures.error);
    return figures;
}
