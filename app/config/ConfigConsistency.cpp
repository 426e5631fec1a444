#include "ConfigConsistency.h"

#include "ConfigVocabulary.h"
#include "JsonConfigReader.h"

ConfigErrors ConfigConsistency::check(const SiteConfig &site, const Catalog &catalog, const QString &siteFile,
                                      const QString &catalogFile)
{
    ConfigDiagnostics catalogDiag(catalogFile);
    for (int i = 0; i < catalog.services.size(); ++i) {
        const ServiceSpec &service = catalog.services.at(i);
        const QString place = QStringLiteral("/services/%1/required_devices").arg(i);
        for (int j = 0; j < service.requiredDevices.size(); ++j) {
            const QString kind = service.requiredDevices.at(j);
            if (!ConfigVocabulary::deviceKinds().contains(kind))
                catalogDiag.add(
                    jsonPointer(place, j),
                    QStringLiteral("service \"%1\" needs unknown device kind \"%2\"; known kinds: %3")
                        .arg(service.id, kind, ConfigVocabulary::deviceKinds().join(QLatin1String(", "))));
        }
    }

    // A web service's http:// (loopback) origins need the site's consent (tests only).
    for (int i = 0; i < catalog.services.size(); ++i) {
        const ServiceSpec &service = catalog.services.at(i);
        for (int j = 0; j < service.allowedOrigins.size(); ++j)
            if (service.allowedOrigins.at(j).startsWith(QLatin1String("http:")) && !site.web.allowLoopbackHttp)
                catalogDiag.add(jsonPointer(QStringLiteral("/services/%1/allowed_origins").arg(i), j),
                                QStringLiteral("web service \"%1\" lists the http origin %2, which site.json does not "
                                               "allow (web.allow_loopback_http)")
                                    .arg(service.id, service.allowedOrigins.at(j)));
    }

    ConfigDiagnostics siteDiag(siteFile);
    for (int i = 0; i < site.languages.size(); ++i)
        if (!ConfigVocabulary::languages().contains(site.languages.at(i)))
            siteDiag.add(
                jsonPointer(QStringLiteral("/languages"), i),
                QStringLiteral("the catalog has no texts in language \"%1\"").arg(site.languages.at(i)));
    return siteDiag.errors() + catalogDiag.errors();
}

QStringList ConfigConsistency::missingDevices(const SiteConfig &site, const ServiceSpec &service)
{
    QStringList missing;
    for (const QString &kind : service.requiredDevices)
        if (!site.device(kind))
            missing << kind;
    return missing;
}

QStringList ConfigConsistency::unavailableServices(const SiteConfig &site, const Catalog &catalog)
{
    QStringList ids;
    for (const ServiceSpec &service : catalog.services)
        if (!missingDevices(site, service).isEmpty())
            ids << service.id;
    return ids;
}
