#include "KioskCrashRun.h"

#include "StrictWarnings.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <sqlite3.h>

KioskCrashRun::KioskCrashRun(QString dataDir, QUrl platformUrl, QString scenario, QStringList extraArguments)
    : m_dataDir(std::move(dataDir)), m_platformUrl(std::move(platformUrl)), m_scenario(std::move(scenario)),
      m_extraArguments(std::move(extraArguments))
{
}

KioskCrashRun::Result KioskCrashRun::run(int killAfterMs, int timeoutMs, int killAfterCommitMs) const
{
    Result result;
    QProcess kiosk;
    kiosk.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    kiosk.setProcessEnvironment(env);
    kiosk.start(QStringLiteral(KIOSK_BINARY),
                QStringList{QStringLiteral("--config"), sourcePath(QStringLiteral("kiosk-config")),
                            QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--platform-url"),
                            m_platformUrl.toString(), QStringLiteral("--scenario"), m_scenario} +
                    m_extraArguments);
    if (!kiosk.waitForStarted(10000)) {
        result.log = QStringLiteral("the kiosk did not start: ") + kiosk.errorString();
        return result;
    }
    QElapsedTimer clock;
    clock.start();
    qint64 limit = killAfterMs >= 0 ? killAfterMs : timeoutMs;
    QByteArray output;
    bool commitSeen = false;
    while (kiosk.state() != QProcess::NotRunning && clock.elapsed() < limit) {
        kiosk.waitForFinished(qMax(1, int(qMin<qint64>(10, limit - clock.elapsed()))));
        output += kiosk.readAll();
        if (killAfterCommitMs >= 0 && !commitSeen && output.contains("case committed")) {
            commitSeen = true;
            limit = clock.elapsed() + killAfterCommitMs;
        }
    }
    if (kiosk.state() != QProcess::NotRunning) {
        kiosk.kill(); // SIGKILL: no destructor, no flush, no checkpoint
        kiosk.waitForFinished(10000);
        result.killed = true;
    } else {
        result.finished = kiosk.exitStatus() == QProcess::NormalExit;
        result.exitCode = kiosk.exitCode();
    }
    output += kiosk.readAll();
    result.log = QString::fromUtf8(output);
    static const QRegularExpression committed(QStringLiteral("case committed \"([0-9a-f-]{36})\""));
    auto it = committed.globalMatch(result.log);
    while (it.hasNext())
        result.committed.insert(it.next().captured(1));
    return result;
}

namespace {
QSet<QString> ids(const QString &path, const char *sql, QString *error)
{
    QSet<QString> out;
    sqlite3 *db = nullptr;
    const QByteArray file = path.toUtf8();
    if (sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        *error = QStringLiteral("%1: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return out;
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        *error = QStringLiteral("%1: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
    } else {
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
            out.insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))));
        if (rc != SQLITE_DONE)
            *error = QStringLiteral("%1: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}
} // namespace

QSet<QString> storeCaseIds(const QString &storePath, QString *error)
{
    return ids(storePath, "SELECT id FROM cases", error);
}

QSet<QString> platformCaseIds(const QString &platformDb, QString *error)
{
    return ids(platformDb, "SELECT case_id FROM cases", error);
}

QSet<QString> storeAttachmentKeys(const QString &storePath, QString *error)
{
    return ids(storePath, "SELECT case_id || ':' || sequence || ':' || sha256 FROM attachments", error);
}

QSet<QString> platformAttachmentKeys(const QString &platformDb, QString *error)
{
    return ids(
        platformDb,
        "SELECT case_id || ':' || sequence || ':' || sha256 FROM attachments WHERE length(data) = size",
        error);
}

int platformDuplicateChunks(const QString &platformDb)
{
    QString error;
    const QSet<QString> rows =
        ids(platformDb, "SELECT 'n' || count(*) FROM chunk_log WHERE outcome = 'duplicate'", &error);
    return error.isEmpty() && rows.size() == 1 ? rows.values().first().mid(1).toInt() : -1;
}

QString integrityCheck(const QString &path)
{
    sqlite3 *db = nullptr;
    const QByteArray file = path.toUtf8();
    // Read-write, as the kiosk opens it: a WAL left by the kill is recovered first, as at the next start.
    if (sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const QString error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return error;
    }
    sqlite3_busy_timeout(db, 5000);
    QStringList findings;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) != SQLITE_OK) {
        findings << QString::fromUtf8(sqlite3_errmsg(db));
    } else {
        while (sqlite3_step(stmt) == SQLITE_ROW)
            findings << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return findings.join(QLatin1Char('\n'));
}
