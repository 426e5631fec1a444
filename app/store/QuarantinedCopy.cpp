#include "QuarantinedCopy.h"

#include "Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

QuarantinedCopy::QuarantinedCopy(const QString &parent)
    : m_dir(QDir(parent).filePath(QStringLiteral(".quarantine-read-XXXXXX")))
{
}

QuarantinedCopy::~QuarantinedCopy() = default; // QTemporaryDir removes the folder and the copies

QString QuarantinedCopy::filePath() const
{
    return QDir(m_dir.path()).filePath(QStringLiteral("cases.sqlite"));
}

std::unique_ptr<QuarantinedCopy> QuarantinedCopy::make(const QString &quarantinedMain, QString *error)
{
    std::unique_ptr<QuarantinedCopy> copy(new QuarantinedCopy(QFileInfo(quarantinedMain).absolutePath()));
    if (!copy->m_dir.isValid()) {
        if (error)
            *error = QStringLiteral("%1: read quarantined store: cannot make a working folder: %2")
                         .arg(quarantinedMain, copy->m_dir.errorString());
        return nullptr;
    }
    QFile::setPermissions(copy->m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString target = copy->filePath();
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        const QString source = quarantinedMain + suffix;
        if (!QFileInfo::exists(source))
            continue;
        if (!QFile::copy(source, target + suffix)) {
            if (error)
                *error = QStringLiteral("%1: read quarantined store: cannot copy it").arg(source);
            return nullptr;
        }
        QFile::setPermissions(target + suffix, QFile::ReadOwner | QFile::WriteOwner);
    }
    return copy;
}

std::unique_ptr<Database> QuarantinedCopy::openDatabase(QString *error) const
{
    if (!QFileInfo::exists(filePath())) {
        if (error)
            *error =
                QStringLiteral("%1: read quarantined store: only a -wal file is left, there is no database "
                               "to read it with")
                    .arg(filePath());
        return nullptr;
    }
    return Database::open(filePath(), error);
}
