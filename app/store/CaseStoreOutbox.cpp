// CaseStore: the outbox. Items are uploaded in seq order; an item leaves the queue only by being marked
// synced or rejected, each in one transaction with its audit entry.
#include "CaseStore.h"

#include "AuditLog.h"
#include "Database.h"
#include "OutboxBodies.h"
#include "StoreLog.h"

// Why an UPDATE ... WHERE seq = ? AND state = 'pending' changed nothing.
static QString notPendingReason(Database &db, qint64 seq)
{
    QString error;
    std::optional<Statement> select =
        db.prepare("SELECT state FROM outbox WHERE seq = ?1", "read outbox state", &error);
    if (!select)
        return error;
    switch (select->bind(1, seq).step(&error)) {
    case Statement::Step::Row:
        return QStringLiteral("outbox item %1 is already %2, not pending").arg(seq).arg(select->text(0));
    case Statement::Step::Done:
        return QStringLiteral("there is no outbox item %1").arg(seq);
    case Statement::Step::Failed:
        break;
    }
    return error;
}

// Runs a prepared UPDATE of one pending item; fails with the reason when the item is not pending.
static bool updatePending(Database &db, Statement &update, qint64 seq, const char *place, QString *error)
{
    if (!update.run(error))
        return false;
    if (db.changes() == 1)
        return true;
    if (error)
        *error = QStringLiteral("%1: %2: %3")
                     .arg(db.filePath(), QString::fromUtf8(place), notPendingReason(db, seq));
    return false;
}

std::optional<OutboxItem> CaseStore::nextOutboxItem() const
{
    QString error;
    std::optional<Statement> select =
        m_db->prepare("SELECT seq, kind, ref_id, body, attempts, next_attempt_at, last_error FROM outbox "
                      "WHERE state = 'pending' ORDER BY seq LIMIT 1",
                      "read next outbox item", &error);
    if (!select) {
        qCWarning(lcStore).noquote() << error;
        return std::nullopt;
    }
    switch (select->step(&error)) {
    case Statement::Step::Row:
        break;
    case Statement::Step::Done:
        return std::nullopt;
    case Statement::Step::Failed:
        qCWarning(lcStore).noquote() << error;
        return std::nullopt;
    }
    OutboxItem item;
    item.seq = select->integer(0);
    item.kind = select->text(1);
    item.refId = select->text(2);
    item.body = select->blob(3);
    item.attempts = int(select->integer(4));
    item.nextAttemptAt = parseStoredTime(select->text(5));
    item.lastError = select->text(6);
    return item;
}

int CaseStore::pendingCount() const
{
    QString error;
    const std::optional<qint64> count = m_db->queryInteger(
        "SELECT count(*) FROM outbox WHERE state = 'pending'", "count pending outbox items", &error);
    if (!count) {
        qCWarning(lcStore).noquote() << error;
        return -1;
    }
    return int(*count);
}

bool CaseStore::markSynced(qint64 seq, const QByteArray &response, QString *error)
{
    std::optional<Transaction> transaction = m_db->begin("mark outbox item synced", error);
    if (!transaction)
        return false;
    {
        std::optional<Statement> update = m_db->prepare("UPDATE outbox SET state = 'synced', synced_at = ?2, "
                                                        "response = ?3 WHERE seq = ?1 AND state = 'pending'",
                                                        "mark outbox item synced", error);
        if (!update)
            return false;
        update->bind(1, seq).bind(2, storedTime(QDateTime::currentDateTimeUtc())).bindBlob(3, response);
        if (!updatePending(*m_db, *update, seq, "mark outbox item synced", error))
            return false;
    }
    if (!appendAuditEntry(*m_db, QStringLiteral("outbox.synced"), QString::number(seq), error) ||
        !transaction->commit(error))
        return false;
    qCInfo(lcStore) << "outbox item synced:" << seq;
    return true;
}

bool CaseStore::markRejected(qint64 seq, const QString &reason, QString *error)
{
    std::optional<Transaction> transaction = m_db->begin("mark outbox item rejected", error);
    if (!transaction)
        return false;
    {
        std::optional<Statement> update = m_db->prepare(
            "UPDATE outbox SET state = 'rejected', last_error = ?2 WHERE seq = ?1 AND state = 'pending'",
            "mark outbox item rejected", error);
        if (!update)
            return false;
        update->bind(1, seq).bind(2, reason);
        if (!updatePending(*m_db, *update, seq, "mark outbox item rejected", error))
            return false;
    }
    if (!appendAuditEntry(*m_db, QStringLiteral("outbox.rejected"), QString::number(seq), error) ||
        !transaction->commit(error))
        return false;
    qCWarning(lcStore) << "outbox item rejected by the platform, kept for staff:" << seq;
    return true;
}

bool CaseStore::recordFailedAttempt(qint64 seq, const QString &reason, const QDateTime &nextAttemptAt,
                                    QString *error)
{
    std::optional<Statement> update =
        m_db->prepare("UPDATE outbox SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3 "
                      "WHERE seq = ?1 AND state = 'pending'",
                      "record failed upload attempt", error);
    if (!update)
        return false;
    update->bind(1, seq).bind(2, reason);
    if (nextAttemptAt.isValid())
        update->bind(3, storedTime(nextAttemptAt));
    else
        update->bindNull(3);
    return updatePending(*m_db, *update, seq, "record failed upload attempt", error);
}
