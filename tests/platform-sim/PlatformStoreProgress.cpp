// PlatformStore: a case's processing status and its history (docs/platform-api.md, "Case progress"),
// schema version 8.
//   case_status_history(id, case_id, status, at, note): every status a case had, oldest first; the first
//   row is `received`, written with the case.
//   cases.applicant_id_number: the applicant's ID number from the case's form (`form.id_number`,
//   upper-case), so that a resident's cases can be listed.
#include "PlatformStore.h"

#include "SimSqlite.h"

#include <QDateTime>

#include <sqlite3.h>

using simsql::exec;
using simsql::Statement;

const char *PlatformStore::progressSchemaV8()
{
    return R"SQL(
CREATE TABLE IF NOT EXISTS case_status_history(
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL REFERENCES cases(case_id),
    status  TEXT NOT NULL,
    at      TEXT NOT NULL,
    note    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS case_status_history_by_case ON case_status_history(case_id, id);
UPDATE cases SET applicant_id_number = upper(json_extract(CAST(body AS TEXT), '$.form.id_number'));
CREATE INDEX IF NOT EXISTS cases_by_applicant ON cases(applicant_id_number);
INSERT INTO case_status_history(case_id, status, at) SELECT case_id, status, received_at FROM cases;
PRAGMA user_version = 8;
)SQL";
}

const QStringList &PlatformStore::caseStatuses()
{
    static const QStringList statuses = {QStringLiteral("received"),  QStringLiteral("accepted"),
                                         QStringLiteral("in_review"), QStringLiteral("more_materials_needed"),
                                         QStringLiteral("approved"),  QStringLiteral("rejected"),
                                         QStringLiteral("completed")};
    return statuses;
}

bool PlatformStore::recordReceived(const QString &caseId, const QString &receivedAt, QString *error)
{
    Statement applicant(m_db,
                        "UPDATE cases SET applicant_id_number = "
                        "upper(json_extract(CAST(body AS TEXT), '$.form.id_number')) WHERE case_id = ?1");
    applicant.bind(1, caseId);
    if (applicant.step() != SQLITE_DONE) {
        *error = applicant.error();
        return false;
    }
    Statement history(m_db,
                      "INSERT INTO case_status_history(case_id, status, at) VALUES(?1, 'received', ?2)");
    history.bind(1, caseId);
    history.bind(2, receivedAt);
    if (history.step() != SQLITE_DONE) {
        *error = history.error();
        return false;
    }
    return true;
}

std::optional<PlatformStore::CaseProgress>
PlatformStore::readProgress(const char *where, const QString &value, QString *error) const
{
    const QByteArray sql = QByteArray("SELECT case_id, case_number, json_extract(CAST(body AS TEXT), "
                                      "'$.service_id'), status, received_at FROM cases WHERE ") +
                           where + " = ?1 ORDER BY received_at LIMIT 1";
    Statement s(m_db, sql.constData());
    s.bind(1, value);
    const int rc = s.step();
    if (rc == SQLITE_DONE)
        return std::nullopt;
    if (rc != SQLITE_ROW) {
        *error = QStringLiteral("%1: find case progress: %2").arg(m_filePath, s.error());
        return std::nullopt;
    }
    CaseProgress progress{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(4), {}};
    // The latest entries, at most maxHistory, returned oldest first.
    Statement history(m_db,
                      "SELECT status, at, note FROM (SELECT id, status, at, note FROM case_status_history "
                      "WHERE case_id = ?1 ORDER BY id DESC LIMIT ?2) ORDER BY id");
    history.bind(1, progress.caseId);
    history.bind(2, qint64(maxHistory));
    int hrc;
    while ((hrc = history.step()) == SQLITE_ROW)
        progress.history.append({history.text(0), history.text(1), history.text(2)});
    if (hrc != SQLITE_DONE) {
        *error = QStringLiteral("%1: read case history: %2").arg(m_filePath, history.error());
        return std::nullopt;
    }
    if (!progress.history.isEmpty())
        progress.updatedAt = progress.history.last().at;
    return progress;
}

std::optional<PlatformStore::CaseProgress> PlatformStore::progressOfCase(const QString &caseId,
                                                                         QString *error) const
{
    return readProgress("case_id", caseId, error);
}

std::optional<PlatformStore::CaseProgress> PlatformStore::progressOfNumber(const QString &caseNumber,
                                                                           QString *error) const
{
    return readProgress("case_number", caseNumber, error);
}

QList<PlatformStore::CaseProgress> PlatformStore::casesOfApplicant(const QString &idNumber, int limit,
                                                                   bool *more, QString *error) const
{
    QList<CaseProgress> found;
    Statement s(m_db, "SELECT case_id FROM cases WHERE applicant_id_number = ?1 "
                      "ORDER BY received_at DESC, platform_ref DESC LIMIT ?2");
    s.bind(1, idNumber.toUpper());
    s.bind(2, qint64(limit + 1));
    QStringList ids;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        ids.append(s.text(0));
    if (rc != SQLITE_DONE) {
        *error = QStringLiteral("%1: find applicant's cases: %2").arg(m_filePath, s.error());
        return {};
    }
    *more = ids.size() > limit;
    for (int i = 0; i < qMin(limit, int(ids.size())); ++i) {
        const auto progress = progressOfCase(ids.at(i), error);
        if (!progress)
            return {};
        found.append(*progress);
    }
    return found;
}

bool PlatformStore::setCaseStatus(const QString &caseId, const QString &status, const QString &at,
                                  const QString &note, QString *error)
{
    QString why;
    if (!exec(m_db, "BEGIN IMMEDIATE", &why)) {
        *error = why;
        return false;
    }
    Statement update(m_db, "UPDATE cases SET status = ?2 WHERE case_id = ?1");
    update.bind(1, caseId);
    update.bind(2, status);
    Statement history(m_db,
                      "INSERT INTO case_status_history(case_id, status, at, note) VALUES(?1, ?2, ?3, ?4)");
    history.bind(1, caseId);
    history.bind(2, status);
    history.bind(3, at);
    history.bind(4, note);
    if (update.step() != SQLITE_DONE || history.step() != SQLITE_DONE || !exec(m_db, "COMMIT", &why)) {
        *error = QStringLiteral("%1: set case status: %2").arg(m_filePath, update.error());
        exec(m_db, "ROLLBACK", nullptr);
        return false;
    }
    return true;
}
