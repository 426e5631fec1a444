#include "SubmissionController.h"

#include "CaseReceipt.h"
#include "CaseStore.h"
#include "Catalog.h"
#include "IdNumber.h"
#include "ReceiptPrinter.h"
#include "SiteConfig.h"
#include "SyncClient.h"

#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcSubmission, "onestop.submission")

SubmissionController::SubmissionController(const SiteConfig &site, const Catalog &catalog, CaseStore &store,
                                           SyncClient &sync, ReceiptPrinter &printer, QObject *parent)
    : QObject(parent), m_site(site), m_catalog(catalog), m_store(store), m_sync(sync), m_printer(printer)
{
    m_syncWait.setSingleShot(true);
    m_syncWait.setInterval(3000);
    connect(&m_syncWait, &QTimer::timeout, this, &SubmissionController::printReceipt);
    connect(&sync, &SyncClient::itemSynced, this, &SubmissionController::onItemSynced);
    connect(&printer, &ReceiptPrinter::jobCompleted, this, &SubmissionController::onJobCompleted);
    connect(&printer, &ReceiptPrinter::jobFailed, this, &SubmissionController::onJobFailed);
}

QString SubmissionController::syncState() const
{
    if (m_caseId.isEmpty())
        return QString();
    switch (m_store.caseSyncState(m_caseId)) {
    case SyncState::Synced:
        return QStringLiteral("synced");
    case SyncState::Rejected:
        return QStringLiteral("rejected");
    case SyncState::Pending:
        return QStringLiteral("pending");
    case SyncState::Unknown:
        break;
    }
    return QString();
}

QString SubmissionController::trackingUrl() const
{
    if (m_caseId.isEmpty())
        return QString();
    QString url = m_site.trackingUrlTemplate;
    url.replace(QLatin1String("{case_id}"), m_caseId);
    url.replace(QLatin1String("{case_number}"), m_caseNumber);
    return url;
}

bool SubmissionController::submit(const QString &serviceId, const QJsonObject &form, const QString &language,
                                  const IdCardData &resident, const QVector<StoredAttachment> &attachments)
{
    m_state = State::Saving;
    m_errorText.clear();
    emit changed();

    QString error;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString caseNumber = m_store.nextCaseNumber(m_site.centerId, m_site.kioskId, now.toLocalTime().date(), &error);
    if (caseNumber.isEmpty()) {
        m_state = State::Failed;
        m_errorText = error;
        qCWarning(lcSubmission) << "case number not allocated:" << error;
        emit changed();
        emit finished(false);
        return false;
    }

    CaseSubmission submission;
    submission.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    submission.caseNumber = caseNumber;
    submission.serviceId = serviceId;
    submission.centerId = m_site.centerId;
    submission.submittedAt = now;
    submission.form = form;
    submission.language = language;
    if (!m_store.submitCase(submission, attachments, &error)) {
        m_state = State::Failed;
        m_errorText = error;
        qCWarning(lcSubmission) << "case not committed:" << error;
        emit changed();
        emit finished(false);
        return false;
    }

    // Durable from here on: the resident may be told.
    m_caseId = submission.id;
    m_caseNumber = caseNumber;
    m_serviceId = serviceId;
    m_language = language;
    m_resident = resident;
    m_submittedAt = now;
    m_attachmentCount = int(attachments.size());
    m_state = State::Saved;
    m_receiptState = ReceiptState::WaitingForSync;
    qCInfo(lcSubmission) << "case committed" << m_caseId << caseNumber << "with" << m_attachmentCount << "attachments";
    emit changed();
    emit finished(true);

    m_sync.kick();
    // A receipt that says "received by the platform" is worth a short wait, unless the wait is pointless:
    // the network is known to be down, or the printer cannot print anyway.
    if (m_sync.networkAvailable() && m_printer.isReady())
        m_syncWait.start();
    else
        printReceipt();
    return true;
}

bool SubmissionController::rate(int level)
{
    if (m_caseId.isEmpty())
        return false;
    QString error;
    if (!m_store.addRating(m_caseId, level, QString(), &error)) {
        qCWarning(lcSubmission) << "rating not saved for case" << m_caseId << ":" << error;
        return false;
    }
    m_sync.kick();
    return true;
}

void SubmissionController::onItemSynced(const QString &kind, const QString &caseId)
{
    if (caseId != m_caseId)
        return;
    emit changed();
    if (kind == QLatin1String("case") && m_receiptState == ReceiptState::WaitingForSync) {
        m_syncWait.stop();
        printReceipt();
    }
}

void SubmissionController::printReceipt()
{
    if (m_caseId.isEmpty() || m_receiptState != ReceiptState::WaitingForSync)
        return;
    const ServiceSpec *service = m_catalog.find(m_serviceId);
    CaseReceiptContent content;
    content.centerName = m_site.centerName.in(m_language);
    content.serviceName = service ? service->name.in(m_language) : m_serviceId;
    content.caseNumber = m_caseNumber;
    content.submittedAt = m_submittedAt.toLocalTime();
    content.maskedName = IdNumber::maskName(m_resident.name);
    content.maskedIdNumber = IdNumber::mask(m_resident.idNumber);
    content.synced = m_store.caseSyncState(m_caseId) == SyncState::Synced;
    content.trackingUrl = trackingUrl();
    content.language = m_language; // the resident's language, not the machine's locale

    if (!m_printer.isReady()) {
        m_receiptState = ReceiptState::NotPrinted;
        m_receiptProblem = residentPrinterProblem();
        qCWarning(lcSubmission) << "receipt not printed for case" << m_caseId << ":" << m_printer.reason();
        emit changed();
        return;
    }
    QString encodeError;
    const QByteArray bytes = CaseReceipt::build(content, m_printer.charactersPerLine(), &encodeError);
    if (bytes.isEmpty()) {
        m_receiptState = ReceiptState::NotPrinted;
        m_receiptProblem = tr("the receipt could not be laid out");
        qCWarning(lcSubmission) << "receipt not encoded for case" << m_caseId << ":" << encodeError;
        emit changed();
        return;
    }
    m_receiptState = ReceiptState::Printing;
    emit changed();
    m_printer.print(m_caseId, bytes);
}

QString SubmissionController::residentPrinterProblem() const
{
    // The driver's reason ("cover open", "unplugged") is for staff and the log; the resident gets words.
    if (m_printer.paper() == ReceiptPrinter::PaperState::Out)
        return tr("the printer is out of paper");
    return tr("the printer is not available");
}

void SubmissionController::onJobCompleted(const QString &jobId)
{
    if (jobId != m_caseId)
        return;
    m_receiptState = ReceiptState::Printed;
    emit changed();
}

void SubmissionController::onJobFailed(const QString &jobId, const QString &reason)
{
    if (jobId != m_caseId)
        return;
    m_receiptState = ReceiptState::NotPrinted;
    m_receiptProblem = residentPrinterProblem();
    qCWarning(lcSubmission) << "receipt failed for case" << jobId << ":" << reason;
    emit changed();
}

void SubmissionController::clear()
{
    m_syncWait.stop();
    m_state = State::Idle;
    m_caseId.clear();
    m_caseNumber.clear();
    m_serviceId.clear();
    m_errorText.clear();
    m_resident = IdCardData();
    m_submittedAt = QDateTime();
    m_attachmentCount = 0;
    m_receiptState = ReceiptState::None;
    m_receiptProblem.clear();
    emit changed();
}
