// PlatformApi: certificates (docs/platform-api.md, "Certificates").
//   POST /api/v1/certificates/{type}          {"id_type","id_number","purpose","language"} (Idempotency-Key)
//   GET  /api/v1/certificates/verify/{code}   whether a printed verification code is genuine
//   POST /test/resident-record                what the platform holds about a resident (test hooks)
// The platform issues the document (number, values, verification code); the kiosk lays it out and prints
// it. The same key again answers the same document (200), never a second one.
#include "PlatformApi.h"

#include "CertificateTypes.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace {

const QString kVerifyBase = QStringLiteral("https://verify.onestop.example/certificates/");

HttpResponse invalid(const QString &detail)
{
    return HttpResponse::error(400, QStringLiteral("invalid_request"), detail);
}

HttpResponse internalError(const QString &error)
{
    qCWarning(lcApi).noquote() << error;
    return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("database error"));
}

bool matches(const QString &pattern, const QString &text)
{
    return QRegularExpression(pattern).match(text).hasMatch();
}

// What is wrong with a certificate request's body; empty when it is valid.
QString checkRequest(const QJsonObject &body)
{
    static const QStringList keys = {QStringLiteral("id_type"), QStringLiteral("id_number"),
                                     QStringLiteral("purpose"), QStringLiteral("language")};
    for (auto it = body.begin(); it != body.end(); ++it)
        if (!keys.contains(it.key()))
            return QStringLiteral("unknown key \"%1\"").arg(it.key());
    static const QStringList idTypes = {QStringLiteral("resident"), QStringLiteral("hk_mo_tw_permit"),
                                        QStringLiteral("foreign_2017"), QStringLiteral("foreign_2023")};
    if (!idTypes.contains(body.value(QStringLiteral("id_type")).toString()))
        return QStringLiteral("id_type: one of %1").arg(idTypes.join(QLatin1String(", ")));
    if (!matches(QStringLiteral("^[0-9A-Za-z]{6,32}$"), body.value(QStringLiteral("id_number")).toString()))
        return QStringLiteral("id_number: 6..32 of [0-9A-Za-z]");
    if (!matches(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"), body.value(QStringLiteral("purpose")).toString()) ||
        body.value(QStringLiteral("purpose")).toString().size() > 40)
        return QStringLiteral("purpose: an id of lower-case words joined by '-' (at most 40)");
    const QString language = body.value(QStringLiteral("language")).toString();
    if (language != QLatin1String("zh_CN") && language != QLatin1String("en"))
        return QStringLiteral("language: zh_CN or en");
    return QString();
}

QString verificationCode()
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I
    QString code;
    for (int i = 0; i < 16; ++i)
        code += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(32)]);
    return code;
}

} // namespace

HttpResponse PlatformApi::certificateResource(const QList<QByteArray> &segments, const HttpRequest &request)
{
    if (segments.size() == 2 && segments.at(0) == "verify") {
        if (request.method != "GET")
            return methodNotAllowedQueue("GET");
        return verifyCertificate(QString::fromUtf8(QByteArray::fromPercentEncoding(segments.at(1))));
    }
    if (segments.size() != 1)
        return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("no such resource"));
    if (request.method != "POST")
        return methodNotAllowedQueue("POST");
    return issueCertificate(QString::fromUtf8(QByteArray::fromPercentEncoding(segments.at(0))), request);
}

HttpResponse PlatformApi::issueCertificate(const QString &typeName, const HttpRequest &request)
{
    const CertificateType *type = CertificateType::find(typeName);
    if (!type)
        return HttpResponse::error(404, QStringLiteral("unknown_certificate_type"),
                                   QStringLiteral("the platform issues no certificate of this type"));
    QJsonObject body;
    QString key;
    HttpResponse refused;
    if (!queueBody(request, true, &body, &key, &refused))
        return refused;
    const QString problem = checkRequest(body);
    if (!problem.isEmpty())
        return invalid(problem);
    QJsonObject canonicalBody = body;
    canonicalBody.insert(QStringLiteral("certificate_type"), type->type);
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(canonicalBody).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha256)
            .toHex());

    QString error;
    if (const auto stored = m_store.certificateByKey(key, &error)) {
        if (!stored->owner.isEmpty() && stored->owner != request.client.kioskId)
            return HttpResponse::error(403, QStringLiteral("not_owner"),
                                       QStringLiteral("this Idempotency-Key was used by another kiosk"));
        if (stored->bodySha != sha)
            return HttpResponse::error(422, QStringLiteral("conflict"),
                                       QStringLiteral("this Idempotency-Key was used with a different body"));
        return HttpResponse::json(200, stored->answer);
    }
    if (!error.isEmpty())
        return internalError(error);

    const QString idNumber = body.value(QStringLiteral("id_number")).toString();
    const auto record = m_store.residentRecord(body.value(QStringLiteral("id_type")).toString(), idNumber, &error);
    if (!error.isEmpty())
        return internalError(error);
    if (!record)
        return HttpResponse::error(404, QStringLiteral("no_record"),
                                   QStringLiteral("the platform holds no record of this resident"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString reason = type->refusal(*record, now.date());
    if (!reason.isEmpty())
        return HttpResponse::json(409, {{QStringLiteral("error"), QStringLiteral("not_eligible")},
                                        {QStringLiteral("detail"), QStringLiteral("the resident cannot have this certificate")},
                                        {QStringLiteral("reason"), reason}});

    const QString code = verificationCode();
    const QMap<QString, QString> values = type->values(*record, idNumber);
    const auto answerFor = [&](const QString &number) {
        QJsonObject valueObject;
        for (auto it = values.begin(); it != values.end(); ++it)
            valueObject.insert(it.key(), it.value());
        return QJsonObject{
            {QStringLiteral("document_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("certificate_type"), type->type},
            {QStringLiteral("certificate_number"), number},
            {QStringLiteral("purpose"), body.value(QStringLiteral("purpose"))},
            {QStringLiteral("language"), body.value(QStringLiteral("language"))},
            {QStringLiteral("values"), valueObject},
            {QStringLiteral("issued_at"), now.toString(Qt::ISODateWithMs)},
            {QStringLiteral("valid_until"), now.date().addDays(type->validDays).toString(Qt::ISODate)},
            {QStringLiteral("verification_code"), code},
            {QStringLiteral("verification_url"), kVerifyBase + code}};
    };
    const QString stem =
        QStringLiteral("%1-%2-").arg(type->prefix, now.date().toString(QStringLiteral("yyyyMMdd")));
    const auto answer = m_store.issueCertificate(type->type, stem, key, sha, request.client.kioskId, answerFor, &error);
    if (!answer)
        return internalError(error);
    return HttpResponse::json(201, *answer);
}

HttpResponse PlatformApi::verifyCertificate(const QString &code)
{
    if (!matches(QStringLiteral("^[A-Z0-9]{8,32}$"), code))
        return invalid(QStringLiteral("code: 8..32 of [A-Z0-9]"));
    QString error;
    const auto stored = m_store.certificateByCode(code, &error);
    if (!error.isEmpty())
        return internalError(error);
    if (!stored)
        return HttpResponse::json(404, {{QStringLiteral("error"), QStringLiteral("unknown_code")},
                                        {QStringLiteral("detail"), QStringLiteral("the platform issued no certificate with this code")},
                                        {QStringLiteral("genuine"), false}});
    const QJsonObject &a = stored->answer;
    const QString validUntil = a.value(QStringLiteral("valid_until")).toString();
    // No personal data: the number, the kind and the dates let the reader compare with the paper.
    return HttpResponse::json(
        200, {{QStringLiteral("genuine"), true},
              {QStringLiteral("certificate_type"), a.value(QStringLiteral("certificate_type"))},
              {QStringLiteral("certificate_number"), a.value(QStringLiteral("certificate_number"))},
              {QStringLiteral("issued_at"), a.value(QStringLiteral("issued_at"))},
              {QStringLiteral("valid_until"), validUntil},
              {QStringLiteral("expired"), QDate::fromString(validUntil, Qt::ISODate) < QDate::currentDate()}});
}

HttpResponse PlatformApi::residentRecordHook(const QJsonObject &body)
{
    const QString problem = CertificateType::checkRecord(body);
    if (!problem.isEmpty())
        return invalid(problem);
    QString error;
    if (!m_store.putResidentRecord(body.value(QStringLiteral("id_type")).toString(),
                                   body.value(QStringLiteral("id_number")).toString(), body, &error))
        return internalError(error);
    return HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}});
}
