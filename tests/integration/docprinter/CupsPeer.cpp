#include "CupsPeer.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>

CupsPeer::CupsPeer()
{
    // Outside any TMPDIR the test sets for the code under test (that one must stay empty).
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/onestop-cupspeer-XXXXXX"));
    // ONESTOP_KEEP_CUPSPEER=1 keeps the dir (logs, spools) to look at after a failure.
    if (qEnvironmentVariableIsSet("ONESTOP_KEEP_CUPSPEER"))
        m_dir->setAutoRemove(false);
}

CupsPeer::~CupsPeer()
{
    stop();
}

quint16 CupsPeer::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QString CupsPeer::server() const
{
    return QStringLiteral("localhost:%1").arg(m_cupsPort);
}

QString CupsPeer::requestRoot() const
{
    return m_dir->filePath(QStringLiteral("cups/spool"));
}

QString CupsPeer::printerSpool() const
{
    return m_dir->filePath(QStringLiteral("printer-spool"));
}

QSet<QString> CupsPeer::files(const QString &dir, const QDateTime &since, bool jobFilesOnly)
{
    QSet<QString> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (since.isValid() && it.fileInfo().lastModified() < since)
            continue;
        if (jobFilesOnly) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly) && f.read(10) == "*PPD-Adobe")
                continue;
        }
        out.insert(QDir(dir).relativeFilePath(path));
    }
    return out;
}

bool CupsPeer::waitForPort(quint16 port, QProcess &process)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        if (process.state() != QProcess::Running) {
            m_error = QStringLiteral("%1 exited: %2")
                          .arg(process.program(), QString::fromLocal8Bit(process.readAllStandardError()));
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(200))
            return true;
        QThread::msleep(100);
    }
    m_error = QStringLiteral("%1 does not listen on port %2 after 10 s").arg(process.program()).arg(port);
    return false;
}

namespace {
// cupsd, ippeveprinter, lpadmin, cupsdisable live in /usr/sbin, which a normal user's PATH may lack.
QString executable(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return path.isEmpty() ? name : path;
}
} // namespace

bool CupsPeer::startProcess(QProcess &process, const QString &program, const QStringList &arguments,
                            quint16 waitPort)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + m_dir->filePath(QStringLiteral("bus")));
    env.insert(QStringLiteral("CUPS_SERVER"), server());
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(executable(program), arguments);
    if (!process.waitForStarted(5000)) {
        m_error = QStringLiteral("start %1: %2").arg(program, process.errorString());
        return false;
    }
    return waitPort == 0 || waitForPort(waitPort, process);
}

bool CupsPeer::writeConfig()
{
    const QString cups = m_dir->filePath(QStringLiteral("cups"));
    for (const char *sub : {"spool/tmp", "cache", "log", "state", "ppd"})
        if (!QDir().mkpath(cups + QLatin1Char('/') + QLatin1String(sub))) {
            m_error = QStringLiteral("mkdir %1/%2").arg(cups, QLatin1String(sub));
            return false;
        }
    // cupsd's children (the ipp backend) run as lp: they must reach the spool.
    QFile::setPermissions(m_dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                             QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                             QFileDevice::ExeOther);
    auto write = [&](const QString &name, const QString &content) {
        QFile f(cups + QLatin1Char('/') + name);
        if (!f.open(QIODevice::WriteOnly) || f.write(content.toUtf8()) < 0) {
            m_error = QStringLiteral("write %1: %2").arg(f.fileName(), f.errorString());
            return false;
        }
        return true;
    };
    const QString files =
        QStringLiteral(
            "ServerRoot %1\nRequestRoot %1/spool\nTempDir %1/spool/tmp\nCacheDir %1/cache\nStateDir "
            "%1/state\n"
            "LogFileGroup root\nSystemGroup root\nAccessLog %1/log/access_log\nErrorLog %1/log/error_log\n"
            "PageLog %1/log/page_log\nFileDevice No\n")
            .arg(cups);
    // What docs/printing-a4.md asks of a kiosk's CUPS server, with a short history for the test.
    const QString conf =
        QStringLiteral(
            "Listen localhost:%1\nLogLevel debug\nBrowsing No\nWebInterface No\nDefaultAuthType None\n"
            "PreserveJobFiles No\nPreserveJobHistory 3\nMaxJobTime 60\n"
            // Queues and jobs on disk at once (not within 30 s), so a killed cupsd comes back with them.
            "DirtyCleanInterval 0\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n")
            .arg(m_cupsPort);
    return write(QStringLiteral("cups-files.conf"), files) && write(QStringLiteral("cupsd.conf"), conf) &&
           write(QStringLiteral("local.convs"),
                 QStringLiteral("application/pdf application/vnd.cups-pdf 66 -\n"));
}

bool CupsPeer::start()
{
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("temporary dir: ") + m_dir->errorString();
        return false;
    }
    m_printerPort = freePort();
    m_cupsPort = freePort();
    if (!m_printerPort || !m_cupsPort || m_printerPort == m_cupsPort) {
        m_error = QStringLiteral("no free loopback ports");
        return false;
    }
    if (!writeConfig() || !QDir().mkpath(printerSpool()))
        return false;

    if (!startProcess(m_dbus, QStringLiteral("dbus-daemon"),
                      {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                       QStringLiteral("--address=unix:path=") + m_dir->filePath(QStringLiteral("bus"))},
                      0))
        return false;
    for (int i = 0; i < 50 && !QFile::exists(m_dir->filePath(QStringLiteral("bus"))); ++i)
        QThread::msleep(50);
    if (!startProcess(m_printer, QStringLiteral("ippeveprinter"),
                      {QStringLiteral("-r"), QStringLiteral("off"), QStringLiteral("-p"),
                       QString::number(m_printerPort), QStringLiteral("-n"), QStringLiteral("localhost"),
                       QStringLiteral("-d"), printerSpool(), QStringLiteral("-k"), QStringLiteral("-c"),
                       QStringLiteral("/bin/true"), QStringLiteral("-f"),
                       QStringLiteral("application/pdf,image/pwg-raster,image/urf"),
                       QStringLiteral("TestPrinter")},
                      m_printerPort))
        return false;
    if (!startCupsd())
        return false;
    return addQueue(QStringLiteral("doc"), QStringLiteral("ipp://localhost:%1/ipp/print").arg(m_printerPort));
}

bool CupsPeer::startCupsd()
{
    const QString cups = m_dir->filePath(QStringLiteral("cups"));
    if (startProcess(m_cupsd, QStringLiteral("cupsd"),
                     {QStringLiteral("-f"), QStringLiteral("-c"), cups + QStringLiteral("/cupsd.conf"),
                      QStringLiteral("-s"), cups + QStringLiteral("/cups-files.conf")},
                     m_cupsPort))
        return true;
    m_error += QStringLiteral(" (%1)").arg(cupsdVersion());
    return false;
}

QString CupsPeer::cupsdVersion()
{
    QProcess dpkg;
    dpkg.start(QStringLiteral("dpkg-query"),
               {QStringLiteral("-W"), QStringLiteral("-f=${Version}"), QStringLiteral("cups-daemon")});
    if (!dpkg.waitForFinished(10000) || dpkg.exitCode() != 0)
        return QStringLiteral("cups-daemon of unknown version");
    return QStringLiteral("cups-daemon ") + QString::fromUtf8(dpkg.readAllStandardOutput()).trimmed();
}

QString CupsPeer::cupsdEnd() const
{
    if (m_cupsd.state() != QProcess::NotRunning)
        return QString();
    return m_cupsd.exitStatus() == QProcess::CrashExit
               ? QStringLiteral("cupsd (%1) crashed with signal %2")
                     .arg(cupsdVersion())
                     .arg(m_cupsd.exitCode())
               : QStringLiteral("cupsd (%1) exited with %2").arg(cupsdVersion()).arg(m_cupsd.exitCode());
}

namespace {
// The children of a process, from /proc (the backends cupsd started).
QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 candidate = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ...": comm may hold spaces; the fields after the last ')' are fixed.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == pid)
            children.append(candidate);
    }
    return children;
}
} // namespace

bool CupsPeer::killCupsd()
{
    if (m_cupsd.state() != QProcess::Running) {
        m_error = QStringLiteral("cupsd is not running: ") + cupsdEnd();
        return false;
    }
    const QList<qint64> backends = childrenOf(m_cupsd.processId());
    m_cupsd.kill();
    m_cupsd.waitForFinished(5000);
    for (const qint64 pid : backends)
        ::kill(pid_t(pid), SIGKILL);
    return true;
}

bool CupsPeer::restartCupsd()
{
    if (m_cupsd.state() != QProcess::NotRunning) {
        m_error = QStringLiteral("cupsd still runs");
        return false;
    }
    return startCupsd();
}

bool CupsPeer::addQueue(const QString &queue, const QString &deviceUri, bool everywhere)
{
    QStringList args{QStringLiteral("-p"), queue, QStringLiteral("-E"), QStringLiteral("-v"), deviceUri};
    if (everywhere)
        args << QStringLiteral("-m") << QStringLiteral("everywhere");
    return runTool(QStringLiteral("lpadmin"), args);
}

bool CupsPeer::runTool(const QString &program, const QStringList &arguments)
{
    QProcess tool;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CUPS_SERVER"), server());
    tool.setProcessEnvironment(env);
    tool.start(executable(program), arguments);
    if (!tool.waitForFinished(30000) || tool.exitStatus() != QProcess::NormalExit || tool.exitCode() != 0) {
        m_error = QStringLiteral("%1 %2: %3 %4")
                      .arg(program, arguments.join(QLatin1Char(' ')), tool.errorString(),
                           QString::fromLocal8Bit(tool.readAllStandardError()));
        if (tool.state() != QProcess::NotRunning) {
            tool.kill();
            tool.waitForFinished(2000);
        }
        return false;
    }
    return true;
}

void CupsPeer::stop()
{
    // By pid (QProcess signals its own child), cupsd first so it stops talking to the printer.
    for (QProcess *p : {&m_cupsd, &m_printer, &m_dbus}) {
        if (p->state() == QProcess::NotRunning)
            continue;
        p->terminate();
        if (!p->waitForFinished(5000)) {
            p->kill();
            p->waitForFinished(2000);
        }
    }
}
