#include "Database.h"

#include <sqlite3.h>

#include <cerrno>
#include <utility>

static DbFailure failureKind(int result)
{
    switch (result & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return DbFailure::Damaged;
    case SQLITE_FULL:
        return DbFailure::Full;
    default:
        return DbFailure::Other;
    }
}

// ---- Statement ----------------------------------------------------------------------------------------

Statement::Statement(Database *db, sqlite3_stmt *stmt, const char *purpose)
    : m_db(db), m_stmt(stmt), m_purpose(purpose)
{
}

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)), m_purpose(other.m_purpose),
      m_bindResult(other.m_bindResult), m_bindIndex(other.m_bindIndex)
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_purpose = other.m_purpose;
        m_bindResult = other.m_bindResult;
        m_bindIndex = other.m_bindIndex;
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt); // a no-op on nullptr
}

static void keepFirstBindFailure(int result, int index, int *firstResult, int *firstIndex)
{
    if (result != SQLITE_OK && *firstResult == SQLITE_OK) {
        *firstResult = result;
        *firstIndex = index;
    }
}

Statement &Statement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const int result = sqlite3_bind_text(m_stmt, index, utf8.isEmpty() ? "" : utf8.constData(),
                                         int(utf8.size()), SQLITE_TRANSIENT);
    keepFirstBindFailure(result, index, &m_bindResult, &m_bindIndex);
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    keepFirstBindFailure(sqlite3_bind_int64(m_stmt, index, value), index, &m_bindResult, &m_bindIndex);
    return *this;
}

Statement &Statement::bindBlob(int index, const QByteArray &data)
{
    // sqlite3_bind_blob with a null pointer would store NULL; an empty blob must stay an empty blob.
    const int result = data.isEmpty() ? sqlite3_bind_zeroblob(m_stmt, index, 0)
                                      : sqlite3_bind_blob(m_stmt, index, data.constData(), int(data.size()),
                                                          SQLITE_TRANSIENT);
    keepFirstBindFailure(result, index, &m_bindResult, &m_bindIndex);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    keepFirstBindFailure(sqlite3_bind_null(m_stmt, index), index, &m_bindResult, &m_bindIndex);
    return *this;
}

Statement::Step Statement::step(QString *error)
{
    if (m_bindResult != SQLITE_OK) {
        const QByteArray message = QByteArray("binding parameter ") + QByteArray::number(m_bindIndex) + ": " +
                                   sqlite3_errstr(m_bindResult);
        m_db->fail(m_bindResult, m_purpose, error, message.constData());
        return Step::Failed;
    }
    const int result = sqlite3_step(m_stmt);
    if (result == SQLITE_ROW)
        return Step::Row;
    if (result == SQLITE_DONE)
        return Step::Done;
    m_db->fail(result, m_purpose, error);
    return Step::Failed;
}

bool Statement::run(QString *error)
{
    for (;;) {
        switch (step(error)) {
        case Step::Row:
            continue;
        case Step::Done:
            return true;
        case Step::Failed:
            return false;
        }
    }
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return QString();
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QByteArray Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? QByteArray(data, size) : QByteArray();
}

// ---- Transaction --------------------------------------------------------------------------------------

Transaction::Transaction(Database *db, const char *purpose) : m_db(db), m_purpose(purpose) {}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_purpose(other.m_purpose)
{
}

Transaction::~Transaction()
{
    if (m_db)
        m_db->rollback();
}

bool Transaction::commit(QString *error)
{
    if (!m_db) {
        if (error)
            *error = QStringLiteral("commit (%1): the transaction is already finished")
                         .arg(QString::fromUtf8(m_purpose));
        return false;
    }
    Database *db = std::exchange(m_db, nullptr);
    const int result = sqlite3_exec(db->m_handle, "COMMIT", nullptr, nullptr, nullptr);
    if (result != SQLITE_OK) {
        const QByteArray purpose = QByteArray("commit (") + m_purpose + ")";
        db->fail(result, purpose.constData(), error);
        db->rollback(); // COMMIT can fail and leave the transaction open (e.g. SQLITE_BUSY)
        return false;
    }
    return true;
}

// ---- Database -----------------------------------------------------------------------------------------

Database::Database(sqlite3 *handle, const QString &path) : m_handle(handle), m_path(path) {}

Database::~Database()
{
    sqlite3_close_v2(m_handle);
}

std::unique_ptr<Database> Database::open(const QString &path, QString *error, DbFailure *failure)
{
    if (failure)
        *failure = DbFailure::None;
    sqlite3 *handle = nullptr;
    const int result =
        sqlite3_open_v2(path.toUtf8().constData(), &handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (result != SQLITE_OK) {
        if (error)
            *error =
                QStringLiteral("%1: open: %2")
                    .arg(path, QString::fromUtf8(handle ? sqlite3_errmsg(handle) : sqlite3_errstr(result)));
        if (failure)
            *failure = failureKind(result);
        sqlite3_close_v2(handle);
        return nullptr;
    }
    std::unique_ptr<Database> db(new Database(handle, path));
    // A connection that fails here must close without a checkpoint: on a damaged file sqlite would
    // otherwise delete the -wal on close.
    db->setCheckpointOnClose(false);
    sqlite3_busy_timeout(handle, busyTimeoutMs);
    if (!db->exec("PRAGMA foreign_keys = ON", "enable foreign keys", error) ||
        !db->exec("PRAGMA synchronous = FULL", "set synchronous=FULL", error) ||
        // Freed pages are overwritten with zeros (a purged or migrated value leaves no plaintext behind);
        // temporary tables and VACUUM's copy stay in memory, never in TMPDIR.
        !db->exec("PRAGMA secure_delete = ON", "set secure_delete=ON", error) ||
        !db->exec("PRAGMA temp_store = MEMORY", "set temp_store=MEMORY", error)) {
        if (failure)
            *failure = db->lastFailure();
        return nullptr;
    }
    db->setCheckpointOnClose(true);
    return db;
}

void Database::setCheckpointOnClose(bool checkpoint)
{
    sqlite3_db_config(m_handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, checkpoint ? 0 : 1, nullptr);
}

bool Database::useWriteAheadLog(QString *error)
{
    const std::optional<QString> mode = queryText("PRAGMA journal_mode = WAL", "switch to WAL", error);
    if (!mode)
        return false;
    if (mode->compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(DbFailure::Other, "switch to WAL",
                    QStringLiteral("sqlite kept journal_mode=%1 (is the file system without shared memory?)")
                        .arg(*mode),
                    error);
    return true;
}

bool Database::exec(const char *sql, const char *purpose, QString *error)
{
    char *message = nullptr;
    const int result = sqlite3_exec(m_handle, sql, nullptr, nullptr, &message);
    if (result == SQLITE_OK)
        return true;
    fail(result, purpose, error, message);
    sqlite3_free(message);
    return false;
}

std::optional<Statement> Database::prepare(const char *sql, const char *purpose, QString *error)
{
    sqlite3_stmt *stmt = nullptr;
    const int result = sqlite3_prepare_v2(m_handle, sql, -1, &stmt, nullptr);
    if (result != SQLITE_OK) {
        sqlite3_finalize(stmt);
        fail(result, purpose, error);
        return std::nullopt;
    }
    return Statement(this, stmt, purpose);
}

std::optional<qint64> Database::queryInteger(const char *sql, const char *purpose, QString *error)
{
    std::optional<Statement> statement = prepare(sql, purpose, error);
    if (!statement)
        return std::nullopt;
    switch (statement->step(error)) {
    case Statement::Step::Row:
        return statement->integer(0);
    case Statement::Step::Done:
        fail(DbFailure::Other, purpose, QStringLiteral("no row returned"), error);
        return std::nullopt;
    case Statement::Step::Failed:
        break;
    }
    return std::nullopt;
}

std::optional<QString> Database::queryText(const char *sql, const char *purpose, QString *error)
{
    std::optional<Statement> statement = prepare(sql, purpose, error);
    if (!statement)
        return std::nullopt;
    switch (statement->step(error)) {
    case Statement::Step::Row:
        return statement->text(0);
    case Statement::Step::Done:
        fail(DbFailure::Other, purpose, QStringLiteral("no row returned"), error);
        return std::nullopt;
    case Statement::Step::Failed:
        break;
    }
    return std::nullopt;
}

std::optional<Transaction> Database::begin(const char *purpose, QString *error)
{
    m_lastFailure = DbFailure::None; // a new write: an earlier failure says nothing about this one
    // IMMEDIATE takes the write lock now, so a busy database is reported here and not halfway through.
    const int result = sqlite3_exec(m_handle, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (result != SQLITE_OK) {
        const QByteArray what = QByteArray("begin (") + purpose + ")";
        fail(result, what.constData(), error);
        return std::nullopt;
    }
    return Transaction(this, purpose);
}

std::optional<int> Database::userVersion(QString *error)
{
    const std::optional<qint64> version = queryInteger("PRAGMA user_version", "read user_version", error);
    if (!version)
        return std::nullopt;
    return int(*version);
}

bool Database::setUserVersion(int version, QString *error)
{
    // Pragmas take no bound parameters; the value is an int from the code, never outside input.
    const QByteArray sql = "PRAGMA user_version = " + QByteArray::number(version);
    return exec(sql.constData(), "write user_version", error);
}

bool Database::quickCheck(QString *error)
{
    std::optional<Statement> statement = prepare("PRAGMA quick_check", "quick_check", error);
    if (!statement)
        return false;
    switch (statement->step(error)) {
    case Statement::Step::Row:
        break;
    case Statement::Step::Done:
        return fail(DbFailure::Other, "quick_check", QStringLiteral("no result"), error);
    case Statement::Step::Failed:
        return false;
    }
    const QString first = statement->text(0);
    if (first == QLatin1String("ok"))
        return true;
    return fail(DbFailure::Damaged, "quick_check", first, error);
}

int Database::changes() const
{
    return sqlite3_changes(m_handle);
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_handle);
}

bool Database::fail(int result, const char *purpose, QString *error, const char *message)
{
    DbFailure kind = failureKind(result);
    QString text = QString::fromUtf8(message ? message : sqlite3_errmsg(m_handle));
    // sqlite says SQLITE_FULL when a write to the database or its -wal finds no room, but only "disk I/O
    // error" when the -shm file cannot grow (a restart on a full disk: the -shm is made anew) or another
    // write fails for lack of space. The system's errno and the extended code tell them apart.
    if ((result & 0xff) == SQLITE_IOERR) {
        const int systemError = sqlite3_system_errno(m_handle);
        if (systemError == ENOSPC || systemError == EDQUOT ||
            sqlite3_extended_errcode(m_handle) == SQLITE_IOERR_SHMSIZE) {
            kind = DbFailure::Full;
            text += QStringLiteral(" (no space left on the device)");
        }
    }
    return fail(kind, purpose, text, error);
}

bool Database::fail(DbFailure kind, const char *purpose, const QString &message, QString *error)
{
    m_lastFailure = kind;
    if (error)
        *error = QStringLiteral("%1: %2: %3").arg(m_path, QString::fromUtf8(purpose), message);
    return false;
}

void Database::rollback()
{
    if (!sqlite3_get_autocommit(m_handle)) // sqlite may already have rolled back after an I/O error
        sqlite3_exec(m_handle, "ROLLBACK", nullptr, nullptr, nullptr);
}
