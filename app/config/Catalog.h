#pragma once

#include "LocalizedText.h"

#include <QStringList>
#include <QUrl>
#include <QVector>

#include <optional>

// One field of a service's form.
struct FormFieldSpec
{
    QString id;             // key in the submitted form
    LocalizedText label;
    QString type;           // "text" | "id_number" | "phone" | "date" | "number" | "choice" | "textarea"
    bool required = false;
    int minLength = 0;      // 0 = no minimum
    int maxLength = 0;      // 0 = no maximum
    QString pattern;        // full-match regular expression, empty = none
    LocalizedText patternHint; // shown when the pattern does not match
    QVector<std::pair<QString, LocalizedText>> choices; // for "choice": value -> label
    QString prefill;        // "" or one of: card.name card.id_number card.sex card.birth card.address card.ethnicity
    bool personal = false;  // personal data: masked on screens other than review, never logged
    // "number" fields only (added by the config loader, see docs/catalog.md):
    std::optional<double> minimum; // inclusive; none = unbounded
    std::optional<double> maximum; // inclusive; none = unbounded
    int decimals = 0;              // digits allowed after the decimal point (0 = whole numbers)
};

struct ServiceGuide
{
    QVector<LocalizedText> conditions;
    QVector<LocalizedText> materials;
    LocalizedText processingTime;
    LocalizedText fee;
    LocalizedText legalBasis;
};

// A category (户籍, 社会保障, …) or a life event (出生, 结婚, …) of the catalog: a stable id and its name.
struct CatalogTerm
{
    QString id; // lower-case words joined by '-', unique within its list
    LocalizedText name;
};

// A purpose a resident can pick for a certificate (就业, 就学, ...): what {purpose} says on the paper.
struct CertificatePurpose
{
    QString id; // sent to the platform, lower-case words joined by '-'
    LocalizedText name;
};

// A certificate service (kind "certificate", docs/catalog.md): the platform issues the certificate and
// the kiosk prints it on A4 from a template of kiosk-config/documents/.
struct CertificateServiceSpec
{
    QString type;       // the platform's certificate type: POST /api/v1/certificates/{type}
    QString templateId; // kiosk-config/documents/<templateId>.json
    QVector<CertificatePurpose> purposes;

    const CertificatePurpose *purpose(const QString &id) const
    {
        for (const auto &p : purposes)
            if (p.id == id)
                return &p;
        return nullptr;
    }
};

struct ServiceSpec
{
    QString id;              // stable, e.g. "residence-permit"
    QString code;            // the standardized catalog code
    LocalizedText name;
    LocalizedText department;
    LocalizedText summary;
    ServiceGuide guide;
    QVector<FormFieldSpec> fields;
    QStringList requiredDevices; // device kinds: "idcard", "receipt_printer", "scanner", "camera"
    // Materials screen (services that require the camera; docs/catalog.md):
    bool photo = false;          // asks for one photo of the resident (optional; a printed photo will do)
    bool documentsAsPdf = false; // photographed pages are sent as one PDF rather than one JPEG a page
    // E-licences (电子证照) the service accepts instead of paper (docs/catalog.md "e_licences"): each a licence
    // type of ConfigVocabulary::eLicenceTypes() ("property_certificate", ...) with its name for the resident.
    // A service listing any gets the materials screen, where an identified resident picks licences the
    // platform holds for them; the case references them by id.
    QVector<CatalogTerm> eLicences;
    QStringList eLicenceTypes() const
    {
        QStringList ids;
        for (const CatalogTerm &t : eLicences)
            ids << t.id;
        return ids;
    }
    // After submission the resident gets the application summary on A4 (docs/printing-a4.md); without an
    // A4 printer, or when it fails, they are sent to the counter with the case number.
    bool a4Summary = false;
    // Browsing and search (docs/catalog.md): the one category (an id of Catalog::categories; empty only in
    // a catalog that declares no categories), any number of life events, and extra search words.
    QString category;
    QStringList lifeEvents;
    QStringList keywords;
    // A web service (kind "web", docs/web-services.md): the platform's own pages in the kiosk's locked-down
    // web view instead of the guide and form. allowedOrigins are exact "scheme://host:port" origins,
    // normalised (WebOrigin::toString()); startUrl's origin is one of them.
    QString kind = QStringLiteral("form"); // "form" | "web" | "certificate"
    QUrl startUrl;
    QStringList allowedOrigins;
    bool isWeb() const { return kind == QLatin1String("web"); }
    // A certificate service (kind "certificate"): the certificate journey carries it out.
    CertificateServiceSpec certificate;
    bool isCertificate() const { return kind == QLatin1String("certificate"); }
};

// The standardized service catalog, loaded whole or not at all.
struct Catalog
{
    QString version;
    QVector<CatalogTerm> categories; // in display order
    QVector<CatalogTerm> lifeEvents; // in display order
    QVector<ServiceSpec> services;

    const ServiceSpec *find(const QString &serviceId) const
    {
        for (const auto &s : services)
            if (s.id == serviceId)
                return &s;
        return nullptr;
    }
};
