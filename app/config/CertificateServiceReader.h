#pragma once

#include "Catalog.h"

class ConfigDiagnostics;
class JsonObjectReader;

// The keys of a certificate service (kind "certificate", docs/catalog.md) in catalog.json: its
// "certificate" object with the type the platform issues, the document template (an id of a file in
// kiosk-config/documents/) and the purposes a resident can pick. Errors name the service.
void readCertificateServiceKeys(JsonObjectReader &object, ServiceSpec &service);

// Checks that every certificate service's template exists in documentsDir and is a valid template
// (CertificateTemplate::load), and that it has the {purpose} the kiosk fills in. Errors at the service's
// /services/<i>/certificate/template.
void checkCertificateTemplates(const Catalog &catalog, const QString &documentsDir, ConfigDiagnostics &diag);
