// CaseStore: the outbox. The next item to send is the oldest one that is due and whose earlier items of the
// same case are synced; an item leaves the queue only by being marked synced or parked, each in one
// transaction with its audit entry.
#include "CaseStore.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "AuditLog.h"
#include "Database.h"
#include "FieldCipher.h"
#include "OutboxBodies.h"
#include "OutboxRows.h"
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

bool enqueueOutboxItem(Database &db, const FieldCipher &cipher, const QString &kind, const QString &refId,
                       const QString &idempotencyKey, const QByteArray &body, const QString &createdAt,
                       QString *error)
{
    {
        std::optional<Statement> insert = db.prepare(
            "INSERT INTO outbox (kind, ref_id, idempotency_key, body, created_at, state) VALUES (?1, ?2, ?3, "
            "zeroblob(0), ?4, 'pending')",
            "enqueue outbox item", error);
        if (!insert ||
            !insert->bind(1, kind).bind(2, refId).bind(3, idempotencyKey).bind(4, createdAt).run(error))
            return false;
    }
    const qint64 seq = db.lastInsertRowId();
    std::optional<Statement> seal =
        db.prepare("UPDATE outbox SET body = ?1 WHERE seq = ?2", "store the sealed outbox body", error);
    return seal && seal->bindBlob(1, cipher.seal(body, FieldCipher::associatedData("outbox.body",
                                                                                   QString::number(seq))))
                       .bind(2, seq)
                       .run(error);
}

std::optional<OutboxItem> CaseStore::nextOutboxItem() const
{
    QString error;
    std::optional<Statement> select = m_db->prepare(
        "SELECT seq, kind, ref_id, body, attempts, next_attempt_at, last_error, idempotency_key, "
        "upload_offset FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1",
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
    item.attempts = int(select->integer(4));
    item.nextAttemptAt = parseStoredTime(select->text(5));
    item.idempotencyKey = select->text(7);
    item.uploadOffset = select->integer(8);
    if (!readOutboxValues(select->blob(3), select->isNull(6) ? QByteArray() : select->blob(6), &item,
                          &error)) {
        qCWarning(lcStore).noquote() << error;
        return std::nullopt;
    }
    return item;
}

bool CaseStore::readOutboxValues(const QByteArray &sealedBody, const QByteArray &sealedError,
                                 OutboxItem *item, QString *error) const
{
    const QString seq = QString::number(item->seq);
    if (!sealedError.isEmpty()) {
        const std::optional<QByteArray> lastError = unseal("outbox.last_error", seq, sealedError, error);
        if (!lastError)
            return false;
        item->lastError = QString::fromUtf8(*lastError);
    }
    const std::optional<QByteArray> body = unseal("outbox.body", seq, sealedBody, error);
    if (!body)
        return false;
    if (item->kind != QLatin1String("case")) { // rating; attachment: its declaration
        item->body = *body;
        return true;
    }
    QString problem;
    const std::optional<QByteArray> assembled = assembleCaseBody(*body, attachments(item->refId), &problem);
    if (!assembled) {
        if (error)
            *error = QStringLiteral("%1: outbox item %2 (case %3): %4")
                         .arg(m_db->filePath(), seq, item->refId, problem);
        return false;
    }
    item->body = *assembled;
    return true;
}

// Pending items whose case item (an earlier "case" item of the same ref_id) is synced: attachments and the
// rating wait for their case only, never for each other; cases never wait for each other.
#define ELIGIBLE                                                                                             \
    "o.state = 'pending' AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.ref_id = o.ref_id AND e.seq < "      \
    "o.seq AND e.kind = 'case' AND e.state <> 'synced')"

OutboxRead CaseStore::nextDueOutboxItem(const QDateTime &now, qint64 maxDelayMs, bool ignoreSchedule)
{
    OutboxRead read;
    const QString nowText = storedTime(now);
    {
        const QString latest = storedTime(now.addMSecs(std::max<qint64>(0, maxDelayMs)));
        std::optional<Statement> clamp = m_db->prepare(
            "UPDATE outbox SET next_attempt_at = ?1 WHERE state = 'pending' AND next_attempt_at > ?1",
            "clamp far retry times", &read.error);
        if (!clamp || !clamp->bind(1, latest).run(&read.error))
            return read;
        if (m_db->changes() > 0)
            qCInfo(lcStore) << "outbox:" << m_db->changes() << "retry time(s) beyond" << latest
                            << "brought forward";
    }
    for (;;) {
        std::optional<Statement> select = m_db->prepare(
            "SELECT seq, kind, ref_id, body, attempts, next_attempt_at, last_error, idempotency_key, "
            "upload_offset FROM outbox o "
            "WHERE " ELIGIBLE
            " AND (?1 OR o.next_attempt_at IS NULL OR o.next_attempt_at <= ?2) ORDER BY o.seq LIMIT 1",
            "read next due outbox item", &read.error);
        if (!select)
            return read;
        select->bind(1, ignoreSchedule ? 1 : 0).bind(2, nowText);
        switch (select->step(&read.error)) {
        case Statement::Step::Row:
            break;
        case Statement::Step::Done: {
            std::optional<Statement> earliest =
                m_db->prepare("SELECT min(o.next_attempt_at) FROM outbox o WHERE " ELIGIBLE,
                              "read next outbox retry time", &read.error);
            if (!earliest || earliest->step(&read.error) != Statement::Step::Row)
                return read;
            read.nextDueAt = parseStoredTime(earliest->text(0));
            read.status = OutboxRead::Status::NothingDue;
            read.error.clear();
            return read;
        }
        case Statement::Step::Failed:
            return read;
        }
        OutboxItem item;
        item.seq = select->integer(0);
        item.kind = select->text(1);
        item.refId = select->text(2);
        item.attempts = int(select->integer(4));
        item.nextAttemptAt = parseStoredTime(select->text(5));
        item.idempotencyKey = select->text(7);
        item.uploadOffset = select->integer(8);
        QString problem;
        if (readOutboxValues(select->blob(3), select->isNull(6) ? QByteArray() : select->blob(6), &item,
                             &problem)) {
            read.item = item;
            read.status = OutboxRead::Status::Due;
            return read;
        }
        // Damaged values must not block the queue: the item is parked for staff with the reason.
        select.reset();
        qCWarning(lcStore).noquote() << problem;
        if (!markParked(item.seq, QStringLiteral("unreadable in the store: ") + problem, &read.error))
            return read;
    }
}

#undef ELIGIBLE

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

// In markSynced's transaction: a case item's answer {"case_id", "status", ...} sets the case's last known
// platform status (store schema 8). Any other item, or an answer without a status, changes nothing.
static bool recordSyncedStatus(Database &db, qint64 seq, const QByteArray &response, QString *error)
{
    const QString status = QJsonDocument::fromJson(response).object().value(QStringLiteral("status")).toString();
    if (status.isEmpty())
        return true;
    std::optional<Statement> update = db.prepare(
        "UPDATE cases SET platform_status = ?2, platform_status_at = ?3 WHERE id = (SELECT ref_id FROM outbox "
        "WHERE seq = ?1 AND kind = 'case') AND (platform_status_at IS NULL OR platform_status_at <= ?3)",
        "record the case's platform status", error);
    if (!update)
        return false;
    update->bind(1, seq).bind(2, status.left(64)).bind(3, storedTime(QDateTime::currentDateTimeUtc()));
    return update->run(error);
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
        update->bind(1, seq).bind(2, storedTime(QDateTime::currentDateTimeUtc()));
        update->bindBlob(3, seal("outbox.response", QString::number(seq), response));
        if (!updatePending(*m_db, *update, seq, "mark outbox item synced", error))
            return false;
    }
    // A case's receipt carries its status on the platform: the last status known (progress lookup offline).
    if (!recordSyncedStatus(*m_db, seq, response, error))
        return false;
    if (!appendAuditEntry(*m_db, QStringLiteral("outbox.synced"), QString::number(seq), error) ||
        !transaction->commit(error))
        return false;
    qCInfo(lcStore) << "outbox item synced:" << seq;
    return true;
}

bool CaseStore::markParked(qint64 seq, const QString &reason, QString *error)
{
    std::optional<Transaction> transaction = m_db->begin("park outbox item", error);
    if (!transaction)
        return false;
    {
        std::optional<Statement> update = m_db->prepare(
            "UPDATE outbox SET state = 'parked', parked_at = ?3, last_error = ?2 WHERE seq = ?1 AND "
            "state = 'pending'",
            "park outbox item", error);
        if (!update)
            return false;
        update->bind(1, seq).bindBlob(2, seal("outbox.last_error", QString::number(seq), reason.toUtf8()));
        update->bind(3, storedTime(QDateTime::currentDateTimeUtc()));
        if (!updatePending(*m_db, *update, seq, "park outbox item", error))
            return false;
    }
    if (!appendAuditEntry(*m_db, QStringLiteral("outbox.parked"), QString::number(seq), error) ||
        !transaction->commit(error))
        return false;
    qCWarning(lcStore) << "outbox item rejected by the platform, parked for staff:" << seq;
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
    update->bind(1, seq).bindBlob(2, seal("outbox.last_error", QString::number(seq), reason.toUtf8()));
    if (nextAttemptAt.isValid())
        update->bind(3, storedTime(nextAttemptAt));
    else
        update->bindNull(3);
    return updatePending(*m_db, *update, seq, "record failed upload attempt", error);
}

bool CaseStore::recordUploadOffset(qint64 seq, qint64 offset, QString *error)
{
    std::optional<Statement> update = m_db->prepare(
        "UPDATE outbox SET upload_offset = ?2 WHERE seq = ?1 AND state = 'pending' AND kind = 'attachment'",
        "record upload offset", error);
    if (!update)
        return false;
    update->bind(1, seq).bind(2, std::max<qint64>(0, offset));
    return updatePending(*m_db, *update, seq, "record upload offset", error);
}

std::optional<QByteArray> CaseStore::attachmentBytes(const QString &caseId, int sequence, QString *error) const
{
    std::optional<Statement> select = m_db->prepare(
        "SELECT data FROM attachments WHERE case_id = ?1 AND sequence = ?2", "read attachment bytes", error);
    if (!select)
        return std::nullopt;
    switch (select->bind(1, caseId).bind(2, sequence).step(error)) {
    case Statement::Step::Row:
        break;
    case Statement::Step::Done:
        if (error)
            *error = QStringLiteral("%1: attachment %2 of case %3 is not in the store")
                         .arg(m_db->filePath())
                         .arg(sequence)
                         .arg(caseId);
        return std::nullopt;
    case Statement::Step::Failed:
        return std::nullopt;
    }
    return unseal("attachments.data", caseId + QLatin1Char('|') + QString::number(sequence), select->blob(0),
                  error);
}
