#include "Licence.h"

#include <QJsonArray>
#include <QRegularExpression>

QString Licence::statusCode(Status status)
{
    switch (status) {
    case Status::Valid: return QStringLiteral("valid");
    case Status::Expired: return QStringLiteral("expired");
    case Status::Revoked: return QStringLiteral("revoked");
    }
    return QString();
}

namespace {

bool shortText(const QJsonValue &value, int maxLength, QString *out)
{
    if (!value.isString())
        return false;
    *out = value.toString();
    return !out->trimmed().isEmpty() && out->size() <= maxLength;
}

} // namespace

bool parseLicences(const QJsonObject &answer, const QStringList &askedTypes, QList<Licence> *out, QString *error)
{
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    const QJsonValue list = answer.value(QStringLiteral("licences"));
    if (!list.isArray()) {
        *error = QStringLiteral("garbage: no \"licences\" array");
        return false;
    }
    const QJsonArray array = list.toArray();
    if (array.size() > 50) {
        *error = QStringLiteral("garbage: %1 licences (at most 50)").arg(array.size());
        return false;
    }
    QList<Licence> licences;
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        const auto bad = [error, i](const char *what) {
            *error = QStringLiteral("garbage: licence %1: %2").arg(i).arg(QLatin1String(what));
            return false;
        };
        Licence l;
        l.licenceId = o.value(QStringLiteral("licence_id")).toString();
        if (!idPattern.match(l.licenceId).hasMatch())
            return bad("licence_id");
        for (const Licence &seen : std::as_const(licences))
            if (seen.licenceId == l.licenceId)
                return bad("licence_id listed twice");
        l.type = o.value(QStringLiteral("type")).toString();
        if (!askedTypes.contains(l.type))
            return bad("a type that was not asked for");
        const QJsonObject name = o.value(QStringLiteral("name")).toObject();
        if (!shortText(name.value(QStringLiteral("zh")), 100, &l.name.zh)
            || !shortText(name.value(QStringLiteral("en")), 100, &l.name.en))
            return bad("name");
        if (!shortText(o.value(QStringLiteral("issuer")), 100, &l.issuer))
            return bad("issuer");
        if (!shortText(o.value(QStringLiteral("number_masked")), 100, &l.numberMasked))
            return bad("number_masked");
        const QJsonValue until = o.value(QStringLiteral("valid_until"));
        if (!until.isNull() && !until.isUndefined()) {
            l.validUntil = QDate::fromString(until.toString(), Qt::ISODate);
            if (!l.validUntil.isValid())
                return bad("valid_until");
        }
        const QString status = o.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("valid"))
            l.status = Licence::Status::Valid;
        else if (status == QLatin1String("expired"))
            l.status = Licence::Status::Expired;
        else if (status == QLatin1String("revoked"))
            l.status = Licence::Status::Revoked;
        else
            return bad("status");
        licences.append(l);
    }
    *out = licences;
    return true;
}
