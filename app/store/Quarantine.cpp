#include "Quarantine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

static const char *const kCompanionSuffixes[] = {"-wal", "-shm"};
static const char kReasonSuffix[] = "-reason";

QString damageVisibleBeforeOpening(const QString &path)
{
    const QFileInfo main(path);
    const QFileInfo wal(path + QStringLiteral("-wal"));
    const bool walHasData = wal.exists() && wal.size() > 0;
    if (!main.exists()) {
        return walHasData ? QStringLiteral("%1: check before opening: there is a -wal file with data but no "
                                           "database file")
                                .arg(path)
                          : QString();
    }
    if (main.size() == 0) {
        return walHasData
                   ? QStringLiteral("%1: check before opening: the database file is empty but its -wal "
                                    "file holds data")
                         .arg(path)
                   : QString(); // an empty file is an empty database
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString(); // not readable is not damage: sqlite will say what is wrong
    static const QByteArray kHeader("SQLite format 3\0", 16);
    if (file.read(kHeader.size()) != kHeader)
        return QStringLiteral(
                   "%1: check before opening: the file does not start with the SQLite header, it is not "
                   "an SQLite database")
            .arg(path);
    return QString();
}

static QStringList existingFiles(const QString &path)
{
    QStringList result;
    if (QFileInfo::exists(path))
        result << path;
    for (const char *suffix : kCompanionSuffixes) {
        if (QFileInfo::exists(path + QLatin1String(suffix)))
            result << path + QLatin1String(suffix);
    }
    return result;
}

QString quarantineDatabaseFile(const QString &path, const QDateTime &nowUtc, QString *error)
{
    const QStringList sources = existingFiles(path);
    if (sources.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: quarantine: could not move the damaged file: it does not exist")
                         .arg(path);
        return QString();
    }
    const QString stamp = nowUtc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const QString base = path + QStringLiteral(".quarantine-") + stamp;
    QString target = base;
    for (int n = 2; !existingFiles(target).isEmpty(); ++n)
        target = base + QLatin1Char('-') + QString::number(n);

    QStringList notMoved;
    for (const QString &source : sources) {
        const QString destination = target + source.mid(path.size()); // keeps "-wal" / "-shm"
        if (!QFile::rename(source, destination))
            notMoved << source;
    }
    if (!notMoved.isEmpty()) {
        if (error)
            *error =
                QStringLiteral("%1: quarantine: could not move the damaged file%2 %3 to %4 (left in place)")
                    .arg(path, notMoved.size() > 1 ? QStringLiteral("s") : QString(),
                         notMoved.join(QStringLiteral(", ")), target);
        return QString();
    }
    return target;
}

QStringList quarantinedDatabaseFiles(const QString &path)
{
    const QFileInfo info(path);
    const QString prefix = info.fileName() + QStringLiteral(".quarantine-");
    const QStringList names = info.dir().entryList({prefix + QLatin1Char('*')}, QDir::Files, QDir::Name);
    QStringList result;
    for (QString name : names) {
        for (const char *suffix : kCompanionSuffixes) {
            if (name.endsWith(QLatin1String(suffix)))
                name.chop(int(qstrlen(suffix))); // a quarantined -wal may be all there is
        }
        if (name.endsWith(QLatin1String(kReasonSuffix)))
            name.chop(int(qstrlen(kReasonSuffix)));
        const QString quarantined = info.dir().filePath(name);
        if (!result.contains(quarantined))
            result << quarantined;
    }
    result.sort();
    return result;
}

bool writeQuarantineReason(const QString &quarantinedFile, const QString &reason, QString *error)
{
    QFile file(quarantinedFile + QLatin1String(kReasonSuffix));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(reason.toUtf8()) < 0 || !file.flush()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

QString quarantineReason(const QString &quarantinedFile)
{
    QFile file(quarantinedFile + QLatin1String(kReasonSuffix));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.read(64 * 1024)).trimmed();
}

QDateTime quarantineTime(const QString &quarantinedFile)
{
    const QString name = QFileInfo(quarantinedFile).fileName();
    const int at = name.lastIndexOf(QStringLiteral(".quarantine-"));
    if (at < 0)
        return QDateTime();
    QDateTime time = QDateTime::fromString(name.mid(at + 12, 16), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    time.setTimeSpec(Qt::UTC);
    return time;
}
