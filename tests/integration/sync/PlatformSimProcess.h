#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

// Runs the real platform-sim executable (PLATFORM_SIM_EXECUTABLE, set by CMake) for a test: starts it,
// reads its "listening http(s)://127.0.0.1:<port>" line, stops it with SIGTERM or SIGKILL, and can start it
// again on the same port with the same database.
class PlatformSimProcess
{
public:
    explicit PlatformSimProcess(QString dbPath, QStringList extraArguments = {QStringLiteral("--test-hooks")});
    ~PlatformSimProcess();

    // port 0: a free port. False + error (with the simulator's stderr) if it did not come up in 10 s.
    bool start(quint16 port, QString *error);
    bool start(QString *error) { return start(0, error); }
    // SIGTERM and wait; returns the exit code (-1 if it had to be killed or crashed).
    int terminate();
    // SIGKILL, as a crash of the platform would look to the client.
    void kill();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    quint16 port() const { return m_port; }
    QUrl baseUrl() const;
    QString dbPath() const { return m_dbPath; }
    // Everything the simulator wrote to stderr so far (its per-request log lines).
    QString log();

private:
    QString m_dbPath;
    QStringList m_extraArguments;
    QProcess m_process;
    QByteArray m_stderr;
    quint16 m_port = 0;
    QString m_scheme = QStringLiteral("http");
};

// Read-only look into platform-sim's database (sqlite3 C API), for "stored exactly once" checks.
// -1 if the database cannot be read.
int platformRowCount(const QString &dbPath, const QString &table, const QString &caseId = QString());
QString platformColumn(const QString &dbPath, const QString &table, const QString &column, const QString &caseId);
// Runs SQL on platform-sim's file while the simulator is stopped (to make an older version of it). False +
// error on failure.
bool platformExec(const QString &dbPath, const QByteArray &sql, QString *error);
