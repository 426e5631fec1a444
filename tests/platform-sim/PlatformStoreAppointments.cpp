// PlatformStore: appointment check-in (docs/platform-api.md, "Appointment check-in"), schema version 7.
//   appointments(appointment_id, center_id, service_id, code UNIQUE, slot_start, slot_end, checked_in_at,
//                check_in_key, owner, answer)
// A check-in issues a queue ticket of the appointment's counter service in the same transaction.
#include "PlatformStore.h"

#include "SimSqlite.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

#include <sqlite3.h>

using simsql::exec;
using simsql::Statement;

const char *PlatformStore::appointmentSchemaV7()
{
    return R"SQL(
CREATE TABLE IF NOT EXISTS appointments(
    appointment_id TEXT PRIMARY KEY,
    center_id      TEXT NOT NULL,
    service_id     TEXT NOT NULL,
    code           TEXT NOT NULL UNIQUE,
    slot_start     TEXT NOT NULL,
    slot_end       TEXT NOT NULL,
    checked_in_at  TEXT,
    check_in_key   TEXT,
    owner          TEXT,
    answer         BLOB
);
PRAGMA user_version = 7;
)SQL";
}

bool PlatformStore::addAppointment(const Appointment &a, QString *error)
{
    Statement insert(
        m_db, "INSERT INTO appointments(appointment_id, center_id, service_id, code, slot_start, slot_end) "
              "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, a.appointmentId);
    insert.bind(2, a.centerId);
    insert.bind(3, a.serviceId);
    insert.bind(4, a.code);
    insert.bind(5, a.slotStart.toUTC().toString(Qt::ISODateWithMs));
    insert.bind(6, a.slotEnd.toUTC().toString(Qt::ISODateWithMs));
    if (insert.step() == SQLITE_DONE)
        return true;
    *error = QStringLiteral("%1: insert appointment: %2").arg(m_filePath, insert.error());
    return false;
}

PlatformStore::CheckInResult
PlatformStore::checkIn(const QString &centerId, const QString &code, const QString &key, const QDateTime &now,
                       int earlyMinutes, const std::function<QString(const QString &)> &prefixFor,
                       const std::function<QJsonObject(const QueueTicket &)> &answerFor, const QString &owner)
{
    CheckInResult result;
    QString why;
    const auto failed = [&](const QString &place, const QString &what) {
        exec(m_db, "ROLLBACK", nullptr);
        result.outcome = CheckIn::Failed;
        result.error = QStringLiteral("%1: %2: %3").arg(m_filePath, place, what);
        return result;
    };
    const auto refuse = [&](CheckIn outcome) {
        exec(m_db, "ROLLBACK", nullptr);
        result.outcome = outcome;
        return result;
    };
    if (!exec(m_db, "BEGIN IMMEDIATE", &why))
        return failed(QStringLiteral("begin"), why);
    Statement find(m_db, "SELECT appointment_id, center_id, service_id, slot_start, slot_end, checked_in_at, "
                         "check_in_key, owner, answer FROM appointments WHERE code = ?1");
    find.bind(1, code);
    const int rc = find.step();
    if (rc == SQLITE_DONE)
        return refuse(CheckIn::NotFound);
    if (rc != SQLITE_ROW)
        return failed(QStringLiteral("find appointment"), find.error());
    result.appointment = {find.text(0),
                          find.text(1),
                          find.text(2),
                          code,
                          QDateTime::fromString(find.text(3), Qt::ISODateWithMs),
                          QDateTime::fromString(find.text(4), Qt::ISODateWithMs)};
    if (result.appointment.centerId != centerId)
        return refuse(CheckIn::WrongCenter);
    if (!find.text(5).isEmpty()) {
        // Checked in before: the same request again (its key, its kiosk) is a retry and gets the same
        // answer; anything else is a code used twice.
        const bool sameKiosk = owner.isEmpty() || find.text(7).isEmpty() || find.text(7) == owner;
        if (find.text(6) == key && sameKiosk) {
            result.answer = QJsonDocument::fromJson(find.blob(8)).object();
            return refuse(CheckIn::Replayed);
        }
        result.answer = QJsonDocument::fromJson(find.blob(8)).object();
        return refuse(CheckIn::AlreadyUsed);
    }
    if (now < result.appointment.slotStart.addSecs(-60 * earlyMinutes))
        return refuse(CheckIn::TooEarly);
    if (now > result.appointment.slotEnd)
        return refuse(CheckIn::TooLate);

    const QString day = now.toLocalTime().date().toString(Qt::ISODate);
    const QString serviceId = result.appointment.serviceId;
    const int waiting = waitingCount(centerId, serviceId, day, &why);
    if (waiting < 0)
        return failed(QStringLiteral("waiting"), why);
    const int number = takeNumbers(centerId, serviceId, day, 1, &why);
    if (number < 0)
        return failed(QStringLiteral("counter"), why);
    const QueueTicket ticket{centerId,
                             serviceId,
                             day,
                             number,
                             formatTicketNumber(prefixFor(serviceId), number),
                             waiting,
                             now.toUTC().toString(Qt::ISODateWithMs)};
    Statement ticketInsert(
        m_db, "INSERT INTO queue_tickets(center_id, service_id, day, number, ticket_number, source, "
              "owner, waiting_before, issued_at) "
              "VALUES(?1, ?2, ?3, ?4, ?5, 'appointment', NULLIF(?6, ''), ?7, ?8)");
    ticketInsert.bind(1, centerId);
    ticketInsert.bind(2, serviceId);
    ticketInsert.bind(3, day);
    ticketInsert.bind(4, qint64(number));
    ticketInsert.bind(5, ticket.ticketNumber);
    ticketInsert.bind(6, owner.isNull() ? QStringLiteral("") : owner);
    ticketInsert.bind(7, qint64(waiting));
    ticketInsert.bind(8, ticket.issuedAt);
    if (ticketInsert.step() != SQLITE_DONE)
        return failed(QStringLiteral("insert ticket"), ticketInsert.error());
    result.answer = answerFor(ticket);
    Statement mark(m_db,
                   "UPDATE appointments SET checked_in_at = ?1, check_in_key = ?2, owner = NULLIF(?3, ''), "
                   "answer = ?4 WHERE appointment_id = ?5");
    mark.bind(1, ticket.issuedAt);
    mark.bind(2, key);
    mark.bind(3, owner.isNull() ? QStringLiteral("") : owner);
    mark.bindBlob(4, QJsonDocument(result.answer).toJson(QJsonDocument::Compact));
    mark.bind(5, result.appointment.appointmentId);
    if (mark.step() != SQLITE_DONE)
        return failed(QStringLiteral("check in"), mark.error());
    if (!exec(m_db, "COMMIT", &why))
        return failed(QStringLiteral("commit"), why);
    result.outcome = CheckIn::CheckedIn;
    return result;
}
