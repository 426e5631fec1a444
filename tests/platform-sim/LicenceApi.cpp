// PlatformApi: e-licences (电子证照) (docs/platform-api.md, "E-licences").
//   POST /api/v1/residents/licences   {"id_type", "id_number", "types"}  -> the resident's licences of those types
//   POST /test/licence                a licence held for a resident, for tests and the demo (test hooks)
// A case that references licences (body "licences" + "licence_holder") is refused (400) when one is unknown
// or held by another resident: checkCaseLicences, called by the case PUT after the body's own validation.
#include "PlatformApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUuid>

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace {

HttpResponse invalid(const QString &detail)
{
    return HttpResponse::error(400, QStringLiteral("invalid_request"), detail);
}

bool isKnownType(const QString &type)
{
    static const QStringList types{QStringLiteral("resident_id_card"),     QStringLiteral("household_register"),
                                   QStringLiteral("marriage_certificate"), QStringLiteral("property_certificate"),
                                   QStringLiteral("business_licence"),     QStringLiteral("birth_certificate"),
                                   QStringLiteral("social_security_card"), QStringLiteral("driving_licence")};
    return types.contains(type);
}

bool isLicenceId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return pattern.match(id).hasMatch();
}

QJsonObject licenceJson(const PlatformStore::HeldLicence &l)
{
    return {{QStringLiteral("licence_id"), l.licenceId},
            {QStringLiteral("type"), l.type},
            {QStringLiteral("name"), QJsonObject{{QStringLiteral("zh"), l.nameZh}, {QStringLiteral("en"), l.nameEn}}},
            {QStringLiteral("issuer"), l.issuer},
            {QStringLiteral("number_masked"), l.numberMasked},
            {QStringLiteral("valid_until"), l.validUntil.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(l.validUntil)},
            {QStringLiteral("status"), l.status}};
}

} // namespace

QString PlatformApi::checkHolder(const QJsonObject &holder)
{
    static const QStringList idTypes{QStringLiteral("resident"), QStringLiteral("hk_mo_tw_permit"),
                                     QStringLiteral("foreign_2017"), QStringLiteral("foreign_2023")};
    static const QRegularExpression number(QStringLiteral("^[0-9A-Za-z]{1,32}$"));
    if (!idTypes.contains(holder.value(QStringLiteral("id_type")).toString()))
        return QStringLiteral("id_type: not resident, hk_mo_tw_permit, foreign_2017 or foreign_2023");
    if (!number.match(holder.value(QStringLiteral("id_number")).toString()).hasMatch())
        return QStringLiteral("id_number: 1..32 of [0-9A-Za-z]");
    return {};
}

HttpResponse PlatformApi::listLicences(const HttpRequest &request)
{
    if (request.method != "POST") {
        HttpResponse r = HttpResponse::error(405, QStringLiteral("method_not_allowed"), QStringLiteral("allowed: POST"));
        r.headers.append({QByteArray("Allow"), QByteArray("POST")});
        return r;
    }
    if (request.header("content-type").split(';').first().trimmed().toLower() != "application/json")
        return HttpResponse::error(415, QStringLiteral("unsupported_media_type"),
                                   QStringLiteral("Content-Type must be application/json"));
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return invalid(QStringLiteral("body: not a JSON object"));
    const QJsonObject body = document.object();
    if (const QString problem = checkHolder(body); !problem.isEmpty())
        return invalid(problem);
    const QJsonValue typesValue = body.value(QStringLiteral("types"));
    if (!typesValue.isArray() || typesValue.toArray().isEmpty() || typesValue.toArray().size() > 8)
        return invalid(QStringLiteral("types: an array of 1 to 8 licence types"));
    QStringList types;
    for (const QJsonValue &t : typesValue.toArray()) {
        if (!isKnownType(t.toString()))
            return invalid(QStringLiteral("types: an unknown licence type"));
        if (types.contains(t.toString()))
            return invalid(QStringLiteral("types: a type listed twice"));
        types.append(t.toString());
    }
    QString error;
    const auto held = m_store.licencesOf(body.value(QStringLiteral("id_type")).toString(),
                                         body.value(QStringLiteral("id_number")).toString(), &error);
    if (!held) {
        qCWarning(lcApi).noquote() << error;
        return HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("database error"));
    }
    QJsonArray list;
    for (const PlatformStore::HeldLicence &l : *held)
        if (types.contains(l.type))
            list.append(licenceJson(l));
    return HttpResponse::json(200, {{QStringLiteral("licences"), list}});
}

QString PlatformApi::checkCaseLicences(const QJsonObject &body, bool *databaseError)
{
    *databaseError = false;
    const QJsonArray ids = body.value(QStringLiteral("licences")).toArray();
    const QJsonObject holder = body.value(QStringLiteral("licence_holder")).toObject();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        QString error;
        const auto licence = m_store.findLicence(ids.at(i).toString(), &error);
        if (!error.isEmpty()) {
            qCWarning(lcApi).noquote() << error;
            *databaseError = true;
            return error;
        }
        if (!licence)
            return QStringLiteral("licences[%1]: unknown licence").arg(i);
        if (licence->holderIdType != holder.value(QStringLiteral("id_type")).toString()
            || licence->holderIdNumber != holder.value(QStringLiteral("id_number")).toString())
            return QStringLiteral("licences[%1]: not a licence of this resident").arg(i);
        if (licence->status != QLatin1String("valid"))
            return QStringLiteral("licences[%1]: not valid (%2)").arg(i).arg(licence->status);
    }
    return {};
}

HttpResponse PlatformApi::addLicenceHook(const QJsonObject &body)
{
    if (const QString problem = checkHolder(body); !problem.isEmpty())
        return invalid(problem);
    PlatformStore::HeldLicence l;
    l.licenceId = body.value(QStringLiteral("licence_id")).toString(QUuid::createUuid().toString(QUuid::WithoutBraces));
    l.holderIdType = body.value(QStringLiteral("id_type")).toString();
    l.holderIdNumber = body.value(QStringLiteral("id_number")).toString();
    l.type = body.value(QStringLiteral("type")).toString();
    const QJsonObject name = body.value(QStringLiteral("name")).toObject();
    l.nameZh = name.value(QStringLiteral("zh")).toString();
    l.nameEn = name.value(QStringLiteral("en")).toString();
    l.issuer = body.value(QStringLiteral("issuer")).toString();
    l.numberMasked = body.value(QStringLiteral("number_masked")).toString();
    l.validUntil = body.value(QStringLiteral("valid_until")).toString();
    l.status = body.value(QStringLiteral("status")).toString(QStringLiteral("valid"));
    if (!isLicenceId(l.licenceId))
        return invalid(QStringLiteral("licence_id: 1..64 of [A-Za-z0-9._-]"));
    if (!isKnownType(l.type))
        return invalid(QStringLiteral("type: an unknown licence type"));
    if (l.nameZh.isEmpty() || l.nameEn.isEmpty() || l.issuer.isEmpty() || l.numberMasked.isEmpty())
        return invalid(QStringLiteral("name.zh, name.en, issuer, number_masked: required"));
    if (!l.validUntil.isEmpty() && !QDate::fromString(l.validUntil, Qt::ISODate).isValid())
        return invalid(QStringLiteral("valid_until: yyyy-MM-dd"));
    if (l.status != QLatin1String("valid") && l.status != QLatin1String("expired") && l.status != QLatin1String("revoked"))
        return invalid(QStringLiteral("status: valid, expired or revoked"));
    QString error;
    if (!m_store.addLicence(l, &error))
        return invalid(QStringLiteral("licence_id: already held"));
    return HttpResponse::json(200, {{QStringLiteral("licence_id"), l.licenceId}});
}
