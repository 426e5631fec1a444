#include "PlatformApi.h"

#include "ChaosSpec.h"
#include "IdentityTokenIssuer.h"

#include "PayloadValidation.h"

#include <QDateTime>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QString>

#include <cctype>

Q_LOGGING_CATEGORY(lcApi, "onestop.platformsim")

namespace {

HttpResponse methodNotAllowed(const QByteArray &allowed)
{
    HttpResponse r = HttpResponse::error(405, QStringLiteral("method_not_allowed"),
                                         QStringLiteral("allowed: %1").arg(QString::fromLatin1(allowed)));
    r.headers.append({"Allow", allowed});
    return r;
}

HttpResponse notFound(const QString &detail)
{
    return HttpResponse::error(404, QStringLiteral("not_found"), detail);
}

HttpResponse badRequest(const QString &detail)
{
    return HttpResponse::error(400, QStringLiteral("invalid_request"), detail);
}

bool isJsonContentType(const QByteArray &value)
{
    const QByteArray mediaType = value.split(';').first().trimmed().toLower();
    return mediaType == "application/json";
}

QJsonObject receiptJson(const PlatformStore::Receipt &receipt, bool withRef)
{
    QJsonObject o{{QStringLiteral("case_id"), receipt.caseId},
                  {QStringLiteral("received_at"), receipt.receivedAt},
                  {QStringLiteral("status"), receipt.status}};
    if (withRef)
        o.insert(QStringLiteral("platform_ref"), receipt.platformRef);
    return o;
}

// A rating's own idempotency key (docs/platform-api.md, section 5): opaque to the platform.
bool isValidRatingKey(const QString &key)
{
    if (key.isEmpty() || key.size() > 128)
        return false;
    for (const QChar c : key) {
        const char l = c.toLatin1();
        const bool allowed = c.unicode() <= 0x7f && (std::isalnum(static_cast<unsigned char>(l)) ||
                                                     QByteArray("._:/-").contains(l));
        if (!allowed)
            return false;
    }
    return true;
}

} // namespace

PlatformApi::PlatformApi(PlatformStore &store, QByteArray catalogJson, bool testHooks, Chaos *chaos)
    : m_store(store), m_catalogJson(std::move(catalogJson)), m_testHooks(testHooks), m_chaos(chaos)
{
}

HttpResponse PlatformApi::handle(const HttpRequest &request)
{
    const HttpResponse response = route(request);
    // Ids and statuses only: bodies may hold personal data.
    if (request.client.state == ClientIdentity::State::Verified)
        qCInfo(lcApi).noquote() << request.method << request.path << "->" << response.status << "kiosk" << request.client.kioskId;
    else
        qCInfo(lcApi).noquote() << request.method << request.path << "->" << response.status;
    return response;
}

HttpResponse PlatformApi::route(const HttpRequest &request)
{
    const QByteArray &path = request.path;
    const QByteArray &method = request.method;

    if (path == "/api/v1/health")
        return method == "GET" ? HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}})
                               : methodNotAllowed("GET");
    if (path.startsWith("/api/v1/") && request.client.state == ClientIdentity::State::Missing)
        return HttpResponse::error(401, QStringLiteral("certificate_required"),
                                   QStringLiteral("present the kiosk's client certificate"));
    if (path.startsWith("/api/v1/") && request.client.state == ClientIdentity::State::Unknown)
        return HttpResponse::error(403, QStringLiteral("unknown_client"),
                                   QStringLiteral("the client certificate is not issued by the platform's kiosk CA"));
    if (path == "/api/v1/catalog") {
        if (method != "GET")
            return methodNotAllowed("GET");
        if (m_catalogJson.isEmpty())
            return notFound(QStringLiteral("no catalog is configured on this platform"));
        HttpResponse r;
        r.contentType = "application/json";
        r.body = m_catalogJson;
        return r;
    }
    if (path.startsWith("/api/v1/cases/")) {
        const QList<QByteArray> segments = path.mid(qstrlen("/api/v1/cases/")).split('/');
        const QString caseId = QString::fromUtf8(QByteArray::fromPercentEncoding(segments.first()));
        // .../attachments/{sequence} and .../attachments/{sequence}/content (AttachmentApi.cpp)
        const bool attachmentPath = segments.size() >= 3 && segments.at(1) == "attachments" &&
                (segments.size() == 3 || (segments.size() == 4 && segments.at(3) == "content"));
        const bool progressPath = segments.size() == 2 && segments.at(1) == "progress";
        if (!attachmentPath && !progressPath &&
            (segments.size() > 2 || (segments.size() == 2 && segments.at(1) != "rating")))
            return notFound(QStringLiteral("no such resource"));
        if (!isValidCaseId(caseId))
            return badRequest(QStringLiteral("case id in the path: 1..128 characters of [A-Za-z0-9._~-]"));
        if (attachmentPath)
            return attachmentResource(caseId, segments, request);
        if (progressPath)
            return method == "GET" ? caseProgress(caseId) : methodNotAllowed("GET");
        if (segments.size() == 2)
            return method == "PUT" ? putResource(Resource::Rating, caseId, request) : methodNotAllowed("PUT");
        if (method == "GET")
            return getCase(caseId);
        return method == "PUT" ? putResource(Resource::Case, caseId, request) : methodNotAllowed("GET, PUT");
    }
    if (path.startsWith("/api/v1/certificates/"))
        return certificateResource(path.mid(qstrlen("/api/v1/certificates/")).split('/'), request);
    if (path == "/api/v1/residents/licences")
        return listLicences(request);
    if (path.startsWith("/api/v1/case-numbers/"))
        return caseNumberResource(path.mid(qstrlen("/api/v1/case-numbers/")).split('/'), request);
    if (path == "/api/v1/residents/cases")
        return residentCases(request);
    if (path.startsWith("/api/v1/centers/"))
        return queueResource(path.mid(qstrlen("/api/v1/centers/")).split('/'), request);
    if (m_testHooks && path.startsWith("/test/"))
        return method == "POST" ? testHook(path.mid(qstrlen("/test/")), request) : methodNotAllowed("POST");
    return notFound(QStringLiteral("no such resource"));
}

HttpResponse PlatformApi::getCase(const QString &caseId)
{
    QString error;
    const auto receipt = m_store.findCase(caseId, &error);
    if (!error.isEmpty()) {
        qCWarning(lcApi).noquote() << error;
        return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("database error"));
    }
    if (!receipt)
        return notFound(QStringLiteral("case %1 is unknown").arg(caseId));
    const QList<CaseAttachment> stored = m_store.attachments(caseId, &error);
    if (!error.isEmpty()) {
        qCWarning(lcApi).noquote() << error;
        return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("database error"));
    }
    // What the platform holds of each attachment (not the bytes themselves).
    QJsonArray list;
    for (const CaseAttachment &a : stored)
        list.append(QJsonObject{{QStringLiteral("sequence"), a.sequence},
                                {QStringLiteral("kind"), a.kind},
                                {QStringLiteral("mime_type"), a.mimeType},
                                {QStringLiteral("size"), qint64(a.data.size())},
                                {QStringLiteral("sha256"), a.sha256}});
    QJsonObject answer = receiptJson(*receipt, true);
    answer.insert(QStringLiteral("attachments"), list);
    return HttpResponse::json(200, answer);
}

HttpResponse PlatformApi::putResource(Resource resource, const QString &caseId, const HttpRequest &request)
{
    const int delayMs = std::exchange(m_delayNextMs, 0);
    const auto delayed = [delayMs](HttpResponse r) {
        r.delayMs = delayMs;
        return r;
    };
    if (failThisPut())
        return delayed(injectedFailure());
    if (!isJsonContentType(request.header("content-type")))
        return delayed(HttpResponse::error(415, QStringLiteral("unsupported_media_type"),
                                           QStringLiteral("Content-Type must be application/json")));
    if (!request.hasHeader("idempotency-key"))
        return delayed(badRequest(QStringLiteral("Idempotency-Key header: missing")));
    const QString idempotencyKey = QString::fromUtf8(request.header("idempotency-key"));
    if (resource == Resource::Case && idempotencyKey != caseId)
        return delayed(badRequest(QStringLiteral("Idempotency-Key header: differs from the case id in the path")));
    if (resource == Resource::Rating && !isValidRatingKey(idempotencyKey))
        return delayed(badRequest(QStringLiteral("Idempotency-Key header: 1 to 128 characters of A-Z a-z 0-9 . _ : / -")));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return delayed(badRequest(QStringLiteral("body: not JSON (%1 at offset %2)")
                                          .arg(parseError.errorString())
                                          .arg(parseError.offset)));
    if (!document.isObject())
        return delayed(badRequest(QStringLiteral("body: not a JSON object")));
    const QJsonObject body = document.object();
    QList<CaseAttachment> attachments;
    const QString problem = resource == Resource::Case ? validateCaseBody(body, &attachments) : validateRatingBody(body);
    if (!problem.isEmpty())
        return delayed(badRequest(problem));
    if (body.value(QStringLiteral("case_id")).toString() != caseId)
        return delayed(badRequest(QStringLiteral("case_id: differs from the case id in the path")));
    if (resource == Resource::Case && body.contains(QStringLiteral("licences"))) {
        if (const QString holderProblem = checkHolder(body.value(QStringLiteral("licence_holder")).toObject());
            !holderProblem.isEmpty())
            return delayed(badRequest(QStringLiteral("licence_holder.") + holderProblem));
        bool databaseError = false;
        const QString licenceProblem = checkCaseLicences(body, &databaseError);
        if (databaseError)
            return delayed(HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("database error")));
        if (!licenceProblem.isEmpty())
            return delayed(badRequest(licenceProblem));
    }

    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    const QByteArray canonical = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QString owner = request.client.kioskId;
    const auto result = resource == Resource::Case
            ? m_store.putCase(caseId, canonical, attachments, owner, body.value(QStringLiteral("case_number")).toString())
            : m_store.putRating(caseId, canonical, idempotencyKey, owner);
    const bool withRef = resource == Resource::Case;
    switch (result.outcome) {
    case PlatformStore::Outcome::Created:
        return delayed(HttpResponse::json(201, receiptJson(result.receipt, withRef)));
    case PlatformStore::Outcome::Replayed:
        return delayed(HttpResponse::json(200, receiptJson(result.receipt, withRef)));
    case PlatformStore::Outcome::Conflict:
        return delayed(HttpResponse::error(
                422, QStringLiteral("conflict"),
                resource == Resource::Case
                        ? QStringLiteral("case %1 was already received with a different body").arg(caseId)
                        : QStringLiteral("a rating for case %1 was already received with a different body").arg(caseId)));
    case PlatformStore::Outcome::NotOwner:
        return delayed(HttpResponse::error(403, QStringLiteral("not_owner"),
                                           QStringLiteral("case %1 was sent by another kiosk").arg(caseId)));
    case PlatformStore::Outcome::NumberTaken:
        return delayed(HttpResponse::error(409, QStringLiteral("case_number_taken"),
                                           QStringLiteral("the case number is already held by another case")));
    case PlatformStore::Outcome::RatingExists:
        return delayed(HttpResponse::error(
                409, QStringLiteral("rating_exists"),
                QStringLiteral("case %1 already has a rating sent with another Idempotency-Key").arg(caseId)));
    case PlatformStore::Outcome::UnknownCase:
        return delayed(notFound(QStringLiteral("case %1 is unknown; send the case before its rating").arg(caseId)));
    case PlatformStore::Outcome::Failed:
        break;
    }
    qCWarning(lcApi).noquote() << result.error;
    return delayed(HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("database error")));
}

bool PlatformApi::failThisPut()
{
    if (m_failNextCount <= 0)
        return false;
    if (m_failAfter > 0) { // let this many through first
        --m_failAfter;
        return false;
    }
    return true;
}

HttpResponse PlatformApi::injectedFailure()
{
    --m_failNextCount;
    HttpResponse r = HttpResponse::error(m_failStatus, QStringLiteral("injected"),
                                         QStringLiteral("test hook fail-next (%1 more)").arg(m_failNextCount));
    if (m_failHtml) { // what a proxy or load balancer in the way answers
        r.contentType = "text/html; charset=utf-8";
        r.body = "<html><head><title>" + QByteArray::number(m_failStatus) + " " + httpReasonPhrase(m_failStatus)
                + "</title></head><body><h1>" + httpReasonPhrase(m_failStatus) + "</h1><hr>nginx</body></html>\n";
    }
    if (m_failRetryAfter >= 0)
        r.headers.append({"Retry-After", QByteArray::number(m_failRetryAfter)});
    return r;
}

HttpResponse PlatformApi::testHook(const QByteArray &name, const HttpRequest &request)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return badRequest(QStringLiteral("body: not a JSON object"));
    const QJsonObject body = document.object();
    const auto integer = [&body](const QString &key, int fallback) {
        const QJsonValue v = body.value(key);
        return v.isUndefined() ? fallback : (v.isDouble() ? v.toInt(-1) : -1);
    };
    if (name == "fail-next") {
        const int count = integer(QStringLiteral("count"), 1);
        const int status = integer(QStringLiteral("status"), 503);
        if (count < 0 || count > 1000)
            return badRequest(QStringLiteral("count: an integer from 0 to 1000"));
        const int retryAfter = integer(QStringLiteral("retry_after"), -1);
        const QJsonValue html = body.value(QStringLiteral("html"));
        if (status < 300 || status > 599)
            return badRequest(QStringLiteral("status: an integer from 300 to 599"));
        if (!html.isUndefined() && !html.isBool())
            return badRequest(QStringLiteral("html: true or false"));
        if (body.contains(QStringLiteral("retry_after")) && (retryAfter < 0 || retryAfter > 1000000))
            return badRequest(QStringLiteral("retry_after: an integer from 0 to 1000000 (seconds)"));
        const int after = integer(QStringLiteral("after"), 0);
        if (after < 0 || after > 100000)
            return badRequest(QStringLiteral("after: an integer from 0 to 100000"));
        m_failNextCount = count;
        m_failAfter = after;
        m_failStatus = status;
        m_failHtml = html.toBool(false);
        m_failRetryAfter = retryAfter;
    } else if (name == "chaos" && m_chaos) {
        QString error;
        const auto spec = ChaosSpec::parse(body.value(QStringLiteral("spec")).toString(), &error);
        if (!spec)
            return badRequest(error);
        m_chaos->setSpec(*spec);
        qCInfo(lcApi).noquote() << "chaos now" << spec->toString();
    } else if (name == "case-status") {
        return caseStatusHook(body);
    } else if (name == "appointment") {
        return addAppointmentHook(body);
    } else if (name == "resident-record") {
        return residentRecordHook(body);
    } else if (name == "licence") {
        return addLicenceHook(body);
    } else if (name == "identity-token") {
        return IdentityTokenIssuer::issue(body, QDateTime::currentSecsSinceEpoch());
    } else if (name == "corrupt-next-chunk") {
        const int count = integer(QStringLiteral("count"), 1);
        if (count < 0 || count > 1000)
            return badRequest(QStringLiteral("count: an integer from 0 to 1000"));
        m_corruptNextChunks = count;
    } else if (name == "delay-next") {
        const int ms = integer(QStringLiteral("ms"), -1);
        if (ms < 0 || ms > 600000)
            return badRequest(QStringLiteral("ms: an integer from 0 to 600000"));
        m_delayNextMs = ms;
    } else {
        return notFound(QStringLiteral("no such test hook"));
    }
    return HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}});
}
