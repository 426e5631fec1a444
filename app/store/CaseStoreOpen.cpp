// CaseStore: opening the file (create, migrate, refuse, quarantine) and the connection diagnostics.
#include "CaseStore.h"

#include "Database.h"
#include "Migrations.h"
#include "Quarantine.h"
#include "StoreIdentity.h"
#include "StoreLog.h"

#include <QDir>

static const char kFileName[] = "cases.sqlite";

CaseStore::CaseStore(std::unique_ptr<Database> db, QString epoch) : m_db(std::move(db)), m_epoch(std::move(epoch))
{
}

CaseStore::~CaseStore() = default;

// What stopped a file from being opened: only a damaged file is quarantined.
enum class OpenProblem { None, Damaged, Refused };

static OpenProblem problemFrom(const Database &db)
{
    return db.lastFailure() == DbFailure::Damaged ? OpenProblem::Damaged : OpenProblem::Refused;
}

// Order matters: nothing is written to the file (not even the journal mode, nor a checkpoint when the
// connection closes) before we know that it is readable, not newer than this build, and intact.
static OpenProblem prepareFile(Database &db, QString *error)
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
    db.setCheckpointOnClose(true);
    if (!db.useWriteAheadLog(error) || !migrateDatabase(db, CaseStore::schemaVersion, error))
        return problemFrom(db);
    return OpenProblem::None;
}

std::unique_ptr<CaseStore> CaseStore::open(const QString &dataDir, QString *error)
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
    std::unique_ptr<Database> db;
    if (problem.isEmpty()) {
        DbFailure failure = DbFailure::None;
        db = Database::open(path, &problem, &failure);
        outcome = failure == DbFailure::Damaged ? OpenProblem::Damaged : OpenProblem::Refused;
    }
    if (db) {
        outcome = prepareFile(*db, &problem);
        QString epoch;
        if (outcome == OpenProblem::None) {
            if (ensureStoreEpoch(*db, quarantinedFiles(dataDir), &problem))
                epoch = readStoreEpoch(*db, &problem);
            if (epoch.isEmpty())
                outcome = OpenProblem::Refused;
        }
        if (outcome == OpenProblem::None) {
            qCInfo(lcStore).noquote() << "opened" << path << "at schema version" << schemaVersion;
            return std::unique_ptr<CaseStore>(new CaseStore(std::move(db), epoch));
        }
        db.reset(); // closed before the file may be moved
    }

    if (outcome == OpenProblem::Damaged) {
        QString moveError;
        const QString movedTo = quarantineDatabaseFile(path, QDateTime::currentDateTimeUtc(), &moveError);
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
