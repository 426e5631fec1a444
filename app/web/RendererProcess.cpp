#include "RendererProcess.h"

#include <QFileInfo>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace RendererProcess {

QString programName(qint64 pid)
{
    if (pid <= 0)
        return QString();
    return QFileInfo(QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget()).fileName();
}

bool kill(qint64 pid, QString *error)
{
    if (pid <= 1 || pid == ::getpid()) {
        if (error)
            *error = QStringLiteral("no renderer process (pid %1)").arg(pid);
        return false;
    }
    const QString program = programName(pid);
    if (program != QLatin1String("QtWebEngineProcess")) {
        if (error)
            *error = QStringLiteral("process %1 is not a web renderer (%2)")
                         .arg(pid)
                         .arg(program.isEmpty() ? QStringLiteral("gone or unreadable") : program);
        return false;
    }
    struct stat info;
    const QByteArray proc = QStringLiteral("/proc/%1").arg(pid).toLocal8Bit();
    if (::stat(proc.constData(), &info) != 0 || info.st_uid != ::geteuid()) {
        if (error)
            *error = QStringLiteral("process %1 does not belong to this user").arg(pid);
        return false;
    }
    if (::kill(pid_t(pid), SIGKILL) != 0) {
        if (error)
            *error =
                QStringLiteral("kill(%1): %2").arg(pid).arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

} // namespace RendererProcess
