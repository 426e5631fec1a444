#include "CatalogLoader.h"

#include "ConfigLogging.h"
#include "CatalogTermsReader.h"
#include "CertificateServiceReader.h"
#include "ConfigVocabulary.h"
#include "FormFieldReader.h"
#include "JsonConfigReader.h"
#include "WebServiceReader.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace {

// Reports value at place if an earlier entry already used it: "duplicate service id "x" (first at
// /services/0)".
void checkUnique(QHash<QString, QString> &seen, const QString &value, const QString &what,
                 const QString &place, const QString &entryPlace, ConfigDiagnostics &diag)
{
    if (value.isEmpty())
        return;
    const auto first = seen.constFind(value);
    if (first != seen.constEnd())
        diag.add(place, QStringLiteral("duplicate %1 \"%2\" (first at %3)").arg(what, value, first.value()));
    else
        seen.insert(value, entryPlace);
}

QVector<LocalizedText> readTextList(JsonObjectReader &object, const QString &key)
{
    QVector<LocalizedText> texts;
    const auto array = object.array(key);
    if (!array)
        return texts;
    const QString place = object.placeOf(key);
    if (array->isEmpty())
        object.diagnostics().add(place, QStringLiteral("must list at least one entry"));
    for (int i = 0; i < array->size(); ++i)
        texts.append(readLocalizedText(array->at(i), jsonPointer(place, i), object.diagnostics()));
    return texts;
}

ServiceGuide readGuide(JsonObjectReader &service, Need need)
{
    ServiceGuide guide;
    auto object = service.object(QStringLiteral("guide"), need);
    if (!object)
        return guide;
    guide.conditions = readTextList(*object, QStringLiteral("conditions"));
    guide.materials = readTextList(*object, QStringLiteral("materials"));
    guide.processingTime = object->text(QStringLiteral("processing_time"));
    guide.fee = object->text(QStringLiteral("fee"));
    guide.legalBasis = object->text(QStringLiteral("legal_basis"));
    object->rejectUnknownKeys();
    return guide;
}

QVector<FormFieldSpec> readFields(JsonObjectReader &service, Need need)
{
    QVector<FormFieldSpec> fields;
    const auto array = service.array(QStringLiteral("fields"), need);
    if (!array)
        return fields;
    const QString place = service.placeOf(QStringLiteral("fields"));
    QHash<QString, QString> ids;
    for (int i = 0; i < array->size(); ++i) {
        const QString fieldPlace = jsonPointer(place, i);
        auto object = JsonObjectReader::from(array->at(i), fieldPlace, service.diagnostics());
        if (!object)
            continue;
        const FormFieldSpec field = readFormField(*object);
        checkUnique(ids, field.id, QStringLiteral("field id"), object->placeOf(QStringLiteral("id")),
                    fieldPlace, service.diagnostics());
        fields.append(field);
    }
    return fields;
}

QStringList readRequiredDevices(JsonObjectReader &service, Need need)
{
    QStringList kinds;
    const auto array = service.array(QStringLiteral("required_devices"), need);
    if (!array)
        return kinds;
    const QString place = service.placeOf(QStringLiteral("required_devices"));
    for (int i = 0; i < array->size(); ++i) {
        const QJsonValue value = array->at(i);
        const QString itemPlace = jsonPointer(place, i);
        if (!value.isString()) {
            service.diagnostics().add(itemPlace,
                                      QStringLiteral("expected a string, found %1").arg(jsonTypeName(value)));
            continue;
        }
        const QString kind = value.toString();
        if (!checkOneOf(kind, ConfigVocabulary::deviceKinds(), QStringLiteral("device kind"), itemPlace,
                        service.diagnostics()))
            continue;
        if (kinds.contains(kind))
            service.diagnostics().add(itemPlace,
                                      QStringLiteral("device kind \"%1\" is listed twice").arg(kind));
        else
            kinds << kind;
    }
    return kinds;
}

// "e_licences": [{"type": "property_certificate", "name": {"zh": "...", "en": "..."}}]: known types, each once.
QVector<CatalogTerm> readELicences(JsonObjectReader &service)
{
    QVector<CatalogTerm> licences;
    const auto array = service.array(QStringLiteral("e_licences"), Need::Optional);
    if (!array)
        return licences;
    const QString place = service.placeOf(QStringLiteral("e_licences"));
    ConfigDiagnostics &diag = service.diagnostics();
    if (array->isEmpty())
        diag.add(place, QStringLiteral("must list at least one e-licence type (or leave the key out)"));
    for (int i = 0; i < array->size(); ++i) {
        const QString itemPlace = jsonPointer(place, i);
        auto object = JsonObjectReader::from(array->at(i), itemPlace, diag);
        if (!object)
            continue;
        CatalogTerm licence;
        licence.id = object->string(QStringLiteral("type"));
        licence.name = object->text(QStringLiteral("name"));
        object->rejectUnknownKeys();
        const QString typePlace = object->placeOf(QStringLiteral("type"));
        if (licence.id.isEmpty()
            || !checkOneOf(licence.id, ConfigVocabulary::eLicenceTypes(), QStringLiteral("e-licence type"), typePlace, diag))
            continue;
        bool twice = false;
        for (const CatalogTerm &seen : std::as_const(licences))
            twice = twice || seen.id == licence.id;
        if (twice) {
            diag.add(typePlace, QStringLiteral("e-licence type \"%1\" is listed twice").arg(licence.id));
            continue;
        }
        licences.append(licence);
    }
    return licences;
}

ServiceSpec readService(JsonObjectReader &object, const Catalog &terms)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    static const QRegularExpression codePattern(QStringLiteral("^[A-Z0-9]+(-[A-Z0-9]+)*$"));
    ServiceSpec service;
    service.id = object.string(QStringLiteral("id"));
    if (!service.id.isEmpty() && !idPattern.match(service.id).hasMatch())
        object.diagnostics().add(
            object.placeOf(QStringLiteral("id")),
            QStringLiteral("a service id is lower case words joined by '-', found \"%1\"").arg(service.id));
    service.code = object.string(QStringLiteral("code"));
    if (!service.code.isEmpty() && !codePattern.match(service.code).hasMatch())
        object.diagnostics().add(
            object.placeOf(QStringLiteral("code")),
            QStringLiteral("a service code is upper-case letters and digits joined by '-', "
                           "found \"%1\"")
                .arg(service.code));
    service.name = object.text(QStringLiteral("name"));
    service.department = object.text(QStringLiteral("department"));
    service.summary = object.text(QStringLiteral("summary"));
    // A web service (docs/web-services.md) has its pages instead of a guide and a form.
    service.kind = object.oneOf(QStringLiteral("kind"),
                                {QStringLiteral("form"), QStringLiteral("web"), QStringLiteral("certificate")},
                                QStringLiteral("service kind"), Need::Optional, QStringLiteral("form"));
    // A certificate service (docs/catalog.md) is carried out by the certificate journey: no form either.
    const Need formKeys = service.kind == QLatin1String("form") ? Need::Required : Need::Optional;
    service.guide = readGuide(object, formKeys);
    service.fields = readFields(object, formKeys);
    service.requiredDevices = readRequiredDevices(object, formKeys);
    if (service.isWeb()) {
        if (!service.fields.isEmpty())
            object.diagnostics().add(object.placeOf(QStringLiteral("fields")),
                                     QStringLiteral("web service \"%1\": a web service has no form fields").arg(service.id));
        readWebServiceKeys(object, service);
    } else {
        for (const QString &key : {QStringLiteral("start_url"), QStringLiteral("allowed_origins")})
            if (object.contains(key))
                object.diagnostics().add(object.placeOf(key),
                                         QStringLiteral("service \"%1\": %2 is only for services of kind \"web\"").arg(service.id, key));
    }
    if (service.isCertificate()) {
        if (!service.fields.isEmpty())
            object.diagnostics().add(object.placeOf(QStringLiteral("fields")),
                                     QStringLiteral("certificate service \"%1\": a certificate service has no form fields").arg(service.id));
        readCertificateServiceKeys(object, service);
    } else if (object.contains(QStringLiteral("certificate"))) {
        object.diagnostics().add(object.placeOf(QStringLiteral("certificate")),
                                 QStringLiteral("service \"%1\": certificate is only for services of kind \"certificate\"").arg(service.id));
    }
    service.photo = object.boolean(QStringLiteral("photo"), false);
    service.documentsAsPdf = object.boolean(QStringLiteral("documents_as_pdf"), false);
    service.a4Summary = object.boolean(QStringLiteral("a4_summary"), false);
    service.eLicences = readELicences(object);
    if (service.isWeb() && !service.eLicences.isEmpty())
        object.diagnostics().add(object.placeOf(QStringLiteral("e_licences")),
                                 QStringLiteral("web service \"%1\": e-licences are for form services").arg(service.id));
    readServiceTerms(object, terms.categories, terms.lifeEvents, service);
    object.rejectUnknownKeys();
    return service;
}

} // namespace

ConfigResult<Catalog> CatalogLoader::load(const QString &path)
{
    ConfigDiagnostics diag(path);
    const auto data = readConfigFile(path, diag);
    return data ? parse(*data, path, QFileInfo(path).dir().filePath(QStringLiteral("documents")))
                : ConfigResult<Catalog>::failure(diag.errors());
}

ConfigResult<Catalog> CatalogLoader::parse(const QByteArray &json, const QString &fileName,
                                           const QString &documentsDir)
{
    ConfigDiagnostics diag(fileName);
    const auto document = parseConfigDocument(json, diag);
    if (!document)
        return ConfigResult<Catalog>::failure(diag.errors());

    JsonObjectReader root(*document, QStringLiteral("/"), diag);
    Catalog catalog;
    root.string(QStringLiteral("$schema"), Need::Optional); // editors' hint, ignored
    catalog.version = root.string(QStringLiteral("version"));
    catalog.categories = readCatalogTerms(root, QStringLiteral("categories"), QStringLiteral("category"));
    catalog.lifeEvents = readCatalogTerms(root, QStringLiteral("life_events"), QStringLiteral("life event"));
    if (const auto services = root.array(QStringLiteral("services"))) {
        const QString place = root.placeOf(QStringLiteral("services"));
        if (services->isEmpty())
            diag.add(place, QStringLiteral("must list at least one service"));
        QHash<QString, QString> ids;
        QHash<QString, QString> codes;
        for (int i = 0; i < services->size(); ++i) {
            const QString servicePlace = jsonPointer(place, i);
            auto object = JsonObjectReader::from(services->at(i), servicePlace, diag);
            if (!object)
                continue;
            const ServiceSpec service = readService(*object, catalog);
            checkUnique(ids, service.id, QStringLiteral("service id"), object->placeOf(QStringLiteral("id")),
                        servicePlace, diag);
            checkUnique(codes, service.code, QStringLiteral("service code"),
                        object->placeOf(QStringLiteral("code")), servicePlace, diag);
            catalog.services.append(service);
        }
    }
    root.rejectUnknownKeys();
    if (!documentsDir.isEmpty())
        checkCertificateTemplates(catalog, documentsDir, diag);

    if (diag.hasErrors())
        return ConfigResult<Catalog>::failure(diag.errors());
    qCDebug(lcConfig) << "catalog" << fileName << "version" << catalog.version << "with"
                      << catalog.services.size() << "services";
    return ConfigResult<Catalog>::success(catalog);
}
