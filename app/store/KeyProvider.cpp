#include "KeyProvider.h"

#include "StoreLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

FileKeyProvider::FileKeyProvider(QString path) : m_path(std::move(path)) {}

QString FileKeyProvider::defaultPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("keys/store.key"));
}

QString FileKeyProvider::describe() const
{
    return QStringLiteral("key file %1").arg(m_path);
}

static QString posixError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool FileKeyProvider::create(QString *error)
{
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder) || ::chmod(QFile::encodeName(folder).constData(), 0700) != 0) {
        *error =
            QStringLiteral("%1: cannot create its folder with mode 0700: %2").arg(describe(), posixError());
        return false;
    }
    if (sodium_init() < 0) {
        *error = QStringLiteral("%1: libsodium could not be initialised").arg(describe());
        return false;
    }
    unsigned char key[keySize];
    randombytes_buf(key, sizeof key);
    // Written under a temporary name and renamed, so a crash never leaves a short key file behind.
    const QByteArray temporary = QFile::encodeName(m_path + QStringLiteral(".new"));
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    bool ok = fd >= 0 && ::fchmod(fd, 0600) == 0 && ::write(fd, key, sizeof key) == ssize_t(sizeof key) &&
              ::fsync(fd) == 0;
    const QString writeError = ok ? QString() : posixError();
    if (fd >= 0)
        ::close(fd);
    sodium_memzero(key, sizeof key);
    if (ok && ::rename(temporary.constData(), QFile::encodeName(m_path).constData()) != 0)
        ok = false;
    if (!ok) {
        ::unlink(temporary.constData());
        *error = QStringLiteral("%1: cannot write a new key: %2")
                     .arg(describe(), writeError.isEmpty() ? posixError() : writeError);
        return false;
    }
    const int dirFd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    qCInfo(lcStore).noquote() << "new store key made:" << m_path;
    return true;
}

std::optional<QByteArray> FileKeyProvider::loadKey(bool mayCreate, QString *error)
{
    QString problem;
    struct stat info;
    const QByteArray path = QFile::encodeName(m_path);
    if (::stat(path.constData(), &info) != 0) {
        if (errno != ENOENT) {
            problem = QStringLiteral("%1: cannot be read: %2").arg(describe(), posixError());
        } else if (!mayCreate) {
            problem =
                QStringLiteral("%1 is missing, but the case store holds encrypted cases. Restore the "
                               "key file from the kiosk's provisioning backup; a new key cannot read them")
                    .arg(describe());
        } else if (!create(&problem)) {
            // problem says why
        } else if (::stat(path.constData(), &info) != 0) {
            problem =
                QStringLiteral("%1: cannot be read after it was made: %2").arg(describe(), posixError());
        }
    }
    if (problem.isEmpty() && (info.st_mode & 077) != 0)
        problem = QStringLiteral("%1 can be read by other users (mode %2); only its owner may (chmod 600)")
                      .arg(describe())
                      .arg(info.st_mode & 0777, 4, 8, QLatin1Char('0'));
    if (problem.isEmpty() && info.st_size != keySize)
        problem = QStringLiteral("%1 holds %2 bytes, not the %3 of a store key (damaged or not a key file)")
                      .arg(describe())
                      .arg(qint64(info.st_size))
                      .arg(keySize);
    QByteArray key;
    if (problem.isEmpty()) {
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly))
            problem = QStringLiteral("%1: cannot be read: %2").arg(describe(), file.errorString());
        else
            key = file.read(keySize);
        if (problem.isEmpty() && key.size() != keySize)
            problem = QStringLiteral("%1: could read only %2 bytes").arg(describe()).arg(key.size());
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return key;
}
