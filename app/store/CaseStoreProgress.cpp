// CaseStore: what the kiosk knows of its cases' progress (store schema 8; docs/store.md, "Progress
// lookup"): the case's number, service and times, the platform's last known status, and whether the case
// has been sent. The form is never read here; a resident's cases are found by the blind index of their ID
// number (ApplicantIndex.h), never by the number itself.
#include "CaseStore.h"

#include "ApplicantIndex.h"
#include "Database.h"
#include "FieldCipher.h"
#include "OutboxBodies.h"
#include "StoreLog.h"

static const char kProgressColumns[] =
    "SELECT c.id, c.case_number, c.service_id, c.submitted_at, c.platform_status, c.platform_status_at, "
    "EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'case' AND o.ref_id = c.id AND o.state = 'synced') "
    "FROM cases c ";

static LocalCaseProgress progressFrom(const Statement &row)
{
    LocalCaseProgress p;
    p.caseId = row.text(0);
    p.caseNumber = row.text(1);
    p.serviceId = row.text(2);
    p.submittedAt = parseStoredTime(row.text(3));
    p.platformStatus = row.isNull(4) ? QString() : row.text(4);
    p.platformStatusAt = row.isNull(5) ? QDateTime() : parseStoredTime(row.text(5));
    p.sentToPlatform = row.integer(6) != 0;
    return p;
}

static std::optional<LocalCaseProgress> readOne(Database &db, const char *sql, const QString &value,
                                                QString *error)
{
    std::optional<Statement> select = db.prepare(sql, "read case progress", error);
    if (!select)
        return std::nullopt;
    select->bind(1, value);
    if (select->step(error) != Statement::Step::Row)
        return std::nullopt;
    return progressFrom(*select);
}

std::optional<LocalCaseProgress> CaseStore::caseProgress(const QString &caseId, QString *error) const
{
    static const QByteArray sql = QByteArray(kProgressColumns) + "WHERE c.id = ?1";
    return readOne(*m_db, sql.constData(), caseId, error);
}

std::optional<LocalCaseProgress> CaseStore::caseProgressByNumber(const QString &caseNumber,
                                                                 QString *error) const
{
    static const QByteArray sql = QByteArray(kProgressColumns) + "WHERE c.case_number = ?1";
    return readOne(*m_db, sql.constData(), caseNumber.trimmed().toUpper(), error);
}

bool CaseStore::casesOfApplicant(const QString &idNumber, int limit, QVector<LocalCaseProgress> *cases,
                                 QString *error) const
{
    cases->clear();
    const QByteArray index = ApplicantIndex::of(*m_cipher, idNumber);
    if (index.isEmpty())
        return true;
    static const QByteArray sql =
        QByteArray(kProgressColumns) +
        "WHERE c.applicant_index = ?1 ORDER BY c.submitted_at DESC, c.rowid DESC LIMIT ?2";
    std::optional<Statement> select = m_db->prepare(sql.constData(), "read an applicant's cases", error);
    if (!select)
        return false;
    select->bindBlob(1, index).bind(2, qint64(limit));
    Statement::Step step;
    while ((step = select->step(error)) == Statement::Step::Row)
        cases->append(progressFrom(*select));
    return step == Statement::Step::Done;
}

bool CaseStore::recordPlatformStatus(const QString &caseId, const QString &status, const QDateTime &knownAt,
                                     QString *error)
{
    std::optional<Statement> update =
        m_db->prepare("UPDATE cases SET platform_status = ?2, platform_status_at = ?3 WHERE id = ?1 AND "
                      "(platform_status_at IS NULL OR platform_status_at <= ?3)",
                      "record a case's platform status", error);
    if (!update)
        return false;
    update->bind(1, caseId).bind(2, status.left(64)).bind(3, storedTime(knownAt));
    if (!update->run(error))
        return false;
    qCInfo(lcStore) << "platform status recorded for case" << caseId;
    return true;
}
