// CaseStore: parked outbox items (refused by the platform for good) for staff: list, requeue, export.
#include "CaseStore.h"

#include "AuditLog.h"
#include "Database.h"
#include "FieldCipher.h"
#include "OutboxBodies.h"
#include "StoreLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

bool CaseStore::parkedItems(QVector<ParkedItem> *items, QString *error) const
{
    items->clear();
    std::optional<Statement> select = m_db->prepare(
        "SELECT o.seq, o.kind, o.ref_id, c.case_number, o.last_error, o.attempts, o.created_at, o.parked_at "
        "FROM outbox o LEFT JOIN cases c ON c.id = o.ref_id WHERE o.state = 'parked' ORDER BY o.seq",
        "list parked outbox items", error);
    if (!select)
        return false;
    Statement::Step step;
    while ((step = select->step(error)) == Statement::Step::Row) {
        ParkedItem item;
        item.seq = select->integer(0);
        item.kind = select->text(1);
        item.refId = select->text(2);
        item.caseNumber = select->text(3);
        if (!select->isNull(4)) {
            QString problem;
            const std::optional<QByteArray> reason =
                unseal("outbox.last_error", QString::number(item.seq), select->blob(4), &problem);
            item.reason =
                reason ? QString::fromUtf8(*reason) : QStringLiteral("(unreadable: %1)").arg(problem);
        }
        item.attempts = int(select->integer(5));
        item.createdAt = parseStoredTime(select->text(6));
        item.parkedAt = parseStoredTime(select->text(7));
        items->append(item);
    }
    return step != Statement::Step::Failed;
}

bool CaseStore::requeue(qint64 seq, QString *error)
{
    std::optional<Transaction> transaction = m_db->begin("requeue outbox item", error);
    if (!transaction)
        return false;
    {
        std::optional<Statement> update = m_db->prepare(
            "UPDATE outbox SET state = 'pending', parked_at = NULL, next_attempt_at = NULL WHERE seq = ?1 "
            "AND state = 'parked'",
            "requeue outbox item", error);
        if (!update || !update->bind(1, seq).run(error))
            return false;
        if (m_db->changes() != 1) {
            QString state;
            std::optional<Statement> select =
                m_db->prepare("SELECT state FROM outbox WHERE seq = ?1", "read outbox state", error);
            if (select && select->bind(1, seq).step(error) == Statement::Step::Row)
                state = select->text(0);
            if (error)
                *error =
                    QStringLiteral("%1: requeue outbox item: %2")
                        .arg(m_db->filePath(),
                             state.isEmpty()
                                 ? QStringLiteral("there is no outbox item %1").arg(seq)
                                 : QStringLiteral("outbox item %1 is %2, not parked").arg(seq).arg(state));
            return false;
        }
    }
    if (!appendAuditEntry(*m_db, QStringLiteral("outbox.requeued"), QString::number(seq), error) ||
        !transaction->commit(error))
        return false;
    qCInfo(lcStore) << "parked outbox item requeued by staff:" << seq;
    return true;
}

bool CaseStore::exportParked(QByteArray *json, QString *error) const
{
    QVector<ParkedItem> items;
    if (!parkedItems(&items, error))
        return false;
    static const QRegularExpression status(QStringLiteral("^HTTP (\\d{3})\\b"));
    QJsonArray list;
    for (const ParkedItem &item : items) {
        const QRegularExpressionMatch match = status.match(item.reason);
        list.append(QJsonObject{
            {QStringLiteral("seq"), item.seq},
            {QStringLiteral("kind"), item.kind},
            {QStringLiteral("case_id"), item.refId},
            {QStringLiteral("case_number"), item.caseNumber},
            {QStringLiteral("attempts"), item.attempts},
            {QStringLiteral("created_at"), storedTime(item.createdAt)},
            {QStringLiteral("parked_at"), storedTime(item.parkedAt)},
            {QStringLiteral("http_status"),
             match.hasMatch() ? QJsonValue(match.captured(1).toInt()) : QJsonValue()},
        });
    }
    *json = QJsonDocument(
                QJsonObject{{QStringLiteral("store"), m_db->filePath()}, {QStringLiteral("parked"), list}})
                .toJson(QJsonDocument::Indented);
    return true;
}
