// PlatformApi: appointment check-in (docs/platform-api.md, "Appointment check-in").
//   POST /api/v1/centers/{center}/appointments/check-in   {"code"}  (Idempotency-Key)
//   POST /test/appointment                                 a booking, for tests and the demo (test hooks)
// Early (more than earlyMinutes before the slot), late (after its end), wrong-center and already-used codes
// each get their own 409 error; a check-in issues a queue ticket of the appointment's counter service.
#include "PlatformApi.h"

#include "QueueServices.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUuid>

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace {

constexpr int earlyMinutes = 30;

HttpResponse refusal(int status, const QString &code, const QString &detail, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("error"), code);
    extra.insert(QStringLiteral("detail"), detail);
    return HttpResponse::json(status, extra);
}

bool isValidCode(const QString &code)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9-]{4,64}$"));
    return pattern.match(code).hasMatch();
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

HttpResponse PlatformApi::checkInAppointment(const QString &centerId, const HttpRequest &request)
{
    QJsonObject body;
    QString key;
    HttpResponse refused;
    if (!queueBody(request, true, &body, &key, &refused))
        return refused;
    const QString code = body.value(QStringLiteral("code")).toString();
    if (!isValidCode(code))
        return HttpResponse::error(400, QStringLiteral("invalid_request"),
                                   QStringLiteral("code: 4..64 of [A-Za-z0-9-]"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto prefixFor = [](const QString &serviceId) {
        const QueueService *s = QueueServices::find(serviceId);
        return s ? s->prefix : QString();
    };
    const auto answerFor = [](const PlatformStore::QueueTicket &t) {
        const QueueService *s = QueueServices::find(t.serviceId);
        return QJsonObject{{QStringLiteral("service_id"), t.serviceId},
                           {QStringLiteral("name"), s ? QJsonObject{{QStringLiteral("zh"), s->nameZh},
                                                                    {QStringLiteral("en"), s->nameEn}}
                                                      : QJsonObject()},
                           {QStringLiteral("ticket_number"), t.ticketNumber},
                           {QStringLiteral("waiting"), t.waitingBefore},
                           {QStringLiteral("day"), t.day},
                           {QStringLiteral("checked_in_at"), t.issuedAt}};
    };
    const auto result =
        m_store.checkIn(centerId, code, key, now, earlyMinutes, prefixFor, answerFor, request.client.kioskId);
    const PlatformStore::Appointment &a = result.appointment;
    const QJsonObject slot{{QStringLiteral("appointment_id"), a.appointmentId},
                           {QStringLiteral("slot_start"), iso(a.slotStart)},
                           {QStringLiteral("slot_end"), iso(a.slotEnd)}};
    const auto withSlot = [&slot](QJsonObject o) {
        for (auto it = slot.begin(); it != slot.end(); ++it)
            o.insert(it.key(), it.value());
        return o;
    };
    switch (result.outcome) {
    case PlatformStore::CheckIn::CheckedIn:
        return HttpResponse::json(201, withSlot(result.answer));
    case PlatformStore::CheckIn::Replayed:
        return HttpResponse::json(200, withSlot(result.answer));
    case PlatformStore::CheckIn::NotFound:
        return refusal(404, QStringLiteral("appointment_not_found"),
                       QStringLiteral("no appointment has this code"));
    case PlatformStore::CheckIn::WrongCenter:
        return refusal(409, QStringLiteral("wrong_center"),
                       QStringLiteral("the appointment is at another service center"),
                       {{QStringLiteral("appointment_center_id"), a.centerId}});
    case PlatformStore::CheckIn::TooEarly:
        return refusal(
            409, QStringLiteral("too_early"),
            QStringLiteral("check-in opens %1 minutes before the slot").arg(earlyMinutes),
            withSlot({{QStringLiteral("opens_at"), iso(a.slotStart.addSecs(-60 * earlyMinutes))}}));
    case PlatformStore::CheckIn::TooLate:
        return refusal(409, QStringLiteral("too_late"), QStringLiteral("the appointment's slot has ended"),
                       withSlot({}));
    case PlatformStore::CheckIn::AlreadyUsed:
        return refusal(
            409, QStringLiteral("already_checked_in"),
            QStringLiteral("the appointment was checked in before"),
            withSlot(
                {{QStringLiteral("checked_in_at"), result.answer.value(QStringLiteral("checked_in_at"))},
                 {QStringLiteral("ticket_number"), result.answer.value(QStringLiteral("ticket_number"))}}));
    case PlatformStore::CheckIn::Failed:
        break;
    }
    qCWarning(lcApi).noquote() << result.error;
    return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("database error"));
}

HttpResponse PlatformApi::addAppointmentHook(const QJsonObject &body)
{
    const QString centerId = body.value(QStringLiteral("center_id")).toString();
    const QString serviceId = body.value(QStringLiteral("service_id")).toString();
    const QString code = body.value(QStringLiteral("code")).toString();
    if (!QueueServices::isValidCenterId(centerId))
        return HttpResponse::error(400, QStringLiteral("invalid_request"),
                                   QStringLiteral("center_id: 2..32 of [A-Z0-9-]"));
    if (!QueueServices::find(serviceId))
        return HttpResponse::error(400, QStringLiteral("invalid_request"),
                                   QStringLiteral("service_id: not a counter service"));
    if (!isValidCode(code))
        return HttpResponse::error(400, QStringLiteral("invalid_request"),
                                   QStringLiteral("code: 4..64 of [A-Za-z0-9-]"));
    const int start = body.value(QStringLiteral("start_offset_minutes")).toInt(0);
    const int end = body.value(QStringLiteral("end_offset_minutes")).toInt(30);
    if (end <= start || qAbs(start) > 100000 || qAbs(end) > 100000)
        return HttpResponse::error(
            400, QStringLiteral("invalid_request"),
            QStringLiteral("start_offset_minutes < end_offset_minutes, within 100000"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const PlatformStore::Appointment a{QUuid::createUuid().toString(QUuid::WithoutBraces),
                                       centerId,
                                       serviceId,
                                       code,
                                       now.addSecs(60 * start),
                                       now.addSecs(60 * end)};
    QString error;
    if (!m_store.addAppointment(a, &error))
        return HttpResponse::error(400, QStringLiteral("invalid_request"),
                                   QStringLiteral("code: already booked"));
    return HttpResponse::json(200, {{QStringLiteral("appointment_id"), a.appointmentId},
                                    {QStringLiteral("slot_start"), iso(a.slotStart)},
                                    {QStringLiteral("slot_end"), iso(a.slotEnd)}});
}
