#include "SummaryPrintController.h"

#include "ApplicationSummaryDocument.h"
#include "Catalog.h"
#include "DocumentContent.h"
#include "IdNumber.h"
#include "SiteConfig.h"
#include "SubmissionController.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSummary, "onestop.summary")

SummaryPrintController::SummaryPrintController(QObject *parent) : QObject(parent) {}

SummaryPrintController::SummaryPrintController(const SiteConfig &site, const Catalog &catalog,
                                               DocumentPrinter *printer, QObject *parent)
    : QObject(parent), m_site(&site), m_catalog(&catalog), m_printer(printer)
{
    if (m_printer)
        connect(m_printer, &DocumentPrinter::jobFinished, this, &SummaryPrintController::onJobFinished);
}

namespace {

// A form value as the paper shows it: personal values masked by their kind.
QString paperValue(const FormFieldSpec &field, const QString &value, const QString &language)
{
    if (field.type == QLatin1String("choice")) {
        for (const auto &choice : field.choices) {
            if (choice.first == value)
                return choice.second.in(language);
        }
        return value;
    }
    if (!field.personal || value.isEmpty())
        return value;
    if (field.type == QLatin1String("id_number"))
        return IdNumber::mask(value);
    if (field.type == QLatin1String("phone"))
        return IdNumber::maskPhone(value);
    if (field.prefill == QLatin1String("card.name"))
        return IdNumber::maskName(value);
    // Any other personal text (an address, a date of birth): its first characters only.
    const int keep = qMin(6, int(value.size()) / 3);
    return value.left(keep) + QString(value.size() - keep, QLatin1Char('*'));
}

} // namespace

ApplicationSummaryContent SummaryPrintController::contentFor(const CommittedCase &committed) const
{
    ApplicationSummaryContent content;
    if (!m_site || !m_catalog)
        return content;
    const ServiceSpec *service = m_catalog->find(committed.serviceId);
    const QString language = committed.language;
    content.language = language;
    content.centerName = m_site->centerName.in(language);
    content.serviceName = service ? service->name.in(language) : committed.serviceId;
    content.serviceCode = service ? service->code : QString();
    content.caseNumber = committed.caseNumber;
    content.submittedAt = committed.submittedAt;
    content.maskedName = IdNumber::maskName(committed.resident.name);
    content.maskedIdNumber = IdNumber::mask(committed.resident.idNumber);
    if (service) {
        for (const FormFieldSpec &field : service->fields) {
            const QString value = committed.form.value(field.id).toVariant().toString();
            content.formFields.append({field.label.in(language), paperValue(field, value, language)});
        }
        for (const LocalizedText &material : service->guide.materials)
            content.materials.append(material.in(language));
    }
    QString url = m_site->trackingUrlTemplate;
    url.replace(QLatin1String("{case_id}"), committed.caseId);
    url.replace(QLatin1String("{case_number}"), committed.caseNumber);
    content.trackingUrl = url;
    return content;
}

void SummaryPrintController::onCaseCommitted(const CommittedCase &committed)
{
    if (!m_site || !m_catalog)
        return;
    const ServiceSpec *service = m_catalog->find(committed.serviceId);
    if (!service || !service->a4Summary)
        return;
    m_caseId = committed.caseId;
    m_caseNumber = committed.caseNumber;
    if (!m_printer)
        return sendToCounter(QStringLiteral("no A4 printer in this hall"));
    if (m_printer->status() == Device::Status::Unavailable)
        return sendToCounter(QStringLiteral("the A4 printer is not ready: %1").arg(m_printer->reason()));
    QString error;
    const QByteArray pdf = ApplicationSummaryDocument::render(contentFor(committed), &error);
    if (pdf.isEmpty())
        return sendToCounter(QStringLiteral("the summary could not be laid out: %1").arg(error));
    m_state = State::Printing;
    emit changed();
    qCInfo(lcSummary) << "printing the A4 summary of case" << m_caseId;
    m_printer->print(m_caseId, DocumentPrinter::jobNameFor(m_caseId), pdf);
}

void SummaryPrintController::onJobFinished(const DocumentJobResult &result)
{
    if (result.requestId != m_caseId || m_state != State::Printing)
        return;
    if (!result.ok())
        return sendToCounter(QStringLiteral("the A4 job ended %1: %2")
                                 .arg(DocumentJobResult::stateName(result.state), result.reason));
    qCInfo(lcSummary) << "A4 summary printed for case" << m_caseId;
    m_state = State::Printed;
    emit changed();
}

void SummaryPrintController::sendToCounter(const QString &why)
{
    qCWarning(lcSummary).noquote() << "A4 summary of case" << m_caseId << "not printed, resident sent to the counter:"
                                   << why;
    m_state = State::AtCounter;
    emit changed();
}

void SummaryPrintController::clear()
{
    if (m_state == State::None && m_caseId.isEmpty())
        return;
    m_state = State::None;
    m_caseId.clear();
    m_caseNumber.clear();
    emit changed();
}
