// PlatformApi: queue tickets (docs/platform-api.md, "Queue tickets").
//   GET  /api/v1/centers/{center}/queue/services                 counter services with people waiting
//   POST /api/v1/centers/{center}/queue/tickets                  a ticket (Idempotency-Key)
//   POST /api/v1/centers/{center}/queue/ranges                   numbers reserved for this kiosk's offline
//   tickets POST /api/v1/centers/{center}/queue/ranges/{range_id}/issued the numbers the kiosk issued offline
// Ranges are bound to the kiosk (client certificate) that was granted them, as cases are.
#include "PlatformApi.h"

#include "PayloadValidation.h"
#include "QueueServices.h"

#include <QCryptographicHash>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace {

HttpResponse invalid(const QString &detail)
{
    return HttpResponse::error(400, QStringLiteral("invalid_request"), detail);
}

HttpResponse internalError(const QString &error)
{
    qCWarning(lcApi).noquote() << error;
    return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("database error"));
}

HttpResponse notOwner()
{
    return HttpResponse::error(403, QStringLiteral("not_owner"),
                               QStringLiteral("the range was granted to another kiosk"));
}

// The same rule as a rating's key: 1..128 of A-Z a-z 0-9 . _ : / -
bool isValidKey(const QString &key)
{
    if (key.isEmpty() || key.size() > 128)
        return false;
    for (const QChar c : key)
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && !QStringLiteral("._:/-").contains(c))
            return false;
    return true;
}

QString today()
{
    return QDate::currentDate().toString(Qt::ISODate);
}

QJsonObject serviceName(const QueueService &s)
{
    return {{QStringLiteral("zh"), s.nameZh}, {QStringLiteral("en"), s.nameEn}};
}

} // namespace

HttpResponse PlatformApi::queueResource(const QList<QByteArray> &segments, const HttpRequest &request)
{
    // segments: {center}, "queue", what, ...
    const QString centerId = QString::fromUtf8(segments.value(0));
    if (segments.size() == 3 && segments.at(1) == "appointments" && segments.at(2) == "check-in") {
        if (!QueueServices::isValidCenterId(centerId))
            return invalid(QStringLiteral("center id in the path: 2..32 of [A-Z0-9-]"));
        return request.method == "POST" ? checkInAppointment(centerId, request) : methodNotAllowedQueue("POST");
    }
    if (segments.size() < 3 || segments.at(1) != "queue")
        return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("no such resource"));
    if (!QueueServices::isValidCenterId(centerId))
        return invalid(QStringLiteral("center id in the path: 2..32 of [A-Z0-9-]"));
    const QByteArray what = segments.at(2);
    if (what == "services" && segments.size() == 3) {
        if (request.method != "GET")
            return methodNotAllowedQueue("GET");
        return queueServices(centerId);
    }
    if (what == "tickets" && segments.size() == 3)
        return request.method == "POST" ? takeTicket(centerId, request) : methodNotAllowedQueue("POST");
    if (what == "ranges" && segments.size() == 3)
        return request.method == "POST" ? grantRange(centerId, request) : methodNotAllowedQueue("POST");
    if (what == "ranges" && segments.size() == 5 && segments.at(4) == "issued")
        return request.method == "POST" ? reportIssued(centerId, QString::fromUtf8(segments.at(3)), request)
                                        : methodNotAllowedQueue("POST");
    return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("no such resource"));
}

HttpResponse PlatformApi::methodNotAllowedQueue(const QByteArray &allowed)
{
    HttpResponse r = HttpResponse::error(405, QStringLiteral("method_not_allowed"),
                                         QStringLiteral("allowed: %1").arg(QString::fromLatin1(allowed)));
    r.headers.append({"Allow", allowed});
    return r;
}

HttpResponse PlatformApi::queueServices(const QString &centerId)
{
    QJsonArray list;
    const QString day = today();
    for (const QueueService &s : QueueServices::all()) {
        QString error;
        const int waiting = m_store.waitingCount(centerId, s.serviceId, day, &error);
        if (waiting < 0)
            return internalError(error);
        list.append(QJsonObject{{QStringLiteral("service_id"), s.serviceId},
                                {QStringLiteral("prefix"), s.prefix},
                                {QStringLiteral("name"), serviceName(s)},
                                {QStringLiteral("waiting"), waiting}});
    }
    return HttpResponse::json(200, {{QStringLiteral("center_id"), centerId},
                                    {QStringLiteral("day"), day},
                                    {QStringLiteral("services"), list}});
}

// The JSON body of a queue POST with its Idempotency-Key, or an error answer in *refusal.
bool PlatformApi::queueBody(const HttpRequest &request, bool needsKey, QJsonObject *body, QString *key,
                            HttpResponse *refusal)
{
    if (request.header("content-type").split(';').first().trimmed().toLower() != "application/json") {
        *refusal = HttpResponse::error(415, QStringLiteral("unsupported_media_type"),
                                       QStringLiteral("Content-Type must be application/json"));
        return false;
    }
    if (needsKey) {
        *key = QString::fromUtf8(request.header("idempotency-key"));
        if (!isValidKey(*key)) {
            *refusal = invalid(
                QStringLiteral("Idempotency-Key header: 1 to 128 characters of A-Z a-z 0-9 . _ : / -"));
            return false;
        }
    }
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject()) {
        *refusal = invalid(QStringLiteral("body: not a JSON object"));
        return false;
    }
    *body = document.object();
    return true;
}

HttpResponse PlatformApi::takeTicket(const QString &centerId, const HttpRequest &request)
{
    QJsonObject body;
    QString key;
    HttpResponse refusal;
    if (!queueBody(request, true, &body, &key, &refusal))
        return refusal;
    const QueueService *service = QueueServices::find(body.value(QStringLiteral("service_id")).toString());
    if (!service)
        return invalid(QStringLiteral("service_id: not a counter service of this center"));
    const QByteArray canonical = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
    const auto result = m_store.takeTicket(centerId, service->serviceId, service->prefix, today(), key, sha,
                                           request.client.kioskId);
    switch (result.outcome) {
    case PlatformStore::QueueOutcome::Created:
    case PlatformStore::QueueOutcome::Replayed: {
        const QueueService *issued = QueueServices::find(result.ticket.serviceId);
        return HttpResponse::json(result.outcome == PlatformStore::QueueOutcome::Created ? 201 : 200,
                                  {{QStringLiteral("ticket_number"), result.ticket.ticketNumber},
                                   {QStringLiteral("number"), result.ticket.number},
                                   {QStringLiteral("service_id"), result.ticket.serviceId},
                                   {QStringLiteral("name"), issued ? serviceName(*issued) : QJsonObject()},
                                   {QStringLiteral("waiting"), result.ticket.waitingBefore},
                                   {QStringLiteral("day"), result.ticket.day},
                                   {QStringLiteral("issued_at"), result.ticket.issuedAt}});
    }
    case PlatformStore::QueueOutcome::Conflict:
        return HttpResponse::error(422, QStringLiteral("conflict"),
                                   QStringLiteral("this Idempotency-Key was used with a different body"));
    case PlatformStore::QueueOutcome::NotOwner:
        return HttpResponse::error(403, QStringLiteral("not_owner"),
                                   QStringLiteral("this Idempotency-Key was used by another kiosk"));
    default:
        return internalError(result.error);
    }
}

HttpResponse PlatformApi::grantRange(const QString &centerId, const HttpRequest &request)
{
    QJsonObject body;
    QString key;
    HttpResponse refusal;
    if (!queueBody(request, true, &body, &key, &refusal))
        return refusal;
    const QueueService *service = QueueServices::find(body.value(QStringLiteral("service_id")).toString());
    if (!service)
        return invalid(QStringLiteral("service_id: not a counter service of this center"));
    const QJsonValue sizeValue = body.value(QStringLiteral("size"));
    const int size =
        sizeValue.isDouble() && sizeValue.toDouble() == double(sizeValue.toInt()) ? sizeValue.toInt() : 0;
    if (size < 1 || size > 200)
        return invalid(QStringLiteral("size: an integer from 1 to 200"));
    const QByteArray canonical = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
    const auto result =
        m_store.grantRange(centerId, service->serviceId, today(), size, key, sha, request.client.kioskId);
    switch (result.outcome) {
    case PlatformStore::QueueOutcome::Created:
    case PlatformStore::QueueOutcome::Replayed: {
        const QueueService *granted = QueueServices::find(result.range.serviceId);
        return HttpResponse::json(result.outcome == PlatformStore::QueueOutcome::Created ? 201 : 200,
                                  {{QStringLiteral("range_id"), result.range.rangeId},
                                   {QStringLiteral("service_id"), result.range.serviceId},
                                   {QStringLiteral("prefix"), granted ? granted->prefix : QString()},
                                   {QStringLiteral("day"), result.range.day},
                                   {QStringLiteral("first"), result.range.first},
                                   {QStringLiteral("last"), result.range.last}});
    }
    case PlatformStore::QueueOutcome::Conflict:
        return HttpResponse::error(422, QStringLiteral("conflict"),
                                   QStringLiteral("this Idempotency-Key was used with a different body"));
    case PlatformStore::QueueOutcome::NotOwner:
        return notOwner();
    default:
        return internalError(result.error);
    }
}

HttpResponse PlatformApi::reportIssued(const QString &centerId, const QString &rangeId,
                                       const HttpRequest &request)
{
    QJsonObject body;
    QString key;
    HttpResponse refusal;
    if (!queueBody(request, false, &body, &key, &refusal))
        return refusal;
    if (!isValidCaseId(rangeId))
        return invalid(QStringLiteral("range id in the path: 1..128 characters of [A-Za-z0-9._~-]"));
    const QJsonValue ticketsValue = body.value(QStringLiteral("tickets"));
    if (!ticketsValue.isArray() || ticketsValue.toArray().size() > 1000)
        return invalid(QStringLiteral("tickets: an array of at most 1000 objects"));
    QList<QPair<int, QString>> tickets;
    const QJsonArray array = ticketsValue.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject t = array.at(i).toObject();
        const QJsonValue number = t.value(QStringLiteral("number"));
        if (!number.isDouble() || number.toDouble() != double(number.toInt()) || number.toInt() < 1)
            return invalid(QStringLiteral("tickets[%1].number: a positive integer").arg(i));
        const QString issuedAt = t.value(QStringLiteral("issued_at")).toString();
        if (!isZonedTimestamp(issuedAt))
            return invalid(QStringLiteral("tickets[%1].issued_at: an ISO 8601 time with a zone").arg(i));
        tickets.append({number.toInt(), issuedAt});
    }
    // The range's service gives the numbers' prefix; the store checks the owner and the numbers again
    // inside its transaction.
    QString error;
    const auto range = m_store.queueRange(centerId, rangeId, &error);
    if (!error.isEmpty())
        return internalError(error);
    if (!range)
        return HttpResponse::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("range %1 is unknown").arg(rangeId));
    const QueueService *service = QueueServices::find(range->serviceId);
    const QString prefix = service ? service->prefix : QString();
    const auto result = m_store.reportIssued(centerId, rangeId, prefix, tickets, request.client.kioskId);
    switch (result.outcome) {
    case PlatformStore::QueueOutcome::Created: {
        QJsonArray counted, already;
        for (int n : result.counted)
            counted.append(n);
        for (int n : result.already)
            already.append(n);
        const int waiting = m_store.waitingCount(centerId, result.range.serviceId, result.range.day, &error);
        if (waiting < 0)
            return internalError(error);
        return HttpResponse::json(200, {{QStringLiteral("range_id"), rangeId},
                                        {QStringLiteral("counted"), counted},
                                        {QStringLiteral("already"), already},
                                        {QStringLiteral("waiting"), waiting}});
    }
    case PlatformStore::QueueOutcome::OutsideRange:
        return invalid(QStringLiteral("tickets[%1].number: outside the range %2..%3; nothing was counted")
                           .arg(result.badIndex)
                           .arg(result.range.first)
                           .arg(result.range.last));
    case PlatformStore::QueueOutcome::UnknownRange:
        return HttpResponse::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("range %1 is unknown").arg(rangeId));
    case PlatformStore::QueueOutcome::NotOwner:
        return notOwner();
    default:
        return internalError(result.error);
    }
}
