#include "CertificateServiceReader.h"

#include "CertificateTemplate.h"
#include "JsonConfigReader.h"

#include <QDir>
#include <QRegularExpression>

namespace {

QString named(const ServiceSpec &service, const QString &message)
{
    return QStringLiteral("certificate service \"%1\": %2").arg(service.id, message);
}

QVector<CertificatePurpose> readPurposes(JsonObjectReader &object, const ServiceSpec &service)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    QVector<CertificatePurpose> purposes;
    const auto array = object.array(QStringLiteral("purposes"));
    if (!array)
        return purposes;
    const QString place = object.placeOf(QStringLiteral("purposes"));
    if (array->isEmpty())
        object.diagnostics().add(place, named(service, QStringLiteral("purposes must list at least one purpose")));
    for (int i = 0; i < array->size(); ++i) {
        auto entry = JsonObjectReader::from(array->at(i), jsonPointer(place, i), object.diagnostics());
        if (!entry)
            continue;
        CertificatePurpose purpose;
        purpose.id = entry->string(QStringLiteral("id"));
        purpose.name = entry->text(QStringLiteral("name"));
        entry->rejectUnknownKeys();
        if (!purpose.id.isEmpty() && !idPattern.match(purpose.id).hasMatch()) {
            object.diagnostics().add(entry->placeOf(QStringLiteral("id")),
                                     named(service, QStringLiteral("a purpose id is lower-case words joined by "
                                                                   "'-', found \"%1\"")
                                                        .arg(purpose.id)));
            continue;
        }
        bool repeated = false;
        for (const CertificatePurpose &earlier : std::as_const(purposes))
            repeated = repeated || earlier.id == purpose.id;
        if (repeated)
            object.diagnostics().add(entry->placeOf(QStringLiteral("id")),
                                     named(service, QStringLiteral("purpose \"%1\" is listed twice").arg(purpose.id)));
        else
            purposes.append(purpose);
    }
    return purposes;
}

} // namespace

void readCertificateServiceKeys(JsonObjectReader &object, ServiceSpec &service)
{
    static const QRegularExpression typePattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
    static const QRegularExpression templatePattern(QStringLiteral("^[a-z][a-z0-9-]*$"));
    auto certificate = object.object(QStringLiteral("certificate"));
    if (!certificate)
        return;
    const QString type = certificate->string(QStringLiteral("type"));
    if (!type.isEmpty() && !typePattern.match(type).hasMatch())
        object.diagnostics().add(certificate->placeOf(QStringLiteral("type")),
                                 named(service, QStringLiteral("type \"%1\": lower-case letters, digits and '_'").arg(type)));
    const QString templateId = certificate->string(QStringLiteral("template"));
    if (!templateId.isEmpty() && !templatePattern.match(templateId).hasMatch())
        object.diagnostics().add(
            certificate->placeOf(QStringLiteral("template")),
            named(service, QStringLiteral("template \"%1\": lower-case letters, digits and '-'").arg(templateId)));
    service.certificate.type = type;
    service.certificate.templateId = templateId;
    service.certificate.purposes = readPurposes(*certificate, service);
    certificate->rejectUnknownKeys();
}

void checkCertificateTemplates(const Catalog &catalog, const QString &documentsDir, ConfigDiagnostics &diag)
{
    const QDir dir(documentsDir);
    for (int i = 0; i < catalog.services.size(); ++i) {
        const ServiceSpec &service = catalog.services.at(i);
        if (!service.isCertificate() || service.certificate.templateId.isEmpty())
            continue;
        const QString place = QStringLiteral("/services/%1/certificate/template").arg(i);
        const QString file = dir.filePath(service.certificate.templateId + QStringLiteral(".json"));
        if (!QFileInfo::exists(file)) {
            diag.add(place, named(service, QStringLiteral("template \"%1\": no such document template (%2)")
                                               .arg(service.certificate.templateId, file)));
            continue;
        }
        QString error;
        const auto document = CertificateTemplate::load(file, &error);
        if (!document) {
            diag.add(place, named(service, QStringLiteral("template \"%1\": %2").arg(service.certificate.templateId, error)));
            continue;
        }
        if (document->id != service.certificate.templateId)
            diag.add(place, named(service, QStringLiteral("template file %1 has the id \"%2\"").arg(file, document->id)));
        else if (!document->placeholders.contains(QStringLiteral("purpose")))
            diag.add(place, named(service, QStringLiteral("template \"%1\" has no {purpose} for the resident's choice")
                                               .arg(service.certificate.templateId)));
    }
}
