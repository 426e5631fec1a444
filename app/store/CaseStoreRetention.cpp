// CaseStore: retention (purging the personal data of cases the platform has had for long enough), the
// rating reader and the list of unsynced cases (recovery of quarantined stores uses both).
#include "CaseStore.h"

#include "AuditLog.h"
#include "Database.h"
#include "OutboxBodies.h"
#include "StoreLog.h"

std::optional<RatingRecord> CaseStore::rating(const QString &caseId) const
{
    QString error;
    std::optional<Statement> select = m_db->prepare(
        "SELECT level, comment, created_at, (SELECT idempotency_key FROM outbox WHERE ref_id = ?1 AND kind = "
        "'rating' ORDER BY seq LIMIT 1), indicators FROM ratings WHERE case_id = ?1",
        "read rating", &error);
    if (!select) {
        qCWarning(lcStore).noquote() << error;
        return std::nullopt;
    }
    switch (select->bind(1, caseId).step(&error)) {
    case Statement::Step::Row:
        break;
    case Statement::Step::Done:
        return std::nullopt;
    case Statement::Step::Failed:
        qCWarning(lcStore).noquote() << error;
        return std::nullopt;
    }
    RatingRecord found;
    found.level = int(select->integer(0));
    found.ratedAt = parseStoredTime(select->text(2));
    found.idempotencyKey = select->text(3);
    found.indicators = select->text(4).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QByteArray sealed = select->blob(1);
    if (!sealed.isEmpty()) { // purged comments are empty
        const std::optional<QByteArray> comment = unseal("ratings.comment", caseId, sealed, &error);
        if (!comment) {
            qCWarning(lcStore).noquote() << error;
            return std::nullopt;
        }
        found.comment = QString::fromUtf8(*comment);
    }
    return found;
}

bool CaseStore::unsyncedCaseIds(QStringList *ids, QString *error) const
{
    ids->clear();
    std::optional<Statement> select = m_db->prepare("SELECT c.id FROM cases c WHERE EXISTS (SELECT 1 FROM "
                                                    "outbox o WHERE o.ref_id = c.id AND o.state <> 'synced') "
                                                    "ORDER BY c.created_at, c.id",
                                                    "list unsynced cases", error);
    if (!select)
        return false;
    Statement::Step step;
    while ((step = select->step(error)) == Statement::Step::Row)
        ids->append(select->text(0));
    return step != Statement::Step::Failed;
}

int CaseStore::purgeExpired(const QDateTime &now, qint64 retentionMs, QString *error)
{
    const QString cutoff = storedTime(now.addMSecs(-std::max<qint64>(0, retentionMs)));
    std::optional<Transaction> transaction = m_db->begin("purge expired cases", error);
    if (!transaction)
        return -1;
    QStringList expired;
    {
        // All of the case's items synced (none pending or parked), the last one before the cutoff.
        std::optional<Statement> select = m_db->prepare(
            "SELECT c.id FROM cases c WHERE c.purged_at IS NULL "
            "AND EXISTS (SELECT 1 FROM outbox o WHERE o.ref_id = c.id AND o.kind = 'case') "
            "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.ref_id = c.id AND o.state <> 'synced') "
            "AND (SELECT max(o.synced_at) FROM outbox o WHERE o.ref_id = c.id) <= ?1",
            "find expired cases", error);
        if (!select)
            return -1;
        select->bind(1, cutoff);
        Statement::Step step;
        while ((step = select->step(error)) == Statement::Step::Row)
            expired.append(select->text(0));
        if (step == Statement::Step::Failed)
            return -1;
    }
    const QString purgedAt = storedTime(now);
    for (const QString &caseId : expired) {
        static const char *const statements[] = {
            "UPDATE cases SET form_json = zeroblob(0), licences_sealed = NULL, applicant_index = NULL, purged_at = ?2 WHERE id = ?1",
            "DELETE FROM attachments WHERE case_id = ?1 AND ?2 IS NOT NULL",
            "UPDATE ratings SET comment = zeroblob(0) WHERE case_id = ?1 AND ?2 IS NOT NULL",
            "UPDATE outbox SET body = zeroblob(0), response = NULL, last_error = NULL WHERE ref_id = ?1 AND "
            "?2 IS NOT NULL",
        };
        for (const char *sql : statements) {
            std::optional<Statement> purge = m_db->prepare(sql, "purge a case's personal data", error);
            if (!purge || !purge->bind(1, caseId).bind(2, purgedAt).run(error))
                return -1;
        }
        if (!appendAuditEntry(*m_db, QStringLiteral("case.purged"), caseId, error))
            return -1;
    }
    if (!transaction->commit(error))
        return -1;
    if (!expired.isEmpty())
        qCInfo(lcStore) << "retention: personal data of" << expired.size() << "synced case(s) purged";
    return int(expired.size());
}
