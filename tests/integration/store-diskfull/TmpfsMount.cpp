#include "TmpfsMount.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

static bool runTool(const QString &program, const QStringList &arguments, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = QStringLiteral("%1 %2 failed: %3 %4")
                     .arg(program, arguments.join(QLatin1Char(' ')), process.errorString(),
                          QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    return true;
}

TmpfsMount::~TmpfsMount()
{
    if (!m_mounted)
        return;
    QString error;
    if (!runTool(QStringLiteral("umount"), {m_mountPoint}, &error))
        qWarning("TmpfsMount: %s", qPrintable(error)); // fails the test: a mount must not be left behind
}

bool TmpfsMount::mount(const QString &size, QString *error)
{
    if (::geteuid() != 0) {
        *error = QStringLiteral("this test needs root: it mounts a small tmpfs (mount -t tmpfs -o size=%1) "
                                "to fill the kiosk's disk; run it as root (CI and the dev machines do)")
                     .arg(size);
        return false;
    }
    if (!QDir().mkpath(m_mountPoint)) {
        *error = QStringLiteral("cannot create the mount point %1").arg(m_mountPoint);
        return false;
    }
    if (!runTool(QStringLiteral("mount"),
                 {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                  QStringLiteral("size=%1,mode=0700").arg(size), QStringLiteral("tmpfs"), m_mountPoint},
                 error))
        return false;
    m_mounted = true;
    return true;
}

bool TmpfsMount::fill(QString *error)
{
    const QByteArray path = QFile::encodeName(m_mountPoint + QStringLiteral("/filler"));
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error =
            QStringLiteral("filler: cannot create: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const QByteArray block(4096, 'f');
    int lastErrno = 0;
    for (int i = 0; i < 1 << 20; ++i) { // at most 4 GiB: the tmpfs is far smaller
        if (::write(fd, block.constData(), size_t(block.size())) < 0) {
            lastErrno = errno;
            break;
        }
    }
    ::close(fd);
    if (lastErrno != ENOSPC) {
        *error = QStringLiteral("filler: expected ENOSPC, got %1")
                     .arg(QString::fromLocal8Bit(std::strerror(lastErrno)));
        return false;
    }
    return true;
}

bool TmpfsMount::freeSpace(QString *error)
{
    if (!QFile::remove(m_mountPoint + QStringLiteral("/filler"))) {
        *error = QStringLiteral("filler: cannot remove it");
        return false;
    }
    return true;
}

qint64 TmpfsMount::freeBytes() const
{
    struct statvfs info;
    if (::statvfs(QFile::encodeName(m_mountPoint).constData(), &info) != 0)
        return -1;
    return qint64(info.f_bavail) * qint64(info.f_frsize);
}
