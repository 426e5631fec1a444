#pragma once

#include "Catalog.h"
#include "ConfigError.h"
#include "SiteConfig.h"

// Checks that span site.json and catalog.json. A device a service needs but the site lacks is not an error:
// the service is shown as unavailable (missingDevices() says why).
class ConfigConsistency
{
public:
    // Errors name catalogFile / siteFile as their file. Reports: a service needing a device kind no driver
    // family provides (the loader rejects these in files; catalogs built in code get the same check), and a
    // site whose languages are not all languages the catalog's texts are written in.
    static ConfigErrors check(const SiteConfig &site, const Catalog &catalog,
                              const QString &siteFile = QStringLiteral("site.json"),
                              const QString &catalogFile = QStringLiteral("catalog.json"));

    // The device kinds service needs that the site has not configured, in the service's order.
    static QStringList missingDevices(const SiteConfig &site, const ServiceSpec &service);
    // The ids of the services that cannot be offered with the site's devices, in catalog order.
    static QStringList unavailableServices(const SiteConfig &site, const Catalog &catalog);
};
