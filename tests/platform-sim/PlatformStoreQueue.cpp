// PlatformStore: queue tickets (docs/platform-api.md, "Queue tickets"), schema version 6.
//   queue_counters(center_id, service_id, day, next)  the next number of the day's sequence
//   queue_tickets(center_id, service_id, day, number, ...) one row per number, online or offline: the
//       primary key is what makes a number impossible to count twice
//   queue_ranges(range_id, center_id, service_id, day, first, last, owner, ...) blocks of the sequence
//       reserved for one kiosk's offline tickets; never given online
#include "PlatformStore.h"

#include "SimSqlite.h"

#include <QDateTime>
#include <QUuid>

#include <sqlite3.h>

using simsql::exec;
using simsql::Statement;

const char *PlatformStore::queueSchemaV6()
{
    return R"SQL(
CREATE TABLE IF NOT EXISTS queue_counters(
    center_id  TEXT NOT NULL,
    service_id TEXT NOT NULL,
    day        TEXT NOT NULL,
    next       INTEGER NOT NULL,
    PRIMARY KEY (center_id, service_id, day)
);
CREATE TABLE IF NOT EXISTS queue_tickets(
    center_id       TEXT NOT NULL,
    service_id      TEXT NOT NULL,
    day             TEXT NOT NULL,
    number          INTEGER NOT NULL,
    ticket_number   TEXT NOT NULL,
    source          TEXT NOT NULL,
    range_id        TEXT,
    owner           TEXT,
    idempotency_key TEXT,
    body_sha256     TEXT,
    waiting_before  INTEGER NOT NULL,
    issued_at       TEXT NOT NULL,
    PRIMARY KEY (center_id, service_id, day, number)
);
CREATE UNIQUE INDEX IF NOT EXISTS queue_tickets_by_key ON queue_tickets(center_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE TABLE IF NOT EXISTS queue_ranges(
    range_id        TEXT PRIMARY KEY,
    center_id       TEXT NOT NULL,
    service_id      TEXT NOT NULL,
    day             TEXT NOT NULL,
    first           INTEGER NOT NULL,
    last            INTEGER NOT NULL,
    owner           TEXT,
    idempotency_key TEXT NOT NULL,
    body_sha256     TEXT NOT NULL,
    granted_at      TEXT NOT NULL,
    UNIQUE (center_id, idempotency_key)
);
PRAGMA user_version = 6;
)SQL";
}

QString PlatformStore::formatTicketNumber(const QString &prefix, int number)
{
    return prefix + QStringLiteral("%1").arg(number, 3, 10, QLatin1Char('0'));
}

namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

int PlatformStore::waitingCount(const QString &centerId, const QString &serviceId, const QString &day,
                                QString *error) const
{
    Statement s(m_db,
                "SELECT count(*) FROM queue_tickets WHERE center_id = ?1 AND service_id = ?2 AND day = ?3");
    s.bind(1, centerId);
    s.bind(2, serviceId);
    s.bind(3, day);
    if (s.step() != SQLITE_ROW) {
        if (error)
            *error = QStringLiteral("%1: count tickets: %2").arg(m_filePath, s.error());
        return -1;
    }
    return int(s.integer(0));
}

// The next free number of the day's sequence, moved on by `count`; inside the caller's transaction.
int PlatformStore::takeNumbers(const QString &centerId, const QString &serviceId, const QString &day,
                               int count, QString *error)
{
    int next = 1;
    {
        Statement s(m_db,
                    "SELECT next FROM queue_counters WHERE center_id = ?1 AND service_id = ?2 AND day = ?3");
        s.bind(1, centerId);
        s.bind(2, serviceId);
        s.bind(3, day);
        const int rc = s.step();
        if (rc == SQLITE_ROW)
            next = int(s.integer(0));
        else if (rc != SQLITE_DONE) {
            *error = s.error();
            return -1;
        }
    }
    Statement up(m_db, "INSERT INTO queue_counters(center_id, service_id, day, next) VALUES(?1, ?2, ?3, ?4) "
                       "ON CONFLICT(center_id, service_id, day) DO UPDATE SET next = excluded.next");
    up.bind(1, centerId);
    up.bind(2, serviceId);
    up.bind(3, day);
    up.bind(4, qint64(next + count));
    if (up.step() != SQLITE_DONE) {
        *error = up.error();
        return -1;
    }
    return next;
}

PlatformStore::QueueTicketResult PlatformStore::takeTicket(const QString &centerId, const QString &serviceId,
                                                           const QString &prefix, const QString &day,
                                                           const QString &idempotencyKey,
                                                           const QString &bodySha, const QString &owner)
{
    QueueTicketResult result;
    QString why;
    const auto failed = [&](const QString &place, const QString &what) {
        exec(m_db, "ROLLBACK", nullptr);
        result.outcome = QueueOutcome::Failed;
        result.error = QStringLiteral("%1: %2: %3").arg(m_filePath, place, what);
        return result;
    };
    if (!exec(m_db, "BEGIN IMMEDIATE", &why))
        return failed(QStringLiteral("begin"), why);
    {
        Statement known(
            m_db,
            "SELECT service_id, day, number, ticket_number, waiting_before, issued_at, body_sha256, owner "
            "FROM queue_tickets WHERE center_id = ?1 AND idempotency_key = ?2");
        known.bind(1, centerId);
        known.bind(2, idempotencyKey);
        const int rc = known.step();
        if (rc == SQLITE_ROW) {
            exec(m_db, "ROLLBACK", nullptr);
            result.ticket = {centerId,      known.text(0),         known.text(1), int(known.integer(2)),
                             known.text(3), int(known.integer(4)), known.text(5)};
            if (!owner.isEmpty() && !known.text(7).isEmpty() && known.text(7) != owner)
                result.outcome = QueueOutcome::NotOwner;
            else
                result.outcome = known.text(6) == bodySha ? QueueOutcome::Replayed : QueueOutcome::Conflict;
            return result;
        }
        if (rc != SQLITE_DONE)
            return failed(QStringLiteral("find ticket"), known.error());
    }
    const int waiting = waitingCount(centerId, serviceId, day, &why);
    if (waiting < 0)
        return failed(QStringLiteral("waiting"), why);
    const int number = takeNumbers(centerId, serviceId, day, 1, &why);
    if (number < 0)
        return failed(QStringLiteral("counter"), why);
    result.ticket = {centerId, serviceId, day, number, formatTicketNumber(prefix, number), waiting, nowIso()};
    Statement insert(m_db,
                     "INSERT INTO queue_tickets(center_id, service_id, day, number, ticket_number, source, "
                     "owner, idempotency_key, body_sha256, waiting_before, issued_at) "
                     "VALUES(?1, ?2, ?3, ?4, ?5, 'online', NULLIF(?6, ''), ?7, ?8, ?9, ?10)");
    insert.bind(1, centerId);
    insert.bind(2, serviceId);
    insert.bind(3, day);
    insert.bind(4, qint64(number));
    insert.bind(5, result.ticket.ticketNumber);
    insert.bind(6, owner.isNull() ? QStringLiteral("") : owner);
    insert.bind(7, idempotencyKey);
    insert.bind(8, bodySha);
    insert.bind(9, qint64(waiting));
    insert.bind(10, result.ticket.issuedAt);
    if (insert.step() != SQLITE_DONE)
        return failed(QStringLiteral("insert ticket"), insert.error());
    if (!exec(m_db, "COMMIT", &why))
        return failed(QStringLiteral("commit"), why);
    result.outcome = QueueOutcome::Created;
    return result;
}

std::optional<PlatformStore::QueueRange> PlatformStore::findRange(const QString &where, const QString &value,
                                                                  const QString &centerId, QString *bodySha,
                                                                  QString *error) const
{
    const QByteArray sql = "SELECT range_id, center_id, service_id, day, first, last, owner, body_sha256 "
                           "FROM queue_ranges WHERE center_id = ?1 AND " +
                           where.toLatin1() + " = ?2";
    Statement s(m_db, sql.constData());
    s.bind(1, centerId);
    s.bind(2, value);
    const int rc = s.step();
    if (rc == SQLITE_ROW) {
        if (bodySha)
            *bodySha = s.text(7);
        return QueueRange{s.text(0),         s.text(1),         s.text(2), s.text(3),
                          int(s.integer(4)), int(s.integer(5)), s.text(6)};
    }
    if (rc != SQLITE_DONE && error)
        *error = QStringLiteral("%1: find range: %2").arg(m_filePath, s.error());
    return std::nullopt;
}

PlatformStore::QueueRangeResult PlatformStore::grantRange(const QString &centerId, const QString &serviceId,
                                                          const QString &day, int size,
                                                          const QString &idempotencyKey,
                                                          const QString &bodySha, const QString &owner)
{
    QueueRangeResult result;
    QString why;
    const auto failed = [&](const QString &place, const QString &what) {
        exec(m_db, "ROLLBACK", nullptr);
        result.outcome = QueueOutcome::Failed;
        result.error = QStringLiteral("%1: %2: %3").arg(m_filePath, place, what);
        return result;
    };
    if (!exec(m_db, "BEGIN IMMEDIATE", &why))
        return failed(QStringLiteral("begin"), why);
    QString storedSha;
    if (const auto known =
            findRange(QStringLiteral("idempotency_key"), idempotencyKey, centerId, &storedSha, &why)) {
        exec(m_db, "ROLLBACK", nullptr);
        result.range = *known;
        if (!owner.isEmpty() && !known->owner.isEmpty() && known->owner != owner)
            result.outcome = QueueOutcome::NotOwner;
        else
            result.outcome = storedSha == bodySha ? QueueOutcome::Replayed : QueueOutcome::Conflict;
        return result;
    }
    if (!why.isEmpty())
        return failed(QStringLiteral("find range"), why);
    const int first = takeNumbers(centerId, serviceId, day, size, &why);
    if (first < 0)
        return failed(QStringLiteral("counter"), why);
    result.range = {QUuid::createUuid().toString(QUuid::WithoutBraces),
                    centerId,
                    serviceId,
                    day,
                    first,
                    first + size - 1,
                    owner};
    Statement insert(m_db,
                     "INSERT INTO queue_ranges(range_id, center_id, service_id, day, first, last, owner, "
                     "idempotency_key, body_sha256, granted_at) "
                     "VALUES(?1, ?2, ?3, ?4, ?5, ?6, NULLIF(?7, ''), ?8, ?9, ?10)");
    insert.bind(1, result.range.rangeId);
    insert.bind(2, centerId);
    insert.bind(3, serviceId);
    insert.bind(4, day);
    insert.bind(5, qint64(result.range.first));
    insert.bind(6, qint64(result.range.last));
    insert.bind(7, owner.isNull() ? QStringLiteral("") : owner);
    insert.bind(8, idempotencyKey);
    insert.bind(9, bodySha);
    insert.bind(10, nowIso());
    if (insert.step() != SQLITE_DONE)
        return failed(QStringLiteral("insert range"), insert.error());
    if (!exec(m_db, "COMMIT", &why))
        return failed(QStringLiteral("commit"), why);
    result.outcome = QueueOutcome::Created;
    return result;
}

PlatformStore::QueueReportResult PlatformStore::reportIssued(const QString &centerId, const QString &rangeId,
                                                             const QString &prefix,
                                                             const QList<QPair<int, QString>> &tickets,
                                                             const QString &owner)
{
    QueueReportResult result;
    QString why;
    const auto failed = [&](const QString &place, const QString &what) {
        exec(m_db, "ROLLBACK", nullptr);
        result.outcome = QueueOutcome::Failed;
        result.error = QStringLiteral("%1: %2: %3").arg(m_filePath, place, what);
        return result;
    };
    if (!exec(m_db, "BEGIN IMMEDIATE", &why))
        return failed(QStringLiteral("begin"), why);
    const auto range = findRange(QStringLiteral("range_id"), rangeId, centerId, nullptr, &why);
    if (!why.isEmpty())
        return failed(QStringLiteral("find range"), why);
    const auto refuse = [&](QueueOutcome outcome) {
        exec(m_db, "ROLLBACK", nullptr);
        result.outcome = outcome;
        return result;
    };
    if (!range)
        return refuse(QueueOutcome::UnknownRange);
    result.range = *range;
    if (!owner.isEmpty() && !range->owner.isEmpty() && range->owner != owner)
        return refuse(QueueOutcome::NotOwner);
    // All or nothing: one number outside the range refuses the whole report.
    for (int i = 0; i < tickets.size(); ++i) {
        if (tickets.at(i).first < range->first || tickets.at(i).first > range->last) {
            result.badIndex = i;
            return refuse(QueueOutcome::OutsideRange);
        }
    }
    for (const auto &[number, issuedAt] : tickets) {
        Statement known(m_db,
                        "SELECT range_id FROM queue_tickets WHERE center_id = ?1 AND service_id = ?2 AND "
                        "day = ?3 AND number = ?4");
        known.bind(1, centerId);
        known.bind(2, range->serviceId);
        known.bind(3, range->day);
        known.bind(4, qint64(number));
        const int rc = known.step();
        if (rc == SQLITE_ROW) {
            if (!result.already.contains(number))
                result.already.append(number);
            continue;
        }
        if (rc != SQLITE_DONE)
            return failed(QStringLiteral("find ticket"), known.error());
        const int waiting = waitingCount(centerId, range->serviceId, range->day, &why);
        if (waiting < 0)
            return failed(QStringLiteral("waiting"), why);
        Statement insert(
            m_db, "INSERT INTO queue_tickets(center_id, service_id, day, number, ticket_number, source, "
                  "range_id, owner, waiting_before, issued_at) "
                  "VALUES(?1, ?2, ?3, ?4, ?5, 'offline', ?6, NULLIF(?7, ''), ?8, ?9)");
        insert.bind(1, centerId);
        insert.bind(2, range->serviceId);
        insert.bind(3, range->day);
        insert.bind(4, qint64(number));
        insert.bind(5, formatTicketNumber(prefix, number));
        insert.bind(6, rangeId);
        insert.bind(7, owner.isNull() ? QStringLiteral("") : owner);
        insert.bind(8, qint64(waiting));
        insert.bind(9, issuedAt);
        if (insert.step() != SQLITE_DONE)
            return failed(QStringLiteral("insert ticket"), insert.error());
        result.counted.append(number);
    }
    if (!exec(m_db, "COMMIT", &why))
        return failed(QStringLiteral("commit"), why);
    result.outcome = QueueOutcome::Created;
    return result;
}
