#include "WebServiceReader.h"

#include "JsonConfigReader.h"
#include "NavigationPolicy.h"
#include "WebOrigin.h"

namespace {

QString named(const ServiceSpec &service, const QString &message)
{
    return QStringLiteral("web service \"%1\": %2").arg(service.id, message);
}

QStringList readOrigins(JsonObjectReader &object, const ServiceSpec &service)
{
    QStringList origins;
    const auto array = object.array(QStringLiteral("allowed_origins"));
    if (!array)
        return origins;
    const QString place = object.placeOf(QStringLiteral("allowed_origins"));
    if (array->isEmpty())
        object.diagnostics().add(
            place, named(service, QStringLiteral("allowed_origins must list at least one origin")));
    for (int i = 0; i < array->size(); ++i) {
        const QString itemPlace = jsonPointer(place, i);
        const QJsonValue value = array->at(i);
        if (!value.isString()) {
            object.diagnostics().add(
                itemPlace,
                named(service, QStringLiteral("expected a string, found %1").arg(jsonTypeName(value))));
            continue;
        }
        QString why;
        const auto origin = WebOrigin::parseEntry(value.toString(), &why);
        if (!origin) {
            object.diagnostics().add(
                itemPlace,
                named(service, QStringLiteral("\"%1\" is not an origin: %2").arg(value.toString(), why)));
            continue;
        }
        if (origin->scheme == QLatin1String("http") && !origin->isLoopback()) {
            object.diagnostics().add(
                itemPlace,
                named(service, QStringLiteral("\"%1\": only https origins (http only to loopback, for tests)")
                                   .arg(value.toString())));
            continue;
        }
        const QString normal = origin->toString();
        if (origins.contains(normal))
            object.diagnostics().add(itemPlace,
                                     named(service, QStringLiteral("origin %1 is listed twice").arg(normal)));
        else
            origins << normal;
    }
    return origins;
}

} // namespace

void readWebServiceKeys(JsonObjectReader &object, ServiceSpec &service)
{
    service.allowedOrigins = readOrigins(object, service);
    const QString start = object.string(QStringLiteral("start_url"));
    if (start.isEmpty())
        return;
    const QString place = object.placeOf(QStringLiteral("start_url"));
    const QUrl url(start, QUrl::StrictMode);
    QString why;
    const auto origin = WebOrigin::ofUrl(url, &why);
    if (!url.isValid() || !origin) {
        object.diagnostics().add(
            place,
            named(service, QStringLiteral("start_url \"%1\" is not a web address: %2").arg(start, why)));
        return;
    }
    // The start page itself must pass the view's policy with this allowlist (loopback http assumed
    // allowed here; the site's consent to it is checked by ConfigConsistency).
    QVector<WebOrigin> allowed;
    for (const QString &text : std::as_const(service.allowedOrigins))
        if (const auto o = WebOrigin::parseEntry(text))
            allowed << *o;
    if (!NavigationPolicy(allowed, true).decide(start).allowed) {
        object.diagnostics().add(
            place, named(service, QStringLiteral("the origin of start_url (%1) is not in allowed_origins")
                                      .arg(origin->toString())));
        return;
    }
    service.startUrl = url;
}
