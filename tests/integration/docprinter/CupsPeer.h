#pragma once

#include <QDateTime>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// A private print system on loopback for the tests: a D-Bus bus (ippeveprinter needs one), ippeveprinter (a
// real IPP Everywhere printer that keeps what it prints in its spool), and a private cupsd in front of it
// with the queue "doc" (lpadmin -m everywhere). Every path is under one temporary dir; the ports are free
// ones. Every process is stopped by its pid in stop() and the destructor.
//
// Notes (Debian 12, CUPS 2.4.2, running as root): cupsd refuses "User root", so the default User (lp)
// stays, and the temporary dir is made 0755 for lp to reach the spool; no cups-filters here, so a
// local.convs in ServerRoot passes application/pdf through to the IPP Everywhere queue unchanged (a real
// kiosk has cups-filters' pdftopdf); ippeveprinter runs "-c /bin/true" so a job completes at once instead
// of after a simulated 5-15 s.
class CupsPeer
{
public:
    CupsPeer();
    ~CupsPeer();

    // Starts everything and creates the queue; false and error() when something did not start.
    bool start();
    void stop();
    QString error() const { return m_error; }

    QString server() const; // "localhost:PORT" of cupsd
    quint16 printerPort() const { return m_printerPort; }
    QString requestRoot() const;  // cupsd's spool
    QString printerSpool() const; // ippeveprinter's spool
    QString root() const { return m_dir->path(); }

    // A crash of the print server: SIGKILL to cupsd (and to the backends it started, which a crash leaves
    // behind, so that none outlives the test). restartCupsd() starts it again on the same port and config.
    bool killCupsd();
    bool restartCupsd();
    bool cupsdRunning() const { return m_cupsd.state() == QProcess::Running; }
    // "cups-daemon <version>" as dpkg knows it (the behaviour of cupsd changes between Debian point
    // releases: say which one a failure ran against).
    static QString cupsdVersion();
    // "" while cupsd runs; otherwise how it ended, with cupsdVersion(), for failure messages.
    QString cupsdEnd() const;

    // Runs a CUPS command-line tool (lpadmin, cupsdisable...) against this cupsd; false and error() on
    // failure.
    bool runTool(const QString &program, const QStringList &arguments);
    // Adds a queue pointing at `deviceUri` (IPP Everywhere PPD taken from the printer at printerPort()).
    bool addQueue(const QString &queue, const QString &deviceUri, bool everywhere = true);

    // Every file (recursively) under `dir`, relative paths; with `since`, only those modified at or after it
    // `jobFilesOnly`: leaves out PPD files (cupsd rewrites the queue's PPD through TempDir when the IPP
    // backend reports the printer's attributes, and leaves the copy there: a queue description, not a job's
    // file).
    static QSet<QString> files(const QString &dir, const QDateTime &since = QDateTime(),
                               bool jobFilesOnly = false);
    static quint16 freePort();

private:
    bool startProcess(QProcess &process, const QString &program, const QStringList &arguments,
                      quint16 waitPort);
    bool waitForPort(quint16 port, QProcess &process);
    bool writeConfig();
    bool startCupsd();

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_dbus;
    QProcess m_printer;
    QProcess m_cupsd;
    quint16 m_printerPort = 0;
    quint16 m_cupsPort = 0;
    QString m_error;
};
