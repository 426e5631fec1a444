#include "PlatformSimProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

#include <sqlite3.h>

PlatformSimProcess::PlatformSimProcess(QString dbPath, QStringList extraArguments)
    : m_dbPath(std::move(dbPath)), m_extraArguments(std::move(extraArguments))
{
}

PlatformSimProcess::~PlatformSimProcess()
{
    if (isRunning())
        kill();
}

bool PlatformSimProcess::start(quint16 port, QString *error)
{
    m_stderr.clear();
    QStringList arguments{QStringLiteral("--port"), QString::number(port), QStringLiteral("--db"), m_dbPath};
    arguments += m_extraArguments;
    m_process.start(QStringLiteral(PLATFORM_SIM_EXECUTABLE), arguments);
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("platform-sim: cannot start: %1").arg(m_process.errorString());
        return false;
    }
    static const QRegularExpression listening(
        QStringLiteral("^listening (https?)://127\\.0\\.0\\.1:(\\d+)\\n$"));
    QByteArray line;
    const QDeadlineTimer deadline(10000);
    while (!m_process.canReadLine() && !deadline.hasExpired() && m_process.state() == QProcess::Running)
        m_process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    if (m_process.canReadLine())
        line = m_process.readLine();
    const auto match = listening.match(QString::fromUtf8(line));
    if (!match.hasMatch()) {
        *error = QStringLiteral("platform-sim: no listening line (got '%1'); stderr: %2")
                     .arg(QString::fromUtf8(line).trimmed(), log());
        kill();
        return false;
    }
    m_scheme = match.captured(1);
    m_port = quint16(match.captured(2).toUInt());
    return true;
}

int PlatformSimProcess::terminate()
{
    if (!isRunning())
        return -1;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        kill();
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void PlatformSimProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

QUrl PlatformSimProcess::baseUrl() const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(m_scheme).arg(m_port));
}

QString PlatformSimProcess::log()
{
    m_stderr += m_process.readAllStandardError();
    return QString::fromUtf8(m_stderr);
}

namespace {

struct ReadOnlyDb
{
    sqlite3 *db = nullptr;
    explicit ReadOnlyDb(const QString &path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            sqlite3_close(db);
            db = nullptr;
        } else {
            sqlite3_busy_timeout(db, 5000);
        }
    }
    ~ReadOnlyDb() { sqlite3_close(db); }
};

// table and column names come from the tests themselves, never from outside input.
QString query(const QString &dbPath, const QString &sql, const QString &caseId, bool *ok)
{
    *ok = false;
    ReadOnlyDb r(dbPath);
    if (!r.db)
        return {};
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(r.db, sql.toUtf8().constData(), -1, &stmt, nullptr) != SQLITE_OK)
        return {};
    const QByteArray id = caseId.toUtf8();
    if (!caseId.isNull())
        sqlite3_bind_text(stmt, 1, id.constData(), int(id.size()), SQLITE_TRANSIENT);
    QString value;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
        *ok = true;
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
        value = text ? QString::fromUtf8(text) : QString();
    }
    sqlite3_finalize(stmt);
    return value;
}

} // namespace

int platformRowCount(const QString &dbPath, const QString &table, const QString &caseId)
{
    const QString sql = caseId.isNull()
                            ? QStringLiteral("SELECT count(*) FROM %1").arg(table)
                            : QStringLiteral("SELECT count(*) FROM %1 WHERE case_id = ?1").arg(table);
    bool ok = false;
    const QString value = query(dbPath, sql, caseId, &ok);
    return ok ? value.toInt() : -1;
}

QString platformColumn(const QString &dbPath, const QString &table, const QString &column,
                       const QString &caseId)
{
    bool ok = false;
    return query(dbPath, QStringLiteral("SELECT %1 FROM %2 WHERE case_id = ?1").arg(column, table), caseId,
                 &ok);
}

bool platformExec(const QString &dbPath, const QByteArray &sql, QString *error)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(dbPath.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        *error = QStringLiteral("%1: open: %2").arg(dbPath, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return false;
    }
    char *message = nullptr;
    const bool ok = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message) == SQLITE_OK;
    if (!ok)
        *error = QStringLiteral("%1: %2").arg(dbPath, QString::fromUtf8(message ? message : "?"));
    sqlite3_free(message);
    sqlite3_close(db);
    return ok;
}
