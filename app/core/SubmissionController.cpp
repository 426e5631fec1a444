#include "SubmissionController.h"

#include "CaseReceipt.h"
#include "CaseStore.h"
#include "Catalog.h"
#include "IdNumber.h"
#include "ReceiptJobQueue.h"
#include "ReceiptPrinter.h"
#include "SiteConfig.h"
#include "StoreExecutor.h"
#include "SyncMonitor.h"

#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcSubmission, "onestop.submission")

// What the store's thread reports about a commit: the case as committed (without the form: the GUI keeps
// the card read in this session for the receipt), or which step failed, sqlite's reason and its cause.
struct SubmissionController::Commit
{
    bool ok = false;
    CaseSubmission submission; // form left out
    int attachmentCount = 0;
    QString failedStep;
    QString error;
    QString cause; // CaseStore::lastFailureCause
};

SubmissionController::SubmissionController(const SiteConfig &site, const Catalog &catalog,
                                           StoreExecutor &store, SyncMonitor &sync, ReceiptPrinter &printer,
                                           QObject *parent)
    : QObject(parent), m_site(site), m_catalog(catalog), m_store(store), m_sync(sync), m_printer(printer)
{
    connect(&sync, &SyncMonitor::itemSynced, this, &SubmissionController::onItemSynced);
    connect(&sync, &SyncMonitor::itemRejected, this,
            [this](const QString &kind, const QString &caseId) { onItemRejected(kind, caseId); });
    connect(&printer, &ReceiptPrinter::jobCompleted, this, &SubmissionController::onJobCompleted);
    connect(&printer, &ReceiptPrinter::jobFailed, this, &SubmissionController::onJobFailed);
}

QString SubmissionController::syncState() const
{
    return m_caseId.isEmpty() ? QString() : m_syncState;
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
                                  const QString &identityMethod, const QStringList &licenceIds)
{
    if (m_state == State::Saving) {
        qCWarning(lcSubmission) << "submission ignored: a commit is still running";
        return false;
    }
    m_state = State::Saving;
    m_errorText.clear();
    emit changed();

    CaseSubmission submission;
    submission.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    submission.serviceId = serviceId;
    submission.centerId = m_site.centerId;
    submission.submittedAt = QDateTime::currentDateTimeUtc();
    submission.form = form;
    submission.language = language;
    submission.identityMethod = identityMethod;
    submission.licenceIds = licenceIds;
    if (!licenceIds.isEmpty()) { // whose they are: the platform refuses licences of another resident
        submission.licenceHolderIdType = IdCardData::cardTypeCode(resident.cardType);
        submission.licenceHolderIdNumber = resident.idNumber;
    }
    const QString kioskId = m_site.kioskId;
    const quint64 generation = ++m_generation;

    // On the store's thread: the number and the commit. Values only cross (the form is implicitly shared).
    const auto commit = [submission, attachments, kioskId](CaseStore &store) mutable {
        Commit result;
        QString error;
        submission.caseNumber = store.nextCaseNumber(submission.centerId, kioskId,
                                                     submission.submittedAt.toLocalTime().date(), &error);
        if (submission.caseNumber.isEmpty()) {
            result.failedStep = QStringLiteral("case number not allocated");
        } else if (!store.submitCase(submission, attachments, &error)) {
            result.failedStep = QStringLiteral("case not committed");
        } else {
            result.ok = true;
        }
        result.error = error;
        if (!result.ok)
            result.cause = store.lastFailureCause();
        submission.form = QJsonObject();
        result.submission = submission;
        result.attachmentCount = int(attachments.size());
        return result;
    };
    QStringList attachmentNames;
    for (const StoredAttachment &attachment : attachments)
        attachmentNames.append(attachment.name);
    m_store.post(this, commit, [this, generation, resident, form, attachmentNames](const Commit &result) {
        if (generation != m_generation) {
            // The session ended while the commit ran: the case (if committed) is kept and sent; nobody is
            // waiting for its receipt.
            qCInfo(lcSubmission) << "commit finished after its session ended:"
                                 << (result.ok ? "case kept" : "not committed") << result.submission.id;
            if (result.ok)
                m_sync.kick();
            return;
        }
        m_resident = resident;
        onCommitted(result);
        if (result.ok && generation == m_generation) {
            CommittedCase committed{result.submission.id,         result.submission.caseNumber,
                                    result.submission.serviceId,  result.submission.language,
                                    result.submission.submittedAt, form,
                                    resident,                     attachmentNames};
            emit caseCommitted(committed);
        }
    });
    return true;
}

void SubmissionController::onCommitted(const Commit &commit)
{
    if (!commit.ok) {
        m_resident = IdCardData();
        commitFailed(commit.failedStep, commit.error, commit.cause);
        return;
    }
    setStoreAlert(QString(), QString());

    // Durable from here on: the resident may be told.
    m_caseId = commit.submission.id;
    m_caseNumber = commit.submission.caseNumber;
    m_serviceId = commit.submission.serviceId;
    m_language = commit.submission.language;
    m_submittedAt = commit.submission.submittedAt;
    m_attachmentCount = commit.attachmentCount;
    m_syncState = QStringLiteral("pending");
    m_state = State::Saved;
    m_receiptState = ReceiptState::None;
    qCInfo(lcSubmission) << "case committed" << m_caseId << m_caseNumber << "with" << m_attachmentCount
                         << "attachments";
    emit changed();
    emit finished(true);

    // The receipt prints now, from what is durable: it never waits for the platform (a resident who ends
    // the session at once still gets it). It says whether the platform has the case yet.
    printReceipt();
    m_sync.kick();
}

bool SubmissionController::rate(const RatingRecord &rating)
{
    if (m_caseId.isEmpty())
        return false;
    const QString caseId = m_caseId;
    struct Outcome
    {
        bool ok = false;
        QString error;
        QString cause;
    };
    m_store.post(
        this,
        [caseId, rating](CaseStore &store) {
            Outcome outcome;
            outcome.ok = store.addRating(caseId, rating, &outcome.error);
            if (!outcome.ok)
                outcome.cause = store.lastFailureCause();
            return outcome;
        },
        [this, caseId](const Outcome &outcome) {
            if (!outcome.ok) {
                qCWarning(lcSubmission) << "rating not saved for case" << caseId << ":" << outcome.error;
                setStoreAlert(outcome.cause, outcome.error);
            } else {
                setStoreAlert(QString(), QString());
                m_sync.kick();
            }
            emit ratingFinished(outcome.ok);
        });
    return true;
}

// Nothing was committed: the resident stays on the review screen with what they entered (finished(false)),
// the log says which step failed and sqlite's reason (paths and steps only), and staff get the alert.
void SubmissionController::commitFailed(const QString &what, const QString &error, const QString &cause)
{
    m_state = State::Failed;
    m_errorText = error;
    qCWarning(lcSubmission).noquote() << what + QLatin1Char(':') << error;
    setStoreAlert(cause, error);
    emit changed();
    emit finished(false);
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
    if (caseId != m_caseId || kind != QLatin1String("case"))
        return;
    m_syncState = QStringLiteral("synced");
    emit changed();
}

void SubmissionController::onItemRejected(const QString &kind, const QString &caseId)
{
    if (caseId != m_caseId || kind != QLatin1String("case"))
        return;
    m_syncState = QStringLiteral("rejected");
    emit changed();
}

CaseReceiptContent SubmissionController::receiptContent(const CaseSubmission &stored, bool synced) const
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
    content.synced = synced;
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
    CaseReceiptContent content = receiptContent(stored, m_syncState == QLatin1String("synced"));
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

void SubmissionController::reprint(const QString &caseId)
{
    struct Found
    {
        std::optional<CaseSubmission> stored;
        bool synced = false;
    };
    m_store.post(
        this,
        [caseId](CaseStore &store) {
            Found found;
            found.stored = store.findCase(caseId);
            found.synced = found.stored && store.caseSyncState(caseId) == SyncState::Synced;
            if (found.stored)
                store.audit(QStringLiteral("receipt_reprinted"), caseId);
            return found;
        },
        [this, caseId](const Found &found) {
            if (!found.stored) {
                qCWarning(lcSubmission) << "receipt not reprinted for case" << caseId << ": not in the store";
                emit reprintFinished(caseId, false, QStringLiteral("no case %1 in the store").arg(caseId));
                return;
            }
            printReprint(caseId, *found.stored, found.synced);
        });
}

void SubmissionController::printReprint(const QString &caseId, const CaseSubmission &stored, bool synced)
{
    const auto fail = [&](const QString &why) {
        qCWarning(lcSubmission) << "receipt not reprinted for case" << caseId << ":" << why;
        emit reprintFinished(caseId, false, why);
    };
    if (!m_printer.isReady())
        return fail(QStringLiteral("the printer is not ready: %1").arg(m_printer.reason()));
    QString encodeError;
    const QByteArray bytes =
        CaseReceipt::build(receiptContent(stored, synced), m_printer.charactersPerLine(), &encodeError);
    if (bytes.isEmpty())
        return fail(QStringLiteral("the receipt could not be laid out: %1").arg(encodeError));
    const QString jobId = QStringLiteral("reprint-%1-%2").arg(caseId).arg(++m_reprintCount);
    m_reprintJobs.insert(jobId, caseId);
    qCInfo(lcSubmission) << "reprinting the receipt of case" << caseId;
    m_printer.print(jobId, ReceiptJobQueue::withReprintHeader(bytes));
}

void SubmissionController::clear()
{
    if (!m_caseId.isEmpty() && m_receiptState == ReceiptState::Printing) {
        // The resident has gone: a receipt that has not gone to the paper yet must not come out later.
        if (m_printer.cancel(m_caseId))
            qCInfo(lcSubmission) << "receipt of case" << m_caseId << "cancelled at session end";
    }
    ++m_generation; // a commit still running is no longer this session's
    m_state = State::Idle;
    m_syncState.clear();
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
