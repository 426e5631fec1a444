// CaseStore: opening the file (create, migrate, refuse, quarantine) and the connection diagnostics.
#include "CaseStore.h"

#include "Database.h"
#include "FieldCipher.h"
#include "KeyProvider.h"
#include "Migrations.h"
#include "Quarantine.h"
#include "StoreIdentity.h"
#include "StoreLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static const char kFileName[] = "cases.sqlite";

CaseStore::CaseStore(std::unique_ptr<Database> db, std::unique_ptr<FieldCipher> cipher, QString epoch)
    : m_db(std::move(db)), m_cipher(std::move(cipher)), m_epoch(std::move(epoch))
{
}

CaseStore::~CaseStore() = default;

// What stopped a file from being opened: only a damaged file is quarantined.
enum class OpenProblem { None, Damaged, Refused };

static OpenProblem problemFrom(const Database &db)
{
    return db.lastFailure() == DbFailure::Damaged ? OpenProblem::Damaged : OpenProblem::Refused;
}

// The key for this file. A store at version 4 holds sealed values: its key must exist and must open the
// key check; a store before version 4 (or a new one) holds none yet, so a missing key may be made.
static std::unique_ptr<FieldCipher> storeCipher(Database &db, int version, KeyProvider &keys, QString *error)
{
    const bool sealed = version >= 4;
    const std::optional<QByteArray> key = keys.loadKey(!sealed, error);
    if (!key)
        return nullptr;
    auto cipher = std::make_unique<FieldCipher>(*key);
    if (!sealed)
        return cipher;
    std::optional<Statement> select =
        db.prepare("SELECT value FROM store_meta WHERE key = 'key_check'", "read the key check", error);
    if (!select)
        return nullptr;
    const Statement::Step step = select->step(error);
    if (step == Statement::Step::Failed)
        return nullptr;
    if (step == Statement::Step::Done ||
        !cipher->open(select->blob(0), FieldCipher::associatedData("store_meta.key_check", QString()))) {
        *error =
            QStringLiteral("%1: the %2 does not open this store: it is not the key the store was encrypted "
                           "with. The file was left unchanged; restore the kiosk's own key file")
                .arg(db.filePath(), keys.describe());
        return nullptr;
    }
    return cipher;
}

// Plaintext from versions 1-3 must not survive the encryption in freed pages or in the WAL.
static bool scrubAfterEncryption(Database &db, QString *error)
{
    return db.exec("PRAGMA wal_checkpoint(TRUNCATE)", "checkpoint after encrypting", error) &&
           db.exec("VACUUM", "rewrite the file after encrypting", error) &&
           db.exec("PRAGMA wal_checkpoint(TRUNCATE)", "checkpoint after VACUUM", error);
}

// Order matters: nothing is written to the file (not even the journal mode, nor a checkpoint when the
// connection closes) before we know that it is readable, not newer than this build, intact, and that we
// hold its key.
static OpenProblem prepareFile(Database &db, KeyProvider &keys, std::unique_ptr<FieldCipher> *cipher,
                               QString *error)
{
    db.setCheckpointOnClose(false);
    const std::optional<int> version = db.userVersion(error);
    if (!version)
        return problemFrom(db);
    if (*version > CaseStore::schemaVersion) {
        *error = QStringLiteral("%1: schema version %2 is newer than version %3 that this build knows; "
                                "the file was left unchanged (was the kiosk software downgraded?)")
                     .arg(db.filePath())
                     .arg(*version)
                     .arg(CaseStore::schemaVersion);
        return OpenProblem::Refused;
    }
    if (!db.quickCheck(error))
        return problemFrom(db);
    *cipher = storeCipher(db, *version, keys, error);
    if (!*cipher)
        return OpenProblem::Refused; // a key problem is never damage
    db.setCheckpointOnClose(true);
    if (!db.useWriteAheadLog(error) || !migrateDatabase(db, CaseStore::schemaVersion, cipher->get(), error))
        return problemFrom(db);
    if (*version >= 1 && *version < 4 && !scrubAfterEncryption(db, error))
        return problemFrom(db);
    return OpenProblem::None;
}

// Data folder 0700; the database file made 0600 before sqlite creates it (its -wal and -shm take the main
// file's mode), and existing files narrowed to 0600.
static QString restrictPermissions(const QString &dataDir, const QString &path)
{
    if (::chmod(QFile::encodeName(dataDir).constData(), 0700) != 0)
        return QStringLiteral("%1: case store: cannot make the data directory private (mode 0700)")
            .arg(dataDir);
    if (!QFileInfo::exists(path) && !QFileInfo::exists(path + QStringLiteral("-wal"))) {
        const int fd =
            ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            ::close(fd);
    }
    for (const QString &file : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
        if (QFileInfo::exists(file) && ::chmod(QFile::encodeName(file).constData(), 0600) != 0)
            return QStringLiteral("%1: case store: cannot make the file private (mode 0600)").arg(file);
    }
    return QString();
}

std::unique_ptr<CaseStore> CaseStore::open(const QString &dataDir, QString *error)
{
    FileKeyProvider keys(FileKeyProvider::defaultPath(dataDir));
    return open(dataDir, keys, error);
}

std::unique_ptr<CaseStore> CaseStore::open(const QString &dataDir, KeyProvider &keys, QString *error)
{
    QString problem;
    if (dataDir.isEmpty()) {
        problem = QStringLiteral("case store: no data directory given");
    } else if (!QDir().mkpath(dataDir)) {
        problem = QStringLiteral("%1: case store: cannot create the data directory").arg(dataDir);
    }
    if (!problem.isEmpty()) {
        qCWarning(lcStore).noquote() << problem;
        if (error)
            *error = problem;
        return nullptr;
    }

    const QString path = QDir(dataDir).filePath(QLatin1String(kFileName));
    // Some damage must be caught before sqlite sees the file: sqlite would discard the -wal.
    problem = damageVisibleBeforeOpening(path);
    OpenProblem outcome = OpenProblem::Damaged;
    if (problem.isEmpty()) {
        problem = restrictPermissions(dataDir, path);
        if (!problem.isEmpty())
            outcome = OpenProblem::Refused;
    }
    std::unique_ptr<FieldCipher> cipher;
    std::unique_ptr<Database> db;
    bool noSpace = false; // sqlite found no room to write: never damage, and staff must free space
    if (problem.isEmpty()) {
        DbFailure failure = DbFailure::None;
        db = Database::open(path, &problem, &failure);
        outcome = failure == DbFailure::Damaged ? OpenProblem::Damaged : OpenProblem::Refused;
        noSpace = failure == DbFailure::Full;
    }
    if (db) {
        outcome = prepareFile(*db, keys, &cipher, &problem);
        QString epoch;
        if (outcome == OpenProblem::None) {
            if (ensureStoreEpoch(*db, quarantinedFiles(dataDir), &problem))
                epoch = readStoreEpoch(*db, &problem);
            if (epoch.isEmpty())
                outcome = OpenProblem::Refused;
        }
        if (outcome == OpenProblem::None) {
            qCInfo(lcStore).noquote() << "opened" << path << "at schema version" << schemaVersion;
            return std::unique_ptr<CaseStore>(new CaseStore(std::move(db), std::move(cipher), epoch));
        }
        noSpace = db->lastFailure() == DbFailure::Full;
        db.reset(); // closed before the file may be moved
    }

    if (outcome == OpenProblem::Damaged) {
        QString moveError;
        const QString movedTo = quarantineDatabaseFile(path, QDateTime::currentDateTimeUtc(), &moveError);
        QString reasonError;
        if (!movedTo.isEmpty() && !writeQuarantineReason(movedTo, problem, &reasonError))
            qCWarning(lcStore).noquote() << "the reason for the quarantine cannot be kept:" << reasonError;
        if (movedTo.isEmpty()) {
            problem = QStringLiteral("%1; %2. No new store was created.").arg(problem, moveError);
        } else {
            problem =
                QStringLiteral("%1; the damaged file was moved to %2 and no new store was created. Keep "
                               "that file: it may hold cases that were not synced yet.")
                    .arg(problem, movedTo);
        }
        qCCritical(lcStore).noquote() << problem;
    } else {
        if (noSpace)
            problem = QStringLiteral("%1. The disk is full: the store was left as it was; free space in %2 "
                                     "and start the kiosk again")
                          .arg(problem, dataDir);
        qCWarning(lcStore).noquote() << problem;
    }
    if (error)
        *error = problem;
    return nullptr;
}

QStringList CaseStore::quarantinedFiles(const QString &dataDir)
{
    return quarantinedDatabaseFiles(QDir(dataDir).filePath(QLatin1String(kFileName)));
}

QString CaseStore::filePath() const
{
    return m_db->filePath();
}

QString CaseStore::lastFailureCause() const
{
    switch (m_db->lastFailure()) {
    case DbFailure::Full:
        return QStringLiteral("disk_full");
    case DbFailure::Damaged:
        return QStringLiteral("damaged");
    case DbFailure::None:
    case DbFailure::Other:
        break;
    }
    return QStringLiteral("other");
}

int CaseStore::userVersion() const
{
    QString error;
    const std::optional<int> version = m_db->userVersion(&error);
    if (!version) {
        qCWarning(lcStore).noquote() << error;
        return -1;
    }
    return *version;
}

QString CaseStore::journalMode() const
{
    QString error;
    const std::optional<QString> mode = m_db->queryText("PRAGMA journal_mode", "read journal_mode", &error);
    if (!mode)
        qCWarning(lcStore).noquote() << error;
    return mode.value_or(QString());
}

int CaseStore::synchronousLevel() const
{
    QString error;
    const std::optional<qint64> level = m_db->queryInteger("PRAGMA synchronous", "read synchronous", &error);
    if (!level) {
        qCWarning(lcStore).noquote() << error;
        return -1;
    }
    return int(*level);
}
