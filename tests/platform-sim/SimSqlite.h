#pragma once

// platform-sim's thin sqlite helpers, shared by PlatformStore*.cpp: one prepared statement finalized on
// scope exit, and exec() of a script. Thread: the caller's (the main thread).
#include <QByteArray>
#include <QString>

#include <sqlite3.h>

namespace simsql {

// One prepared statement, finalized on scope exit.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql) : m_db(db)
    {
        m_rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool ok() const { return m_rc == SQLITE_OK; }
    void bind(int index, const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    void bindBlob(int index, const QByteArray &data)
    {
        sqlite3_bind_blob(m_stmt, index, data.constData(), int(data.size()), SQLITE_TRANSIENT);
    }
    int step() { return sqlite3_step(m_stmt); }
    void bind(int index, qint64 value) { sqlite3_bind_int64(m_stmt, index, value); }
    QByteArray blob(int column) const
    {
        const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
        return p ? QByteArray(p, sqlite3_column_bytes(m_stmt, column)) : QByteArray("");
    }
    QString text(int column) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column)) : QString();
    }
    qint64 integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    int m_rc = SQLITE_ERROR;
};

inline bool exec(sqlite3 *db, const char *sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = QString::fromUtf8(message ? message : "unknown error");
    sqlite3_free(message);
    return false;
}

} // namespace simsql
