#include "CertificateController.h"

#include "CertificateClient.h"
#include "CertificateDocument.h"
#include "CertificateTemplate.h"
#include "DocumentPrinter.h"
#include "IdNumber.h"

#include <QDir>
#include <QLocale>
#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcCertificate, "onestop.certificate")

CertificateController::CertificateController(const Settings &settings, const Catalog &catalog,
                                             CertificateClient &client, DocumentPrinter *printer, QObject *parent)
    : Journey(parent), m_settings(settings), m_catalog(catalog), m_client(client), m_printer(printer)
{
    if (m_printer)
        connect(m_printer, &DocumentPrinter::jobFinished, this, &CertificateController::onJobFinished);
}

QUrl CertificateController::screenUrl() const
{
    return QUrl(QStringLiteral("qrc:/qt/qml/OneStop/Journeys/CertificateScreen.qml"));
}

bool CertificateController::takesService(const QString &serviceId)
{
    const ServiceSpec *s = m_catalog.find(serviceId);
    if (!s || !s->isCertificate())
        return false;
    m_serviceId = serviceId; // enter() follows; reset() forgets it
    return true;
}

const ServiceSpec *CertificateController::service() const
{
    const ServiceSpec *s = m_catalog.find(m_serviceId);
    return s && s->isCertificate() ? s : nullptr;
}

void CertificateController::enter(const QString &language)
{
    const QString serviceId = m_serviceId;
    reset();
    m_serviceId = serviceId;
    m_language = language;
    emit changed();
}

void CertificateController::reset()
{
    ++m_serial;
    if (m_state == State::Printing && m_printer && !m_jobRequestId.isEmpty()) {
        qCInfo(lcCertificate).noquote() << "session ended before the certificate was printed: job canceled";
        m_printer->cancel(m_jobRequestId);
    }
    m_jobRequestId.clear();
    m_serviceId.clear();
    m_resident = JourneyResident();
    m_identified = false;
    m_purposeId.clear();
    m_issueKey.clear();
    m_issueKeyPurpose.clear();
    m_state = State::NeedIdentity;
    m_refusal = Refusal::None;
    m_message.clear();
    m_refusalReason.clear();
    m_certificate.reset();
    emit changed();
}

void CertificateController::residentIdentified(const JourneyResident &resident)
{
    if (m_state != State::NeedIdentity)
        return;
    if (resident.method != QLatin1String("card") && resident.method != QLatin1String("personal_code")) {
        m_message = tr("A certificate needs your ID card on the reader or your personal identity code.");
        emit changed();
        return;
    }
    m_resident = resident;
    m_identified = true;
    m_message.clear();
    m_state = State::ChoosePurpose;
    emit changed();
}

QString CertificateController::serviceName() const
{
    const ServiceSpec *s = service();
    return s ? s->name.in(m_language) : QString();
}

QVariantList CertificateController::purposes() const
{
    QVariantList list;
    if (const ServiceSpec *s = service())
        for (const CertificatePurpose &p : s->certificate.purposes)
            list.append(QVariantMap{{QStringLiteral("id"), p.id}, {QStringLiteral("name"), p.name.in(m_language)}});
    return list;
}

QString CertificateController::purposeName() const
{
    const ServiceSpec *s = service();
    const CertificatePurpose *p = s ? s->certificate.purpose(m_purposeId) : nullptr;
    return p ? p->name.in(m_language) : QString();
}

QString CertificateController::maskedName() const
{
    return m_identified ? IdNumber::maskName(m_resident.card.name) : QString();
}

QString CertificateController::maskedIdNumber() const
{
    return m_identified ? IdNumber::mask(m_resident.card.idNumber) : QString();
}

QString CertificateController::validUntil() const
{
    if (!m_certificate)
        return QString();
    const QDate d = m_certificate->validUntil;
    return m_language.startsWith(QLatin1String("en"))
               ? QLocale(QLocale::English).toString(d, QStringLiteral("d MMMM yyyy"))
               : QStringLiteral("%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day());
}

void CertificateController::choosePurpose(const QString &purposeId)
{
    const ServiceSpec *s = service();
    if (m_state != State::ChoosePurpose || !s || !s->certificate.purpose(purposeId))
        return;
    m_purposeId = purposeId;
    if (!m_networkAvailable)
        return fail(QStringLiteral("offline"),
                    tr("Issuing a certificate needs the platform, which cannot be reached right now. "
                       "Please try again later or go to the counter."));
    // The same purpose asked again in this visit (after a lost answer) keeps its key: the platform answers
    // the certificate it issued then, never a second one.
    if (m_issueKeyPurpose != purposeId) {
        m_issueKey = QStringLiteral("certificate-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_issueKeyPurpose = purposeId;
    }
    m_state = State::Issuing;
    m_message.clear();
    emit changed();
    const int serial = ++m_serial;
    const CertificateClient::Request request{s->certificate.type,
                                             IdCardData::cardTypeCode(m_resident.card.cardType),
                                             m_resident.card.idNumber, purposeId,
                                             m_language.startsWith(QLatin1String("en")) ? QStringLiteral("en")
                                                                                        : QStringLiteral("zh_CN")};
    qCInfo(lcCertificate).noquote() << "asking the platform for a" << s->certificate.type << "certificate";
    m_client.issue(request, m_issueKey, [this, serial](const CertificateClient::Answer &a) {
        onAnswer(serial, a.reached, a.status, a.body, a.problem);
    });
}

void CertificateController::onAnswer(int serial, bool reached, int status, const QJsonObject &body,
                                     const QString &problem)
{
    if (serial != m_serial || m_state != State::Issuing)
        return; // the session ended meanwhile
    const ServiceSpec *s = service();
    if (!s)
        return;
    const QString error = body.value(QStringLiteral("error")).toString();
    if (reached && (status == 200 || status == 201)) {
        QString why;
        m_certificate = IssuedCertificate::fromAnswer(body, s->certificate.type, &why);
        if (!m_certificate)
            return fail(why, tr("The certificate could not be issued: the platform's answer was not "
                                "understood. Please go to the counter."));
        qCInfo(lcCertificate).noquote() << "certificate" << m_certificate->certificateNumber << "issued"
                                        << (status == 200 ? "(answered again for the same key)" : "");
        return print();
    }
    if (reached && status == 404 && error == QLatin1String("no_record")) {
        qCInfo(lcCertificate) << "certificate refused: no record";
        m_state = State::Refused;
        m_refusal = Refusal::NoRecord;
        m_message = tr("The platform holds no record for you, so this certificate cannot be issued at the "
                       "kiosk. Please ask at the counter.");
        emit changed();
        return;
    }
    if (reached && status == 409 && error == QLatin1String("not_eligible")) {
        qCInfo(lcCertificate) << "certificate refused: not eligible";
        m_state = State::Refused;
        m_refusal = Refusal::NotEligible;
        m_refusalReason = body.value(QStringLiteral("reason")).toString().left(200);
        m_message = tr("This certificate cannot be issued to you. Please ask at the counter.");
        emit changed();
        return;
    }
    const QString why = reached ? QStringLiteral("HTTP %1 %2").arg(status).arg(error) : problem;
    if (!reached && !problem.startsWith(QLatin1String("garbage")))
        return fail(why, tr("Issuing a certificate needs the platform, which cannot be reached right now. "
                            "Please try again later or go to the counter."));
    fail(why, tr("The certificate could not be issued at this kiosk. Please go to the counter."));
}

void CertificateController::fail(const QString &why, const QString &message)
{
    qCWarning(lcCertificate).noquote() << "certificate not issued:" << why;
    m_state = State::Failed;
    m_message = message;
    emit changed();
}

// A value as the paper says it: ISO dates (YYYY-MM-DD) in the resident's language.
QString CertificateController::documentValue(const QString &value) const
{
    const QDate date = QDate::fromString(value, Qt::ISODate);
    if (value.size() != 10 || !date.isValid())
        return value;
    return m_language.startsWith(QLatin1String("en"))
               ? QLocale(QLocale::English).toString(date, QStringLiteral("d MMMM yyyy"))
               : QStringLiteral("%1年%2月%3日").arg(date.year()).arg(date.month()).arg(date.day());
}

void CertificateController::print()
{
    const ServiceSpec *s = service();
    if (!m_printer)
        return sendToCounter(QStringLiteral("no A4 printer in this hall"));
    if (m_printer->status() == Device::Status::Unavailable)
        return sendToCounter(QStringLiteral("the A4 printer is not ready: %1").arg(m_printer->reason()));
    const QString file = QDir(m_settings.documentsDir).filePath(s->certificate.templateId + QStringLiteral(".json"));
    QString error;
    const auto document = CertificateTemplate::load(file, &error);
    if (!document)
        return sendToCounter(QStringLiteral("template: %1").arg(error));

    const bool english = m_language.startsWith(QLatin1String("en"));
    CertificateContent content;
    content.language = english ? QStringLiteral("en") : QStringLiteral("zh_CN");
    content.issuingCenter = english && !m_settings.centerNameEn.isEmpty() ? m_settings.centerNameEn
                                                                          : m_settings.centerNameZh;
    content.issuedOn = m_certificate->issuedAt.toLocalTime().date();
    content.referenceNumber = m_certificate->certificateNumber;
    for (auto it = m_certificate->values.begin(); it != m_certificate->values.end(); ++it)
        content.values.insert(it.key(), documentValue(it.value()));
    QString purpose = purposeName();
    if (english && !purpose.isEmpty()) // "issued for employment": the name inside a sentence
        purpose[0] = purpose[0].toLower();
    content.values.insert(QStringLiteral("purpose"), purpose);
    content.verificationUrl = m_certificate->verificationUrl;
    content.verificationCode = m_certificate->verificationCode;
    content.validUntil = m_certificate->validUntil;
    const QByteArray pdf = CertificateDocument::render(*document, content, &error);
    if (pdf.isEmpty())
        return sendToCounter(QStringLiteral("the certificate could not be laid out: %1").arg(error));

    m_jobRequestId = QStringLiteral("certificate-") + m_certificate->documentId;
    m_state = State::Printing;
    m_message.clear();
    emit changed();
    qCInfo(lcCertificate).noquote() << "printing certificate" << m_certificate->certificateNumber;
    m_printer->print(m_jobRequestId, DocumentPrinter::jobNameFor(m_certificate->documentId), pdf);
}

void CertificateController::onJobFinished(const DocumentJobResult &result)
{
    if (result.requestId != m_jobRequestId || m_jobRequestId.isEmpty() || m_state != State::Printing)
        return;
    if (!result.ok())
        return sendToCounter(QStringLiteral("the A4 job ended %1: %2")
                                 .arg(DocumentJobResult::stateName(result.state), result.reason));
    qCInfo(lcCertificate).noquote() << "certificate" << m_certificate->certificateNumber << "printed";
    m_state = State::Printed;
    m_message = tr("Please take your certificate from the A4 printer.");
    emit changed();
}

void CertificateController::sendToCounter(const QString &why)
{
    qCWarning(lcCertificate).noquote() << "certificate" << m_certificate->certificateNumber
                                       << "not printed, resident sent to the counter:" << why;
    m_state = State::AtCounter;
    m_message = tr("Your certificate has been issued, but it cannot be printed here. Please collect it at the "
                   "counter with the certificate number %1.")
                    .arg(m_certificate->certificateNumber);
    emit changed();
}

void CertificateController::tryAgain()
{
    if (m_state != State::Refused && m_state != State::Failed)
        return;
    m_state = m_identified ? State::ChoosePurpose : State::NeedIdentity;
    m_refusal = Refusal::None;
    m_refusalReason.clear();
    m_message.clear();
    emit changed();
}

void CertificateController::finish()
{
    if (m_state != State::Issuing)
        emit finished();
}
