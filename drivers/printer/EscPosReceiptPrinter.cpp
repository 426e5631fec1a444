#include "EscPosReceiptPrinter.h"

#include "PrinterLink.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEscPosPrinter, "onestop.printer")

EscPosReceiptPrinter::EscPosReceiptPrinter(const QString &name, int paperWidthMm, PrinterLink *link,
                                           QObject *parent)
    : ReceiptPrinter(name, paperWidthMm, parent), m_link(link)
{
    m_link->setParent(this);
    m_stepTimer.setSingleShot(true);
    m_reopenTimer.setSingleShot(true);
    m_pollTimer.setSingleShot(true);
    connect(&m_stepTimer, &QTimer::timeout, this, &EscPosReceiptPrinter::onStepTimeout);
    connect(&m_reopenTimer, &QTimer::timeout, this, &EscPosReceiptPrinter::openNow);
    connect(&m_pollTimer, &QTimer::timeout, this, &EscPosReceiptPrinter::onPollTimeout);
    connect(m_link, &PrinterLink::opened, this, &EscPosReceiptPrinter::onOpened);
    connect(m_link, &PrinterLink::received, this, &EscPosReceiptPrinter::onReceived);
    connect(m_link, &PrinterLink::jobBytesTaken, this, &EscPosReceiptPrinter::onJobBytesTaken);
    connect(m_link, &PrinterLink::failed, this, &EscPosReceiptPrinter::onLinkFailed);
    connect(m_link, &PrinterLink::deviceArrived, this, &EscPosReceiptPrinter::onDeviceArrived);
    updateDeviceState();
}

EscPosReceiptPrinter::~EscPosReceiptPrinter()
{
    // The link is destroyed after this body; nothing it emits while closing may reach this object.
    m_link->disconnect(this);
    m_link->close();
}

// Thread: GUI.
void EscPosReceiptPrinter::start()
{
    if (!isPaperWidthSupported() || m_running)
        return;
    m_running = true;
    m_stopped = false;
    m_haveStatus = false;
    m_problem.clear();
    m_problemReported = false;
    m_backoffMs = m_timings.reopenFirstMs;
    openNow();
    updateDeviceState();
}

// Thread: GUI.
void EscPosReceiptPrinter::stop()
{
    const JobFailure active = activeJobFailure(); // before the phase changes
    m_running = false;
    m_stopped = true;
    m_stepTimer.stop();
    m_reopenTimer.stop();
    m_pollTimer.stop();
    setPhase(Phase::Closed); // before close(): the slots ignore what it may emit
    m_link->close();
    m_problem.clear();
    failAllJobs(QStringLiteral("stopped"), active, true);
    updateDeviceState();
}

// Thread: GUI.
void EscPosReceiptPrinter::print(const QString &jobId, const QByteArray &escpos)
{
    if (!isPaperWidthSupported())
        return failJob(jobId, unavailableReason(), JobFailure::Refused, true);
    if (!m_running)
        return failJob(jobId, unavailableReason(), JobFailure::NotPrinted, true);
    if (escpos.isEmpty())
        return failJob(jobId, QStringLiteral("empty job"), JobFailure::Refused, true);
    if (m_phase == Phase::Closed)
        return failJob(jobId, unavailableReason(), JobFailure::NotPrinted, true);
    m_queue.append(Job{jobId, escpos});
    qCInfo(lcEscPosPrinter).noquote() << name() << ": job" << jobId << "queued," << escpos.size() << "bytes";
    if (m_phase == Phase::Idle) {
        m_pollTimer.stop();
        startNextJobOrIdle();
    }
    updateDeviceState();
}

// Thread: GUI.
bool EscPosReceiptPrinter::cancel(const QString &jobId)
{
    for (int i = 0; i < m_queue.size(); ++i) {
        if (m_queue.at(i).id != jobId)
            continue;
        const bool inHand = i == 0 && m_jobActive;
        // In hand: only while its status round before it runs (no byte has gone out).
        if (inHand && !(m_phase == Phase::QueryingStatus && m_purpose == StatusPurpose::BeforeJob))
            return false;
        m_queue.removeAt(i);
        if (inHand) {
            // The round goes on as a plain check; its answer then starts the next job or idles.
            m_jobActive = false;
            m_purpose = StatusPurpose::Check;
        }
        qCInfo(lcEscPosPrinter).noquote() << name() << ": job" << jobId << "cancelled";
        updateDeviceState();
        failJob(jobId, QStringLiteral("cancelled"), JobFailure::NotPrinted, true);
        return true;
    }
    return false;
}

void EscPosReceiptPrinter::openNow()
{
    if (!m_running || m_phase != Phase::Closed)
        return;
    setPhase(Phase::Opening);
    qCDebug(lcEscPosPrinter).noquote() << name() << ": opening" << m_link->describe();
    m_link->open(); // opened() or failed() may come from inside
}

void EscPosReceiptPrinter::onOpened()
{
    if (m_phase != Phase::Opening)
        return;
    qCInfo(lcEscPosPrinter).noquote() << name() << ": opened" << m_link->describe();
    queryStatus(StatusPurpose::Check);
}

void EscPosReceiptPrinter::onLinkFailed(const QString &operation, const QString &reason, bool gone)
{
    if (m_phase == Phase::Closed)
        return;
    QString op = operation;
    if (op.isEmpty())
        op = m_phase == Phase::Printing ? QStringLiteral("print receipt") : QStringLiteral("read status");
    failed(op, reason, gone);
}

void EscPosReceiptPrinter::onDeviceArrived()
{
    if (m_running && m_phase == Phase::Closed) {
        m_reopenTimer.stop();
        m_backoffMs = m_timings.reopenFirstMs;
        openNow();
    }
}

void EscPosReceiptPrinter::onReceived(const QByteArray &data)
{
    if (m_phase != Phase::QueryingStatus) {
        qCDebug(lcEscPosPrinter).noquote()
            << name() << ":" << data.size() << "unexpected byte(s) from the printer ignored";
        return;
    }
    for (int i = 0; i < data.size(); ++i) {
        const EscPosStatusAnswer answer =
            EscPosStatus::parse(m_statusRequest, static_cast<unsigned char>(data.at(i)));
        if (!answer.ok())
            return failed(QStringLiteral("read status"), QStringLiteral("status: ") + answer.error);
        m_answers.append(data.at(i));
        if (m_statusRequest == EscPosStatus::lastRequest) {
            m_stepTimer.stop();
            if (i + 1 < data.size())
                qCDebug(lcEscPosPrinter).noquote()
                    << name() << ":" << data.size() - i - 1 << "byte(s) after the status ignored";
            return finishStatusRound(EscPosStatus::combine(m_answers));
        }
        ++m_statusRequest;
        sendStatusRequest();
    }
}

void EscPosReceiptPrinter::onJobBytesTaken(qint64 total)
{
    if (m_phase != Phase::Printing || m_queue.isEmpty())
        return;
    m_jobBytesTaken = total;
    if (total < m_queue.first().bytes.size()) {
        m_stepTimer.start(m_timings.writeStallMs); // progress: the stall timeout starts again
        return;
    }
    m_stepTimer.stop();
    qCDebug(lcEscPosPrinter).noquote() << name() << ": job" << m_queue.first().id << "sent";
    queryStatus(StatusPurpose::AfterJob);
}

void EscPosReceiptPrinter::onStepTimeout()
{
    switch (m_phase) {
    case Phase::QueryingStatus:
        return failed(QStringLiteral("read status"), QStringLiteral("status: no answer to %1 within %2 ms")
                                                         .arg(EscPosStatus::requestName(m_statusRequest))
                                                         .arg(m_timings.statusAnswerMs));
    case Phase::Printing: {
        const qint64 total = m_queue.isEmpty() ? 0 : m_queue.first().bytes.size();
        return failed(QStringLiteral("print receipt"),
                      QStringLiteral("write: %1 of %2 bytes not taken within %3 ms")
                          .arg(total - m_jobBytesTaken)
                          .arg(total)
                          .arg(m_timings.writeStallMs));
    }
    case Phase::Closed:
    case Phase::Opening:
    case Phase::Idle:
        return;
    }
}

void EscPosReceiptPrinter::onPollTimeout()
{
    if (m_phase == Phase::Idle)
        queryStatus(StatusPurpose::Check);
}

void EscPosReceiptPrinter::queryStatus(StatusPurpose purpose)
{
    m_purpose = purpose;
    m_answers.clear();
    m_statusRequest = EscPosStatus::firstRequest;
    setPhase(Phase::QueryingStatus);
    sendStatusRequest();
}

void EscPosReceiptPrinter::sendStatusRequest()
{
    m_stepTimer.start(m_timings.statusAnswerMs);
    m_link->sendStatusRequest(m_statusRequest);
}

void EscPosReceiptPrinter::finishStatusRound(const PrinterStatus &status)
{
    if (!status.ok()) // combine() checks what parse() already did; kept for a future answer shape
        return failed(QStringLiteral("read status"), QStringLiteral("status: ") + status.error);
    if (status != m_status || !m_haveStatus)
        qCInfo(lcEscPosPrinter).noquote()
            << name() << ": status"
            << (status.reason().isEmpty() ? QStringLiteral("ready") : status.reason());
    m_status = status;
    m_haveStatus = true;
    m_problem.clear();
    m_problemReported = false;
    m_backoffMs = m_timings.reopenFirstMs;

    if (m_purpose == StatusPurpose::BeforeJob && status.canPrint())
        return writeJob();

    QString failedJob, completedJob, failure;
    // Before the job nothing was sent: it did not print. After it, the bytes are in the printer.
    const JobFailure failureKind =
        m_purpose == StatusPurpose::BeforeJob ? JobFailure::NotPrinted : JobFailure::MayHavePrinted;
    if (m_purpose != StatusPurpose::Check) {
        const Job job = m_queue.takeFirst();
        m_jobActive = false;
        if (status.canPrint()) {
            completedJob = job.id;
        } else {
            failedJob = job.id;
            failure = status.unavailableReason();
        }
    }
    startNextJobOrIdle();
    if (!completedJob.isEmpty()) {
        qCInfo(lcEscPosPrinter).noquote() << name() << ": job" << completedJob << "printed";
        emit jobCompleted(completedJob);
    } else if (!failedJob.isEmpty()) {
        qCInfo(lcEscPosPrinter).noquote() << name() << ": job" << failedJob << "failed:" << failure;
        failJob(failedJob, failure, failureKind);
    }
}

void EscPosReceiptPrinter::startNextJobOrIdle()
{
    if (!m_queue.isEmpty()) {
        m_jobActive = true;
        queryStatus(StatusPurpose::BeforeJob);
    } else {
        setPhase(Phase::Idle);
        if (m_timings.statusPollMs > 0)
            m_pollTimer.start(m_timings.statusPollMs);
    }
    updateDeviceState();
}

void EscPosReceiptPrinter::writeJob()
{
    setPhase(Phase::Printing);
    updateDeviceState();
    const Job &job = m_queue.first();
    qCDebug(lcEscPosPrinter).noquote() << name() << ": sending job" << job.id;
    m_jobBytesTaken = 0;
    m_stepTimer.start(m_timings.writeStallMs);
    m_link->sendJob(job.bytes);
}

void EscPosReceiptPrinter::failed(const QString &operation, const QString &reason, bool gone)
{
    m_stepTimer.stop();
    m_pollTimer.stop();
    const JobFailure active = activeJobFailure(); // before the phase changes
    setPhase(Phase::Closed);                      // before close(): the slots ignore what it may emit
    m_link->close();
    m_problem = reason;
    m_haveStatus = false;
    if (m_running) {
        m_reopenTimer.start(m_backoffMs);
        qCInfo(lcEscPosPrinter).noquote() << name() << ":" << reason << "- retrying in" << m_backoffMs << "ms"
                                          << (gone ? "(or when it is plugged in)" : "");
        m_backoffMs = qMin(m_backoffMs * 2, m_timings.reopenMaxMs);
    }
    updateDeviceState();
    if (!m_problemReported) { // once until the printer answers again, not at every retry
        m_problemReported = true;
        reportError(operation, reason);
    }
    failAllJobs(reason, active, false);
}

ReceiptPrinter::JobFailure EscPosReceiptPrinter::activeJobFailure() const
{
    if (!m_jobActive)
        return JobFailure::NotPrinted;
    // Printing with no byte taken yet, or still asking the status before the job: nothing reached the
    // printer. Anything later may have printed.
    if (m_phase == Phase::Printing)
        return m_jobBytesTaken > 0 ? JobFailure::MayHavePrinted : JobFailure::NotPrinted;
    if (m_phase == Phase::QueryingStatus && m_purpose == StatusPurpose::AfterJob)
        return JobFailure::MayHavePrinted;
    return JobFailure::NotPrinted;
}

void EscPosReceiptPrinter::failAllJobs(const QString &reason, JobFailure activeFailure, bool later)
{
    const QList<Job> jobs = m_queue;
    const bool firstActive = m_jobActive;
    m_queue.clear();
    m_jobActive = false;
    updateDeviceState();
    for (int i = 0; i < jobs.size(); ++i) {
        qCInfo(lcEscPosPrinter).noquote() << name() << ": job" << jobs.at(i).id << "failed:" << reason;
        failJob(jobs.at(i).id, reason, i == 0 && firstActive ? activeFailure : JobFailure::NotPrinted, later);
    }
}

void EscPosReceiptPrinter::setPhase(Phase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    emit machinePhaseChanged(phase);
}

QString EscPosReceiptPrinter::unavailableReason() const
{
    if (!isPaperWidthSupported())
        return unsupportedWidthReason();
    if (!m_running)
        return m_stopped ? QStringLiteral("stopped") : QStringLiteral("not started");
    if (!m_problem.isEmpty())
        return m_problem;
    if (m_haveStatus)
        return m_status.unavailableReason();
    return QString();
}

void EscPosReceiptPrinter::updateDeviceState()
{
    const PaperState paperBefore = m_paper;
    if (m_haveStatus)
        m_paper = m_status.paperOut || m_status.stoppedByPaperEnd ? PaperState::Out
                  : m_status.paperNearEnd                         ? PaperState::NearEnd
                                                                  : PaperState::Ok;
    const Status statusBefore = status();
    const QString reasonBefore = reason();
    const QString unavailable = unavailableReason();
    if (!unavailable.isEmpty())
        setState(Status::Unavailable, unavailable);
    else if (!m_haveStatus)
        setState(Status::Busy, QStringLiteral("connecting"));
    else if (m_jobActive || !m_queue.isEmpty())
        setState(Status::Busy, QStringLiteral("printing"));
    else
        setState(Status::Ready, m_status.reason());
    if (m_paper != paperBefore && status() == statusBefore && reason() == reasonBefore)
        emit stateChanged(); // the paper property changed even though status and reason did not
}
