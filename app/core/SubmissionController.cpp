#include "SubmissionController.h"

#include "CaseReceipt.h"
#include "CaseStore.h"
#include "Catalog.h"
#include "IdNumber.h"
#include "ReceiptJobQueue.h"
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
                                  const IdCardData &resident, const QVector<StoredAttachment> &attachments,
                                  const QString &identityMethod)
{
    m_state = State::Saving;
    m_errorText.clear();
    emit changed();

    QString error;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString caseNumber =
        m_store.nextCaseNumber(m_site.centerId, m_site.kioskId, now.toLocalTime().date(), &error);
    if (caseNumber.isEmpty())
        return commitFailed("case number not allocated", error);

    CaseSubmission submission;
    submission.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    submission.caseNumber = caseNumber;
    submission.serviceId = serviceId;
    submission.centerId = m_site.centerId;
    submission.submittedAt = now;
    submission.form = form;
    submission.language = language;
    submission.identityMethod = identityMethod;
    if (!m_store.submitCase(submission, attachments, &error))
        return commitFailed("case not committed", error);
    setStoreAlert(QString(), QString());

    // Durable from here on: the resident may be told.
    m_caseId = submission.id;
    m_caseNumber = caseNumber;
    m_serviceId = serviceId;
    m_language = language;
    m_resident = resident;
    m_submittedAt = now;
    m_attachmentCount = int(attachments.size());
    m_state = State::Saved;
    m_receiptState = ReceiptState::None;
    qCInfo(lcSubmission) << "case committed" << m_caseId << caseNumber << "with" << m_attachmentCount
                         << "attachments";
    emit changed();
    emit finished(true);

    // The receipt prints now, from what is durable: it never waits for the platform (a resident who ends
    // the session at once still gets it). It says whether the platform has the case yet.
    printReceipt();
    m_sync.kick();
    return true;
}

bool SubmissionController::rate(int level)
{
    if (m_caseId.isEmpty())
        return false;
    QString error;
    if (!m_store.addRating(m_caseId, level, QString(), &error)) {
        qCWarning(lcSubmission) << "rating not saved for case" << m_caseId << ":" << error;
        setStoreAlert(m_store.lastFailureCause(), error);
        return false;
    }
    setStoreAlert(QString(), QString());
    m_sync.kick();
    return true;
}

// Nothing was committed: the resident stays on the review screen with what they entered (finished(false)),
// the log says which step failed and sqlite's reason (paths and steps only), and staff get the alert.
bool SubmissionController::commitFailed(const char *what, const QString &error)
{
    m_state = State::Failed;
    m_errorText = error;
    qCWarning(lcSubmission).noquote() << QString::fromLatin1(what) + QLatin1Char(':') << error;
    setStoreAlert(m_store.lastFailureCause(), error);
    emit changed();
    emit finished(false);
    return false;
}

void SubmissionController::setStoreAlert(const QString &cause, const QString &text)
{
    if (cause == m_storeAlertCause && text == m_storeAlert)
        return;
    // Raising it is logged by the caller (the failure with its reason); the clearing is logged here.
    if (cause.isEmpty())
        qCInfo(lcSubmission) << "store alert cleared: the store commits again";
    m_storeAlertCause = cause;
    m_storeAlert = text;
    emit storeAlertChanged();
}

void SubmissionController::onItemSynced(const QString &kind, const QString &caseId)
{
    if (caseId != m_caseId)
        return;
    Q_UNUSED(kind);
    emit changed(); // syncState
}

CaseReceiptContent SubmissionController::receiptContent(const CaseSubmission &stored) const
{
    const ServiceSpec *service = m_catalog.find(stored.serviceId);
    // The resident's name and number as the form holds them (the fields the card fills in).
    QString nameField = QStringLiteral("name"), idField = QStringLiteral("id_number");
    if (service) {
        for (const FormFieldSpec &f : service->fields) {
            if (f.prefill == QLatin1String("card.name"))
                nameField = f.id;
            else if (f.prefill == QLatin1String("card.id_number"))
                idField = f.id;
        }
    }
    CaseReceiptContent content;
    content.centerName = m_site.centerName.in(stored.language);
    content.serviceName = service ? service->name.in(stored.language) : stored.serviceId;
    content.caseNumber = stored.caseNumber;
    content.submittedAt = stored.submittedAt.toLocalTime();
    content.maskedName = IdNumber::maskName(stored.form.value(nameField).toString());
    content.maskedIdNumber = IdNumber::mask(stored.form.value(idField).toString());
    content.synced = m_store.caseSyncState(stored.id) == SyncState::Synced;
    QString url = m_site.trackingUrlTemplate;
    url.replace(QLatin1String("{case_id}"), stored.id);
    url.replace(QLatin1String("{case_number}"), stored.caseNumber);
    content.trackingUrl = url;
    content.language = stored.language; // the resident's language, not the machine's locale
    return content;
}

void SubmissionController::printReceipt()
{
    if (m_caseId.isEmpty() || m_receiptState != ReceiptState::None)
        return;
    CaseSubmission stored;
    stored.id = m_caseId;
    stored.caseNumber = m_caseNumber;
    stored.serviceId = m_serviceId;
    stored.submittedAt = m_submittedAt;
    stored.language = m_language;
    CaseReceiptContent content = receiptContent(stored);
    content.maskedName = IdNumber::maskName(m_resident.name); // the card read in this session
    content.maskedIdNumber = IdNumber::mask(m_resident.idNumber);

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
    if (m_reprintJobs.contains(jobId)) {
        const QString caseId = m_reprintJobs.take(jobId);
        emit reprintFinished(caseId, true, QString());
        return;
    }
    if (jobId != m_caseId)
        return;
    m_receiptState = ReceiptState::Printed;
    emit changed();
}

void SubmissionController::onJobFailed(const QString &jobId, const QString &reason)
{
    if (m_reprintJobs.contains(jobId)) {
        const QString caseId = m_reprintJobs.take(jobId);
        qCWarning(lcSubmission) << "reprint failed for case" << caseId << ":" << reason;
        emit reprintFinished(caseId, false, reason);
        return;
    }
    if (jobId != m_caseId)
        return;
    m_receiptState = ReceiptState::NotPrinted;
    m_receiptProblem = residentPrinterProblem();
    qCWarning(lcSubmission) << "receipt failed for case" << jobId << ":" << reason;
    emit changed();
}

bool SubmissionController::reprint(const QString &caseId, QString *error)
{
    const auto fail = [&](const QString &why) {
        qCWarning(lcSubmission) << "receipt not reprinted for case" << caseId << ":" << why;
        if (error)
            *error = why;
        return false;
    };
    const std::optional<CaseSubmission> stored = m_store.findCase(caseId);
    if (!stored)
        return fail(QStringLiteral("no case %1 in the store").arg(caseId));
    if (!m_printer.isReady())
        return fail(QStringLiteral("the printer is not ready: %1").arg(m_printer.reason()));
    QString encodeError;
    const QByteArray bytes =
        CaseReceipt::build(receiptContent(*stored), m_printer.charactersPerLine(), &encodeError);
    if (bytes.isEmpty())
        return fail(QStringLiteral("the receipt could not be laid out: %1").arg(encodeError));
    const QString jobId = QStringLiteral("reprint-%1-%2").arg(caseId).arg(++m_reprintCount);
    m_reprintJobs.insert(jobId, caseId);
    qCInfo(lcSubmission) << "reprinting the receipt of case" << caseId;
    m_store.audit(QStringLiteral("receipt_reprinted"), caseId);
    m_printer.print(jobId, ReceiptJobQueue::withReprintHeader(bytes));
    return true;
}

void SubmissionController::clear()
{
    if (!m_caseId.isEmpty() && m_receiptState == ReceiptState::Printing) {
        // The resident has gone: a receipt that has not gone to the paper yet must not come out later.
        if (m_printer.cancel(m_caseId))
            qCInfo(lcSubmission) << "receipt of case" << m_caseId << "cancelled at session end";
    }
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
