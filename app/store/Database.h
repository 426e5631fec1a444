#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

// A small RAII layer over the sqlite3 C API. It is deliberately the plain C API (not Qt SQL) so that
// SQLCipher, which keeps that API, can replace sqlite later without touching the callers.
// Every error names the file, what the statement was for, and sqlite's own message:
//   "/var/lib/onestop/cases.sqlite: insert case row: UNIQUE constraint failed: cases.case_number"
// Values always go through bound parameters; SQL text is only ever a literal from the code.
// `purpose` arguments are string literals (they are kept by pointer for later error messages).
// Thread: a Database and its statements belong to the thread that opened it.

struct sqlite3;
struct sqlite3_stmt;

class Database;

// Beyond the message: lets the caller tell a damaged file from every other failure (disk full, locked,
// constraint), because only a damaged file is quarantined. Full: sqlite found no room to write (the file
// system is full, SQLITE_FULL); never damage, and staff are told (CaseStore::lastFailureCause).
enum class DbFailure { None, Damaged, Other, Full };

// One prepared statement. Must not outlive the Database that prepared it. Move-only.
class Statement
{
public:
    enum class Step { Row, Done, Failed };

    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    // Parameters are 1-based, as in sqlite. A failed bind is reported by the next step()/run().
    Statement &bind(int index, const QString &text);
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bindBlob(int index, const QByteArray &data); // an empty array is stored as an empty blob
    Statement &bindNull(int index);

    Step step(QString *error);
    // Steps until the statement is done (rows, if any, are skipped).
    bool run(QString *error);

    // Columns of the current row, 0-based.
    int columnCount() const;
    bool isNull(int column) const;
    QString text(int column) const; // NULL -> null QString
    qint64 integer(int column) const;
    QByteArray blob(int column) const;

private:
    friend class Database;
    Statement(Database *db, sqlite3_stmt *stmt, const char *purpose);

    Database *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    const char *m_purpose = "";
    int m_bindResult = 0; // first failing sqlite3_bind_* result, 0 = none
    int m_bindIndex = 0;
};

// A write transaction (BEGIN IMMEDIATE) that rolls back when it goes out of scope uncommitted.
// Must not outlive its Database. Move-only.
class Transaction
{
public:
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    bool commit(QString *error);

private:
    friend class Database;
    Transaction(Database *db, const char *purpose);

    Database *m_db = nullptr;
    const char *m_purpose = "";
};

class Database
{
public:
    static constexpr int busyTimeoutMs = 5000;

    // Opens (creating if missing) the file read-write and sets the connection's settings: foreign_keys=ON,
    // synchronous=FULL, busy_timeout. It does not write to the file: the journal mode is switched by
    // useWriteAheadLog() once the caller knows the file is one it may change.
    // `failure` (optional) says whether a failure means the file is damaged.
    static std::unique_ptr<Database> open(const QString &path, QString *error, DbFailure *failure = nullptr);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QString filePath() const { return m_path; }

    // Whether closing the last connection checkpoints the WAL into the file (sqlite's default: yes). Off
    // while a file is being inspected, so that a file that is then refused or quarantined keeps its
    // main file and its -wal exactly as they were.
    void setCheckpointOnClose(bool checkpoint);

    // Switches the file to journal_mode=WAL (persistent, written into the file) and checks that it took.
    bool useWriteAheadLog(QString *error);

    // SQL without values: schema changes and pragmas. May hold several statements.
    bool exec(const char *sql, const char *purpose, QString *error);
    std::optional<Statement> prepare(const char *sql, const char *purpose, QString *error);
    // The first column of the first row of a statement without parameters (pragmas, counts).
    std::optional<qint64> queryInteger(const char *sql, const char *purpose, QString *error);
    std::optional<QString> queryText(const char *sql, const char *purpose, QString *error);

    std::optional<Transaction> begin(const char *purpose, QString *error);

    std::optional<int> userVersion(QString *error);
    // Only meaningful inside a transaction together with the change it describes.
    bool setUserVersion(int version, QString *error);

    // PRAGMA quick_check. A problem is reported as DbFailure::Damaged with sqlite's first finding.
    bool quickCheck(QString *error);

    int changes() const;
    qint64 lastInsertRowId() const;
    // Kind of the most recent failure on this connection (reset by begin()).
    DbFailure lastFailure() const { return m_lastFailure; }

private:
    friend class Statement;
    friend class Transaction;
    Database(sqlite3 *handle, const QString &path);
    // Records the failure and writes "<file>: <purpose>: <sqlite message>" to *error. Returns false.
    bool fail(int result, const char *purpose, QString *error, const char *message = nullptr);
    bool fail(DbFailure kind, const char *purpose, const QString &message, QString *error);
    void rollback();

    sqlite3 *m_handle = nullptr;
    QString m_path;
    DbFailure m_lastFailure = DbFailure::None;
};
