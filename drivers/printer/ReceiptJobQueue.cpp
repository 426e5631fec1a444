#include "ReceiptJobQueue.h"

#include "EscPosEncoder.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcReceiptJobs, "onestop.printer.jobs")

ReceiptJobQueue::ReceiptJobQueue(ReceiptPrinter *transport, QObject *parent)
    : ReceiptPrinter(transport->name(), transport->paperWidthMm(), parent), m_transport(transport)
{
    connect(transport, &ReceiptPrinter::jobCompleted, this, &ReceiptJobQueue::onTransportCompleted);
    connect(transport, &ReceiptPrinter::jobFailureClassified, this, &ReceiptJobQueue::onTransportClassified);
    connect(transport, &ReceiptPrinter::jobFailed, this, &ReceiptJobQueue::onTransportFailed);
    connect(transport, &Device::stateChanged, this, &ReceiptJobQueue::onTransportStateChanged);
    connect(transport, &Device::errorOccurred, this, &Device::errorOccurred);
    m_waitTimer.setInterval(1000);
    connect(&m_waitTimer, &QTimer::timeout, this, &ReceiptJobQueue::onWaitCheck);
    mirrorState();
}

ReceiptJobQueue::~ReceiptJobQueue()
{
    if (m_transport)
        m_transport->disconnect(this);
}

bool ReceiptJobQueue::isSimulated() const
{
    return m_transport && m_transport->isSimulated();
}

ReceiptPrinter::PaperState ReceiptJobQueue::paper() const
{
    return m_transport ? m_transport->paper() : PaperState::Ok;
}

// Thread: GUI.
void ReceiptJobQueue::start()
{
    m_stopped = false;
    if (m_transport)
        m_transport->start();
    mirrorState();
    pump();
}

// Thread: GUI.
void ReceiptJobQueue::stop()
{
    m_stopped = true;
    m_waitTimer.stop();
    const QList<Job> jobs = m_jobs;
    m_jobs.clear();
    for (const Job &job : jobs)
        failJob(job.id, QStringLiteral("stopped"), JobFailure::NotPrinted, true);
    if (!jobs.isEmpty())
        emit waitingChanged();
    if (m_transport)
        m_transport->stop(); // what it fails now is no longer ours: m_jobs is empty
    mirrorState();
}

void ReceiptJobQueue::setMaxWaitMs(int ms)
{
    m_maxWaitMs = qMax(0, ms);
    m_waitTimer.setInterval(qBound(20, m_maxWaitMs / 4, 1000)); // how late a timed-out job may fail
}

int ReceiptJobQueue::waitingJobs() const
{
    int n = 0;
    for (const Job &job : m_jobs)
        n += job.waiting ? 1 : 0;
    return n;
}

// Thread: GUI.
void ReceiptJobQueue::print(const QString &jobId, const QByteArray &escpos)
{
    if (m_stopped || !m_transport)
        return failJob(jobId, m_transport ? QStringLiteral("stopped") : QStringLiteral("no printer"),
                       JobFailure::NotPrinted, true);
    if (escpos.isEmpty())
        return failJob(jobId, QStringLiteral("empty job"), JobFailure::Refused, true);
    Job job;
    job.id = jobId;
    job.bytes = escpos;
    m_jobs.append(job);
    qCInfo(lcReceiptJobs).noquote() << name() << ": job" << jobId << "queued";
    pump();
}

// Thread: GUI.
bool ReceiptJobQueue::cancel(const QString &jobId)
{
    for (int i = 0; i < m_jobs.size(); ++i) {
        Job &job = m_jobs[i];
        if (job.id != jobId || job.cancelled)
            continue;
        job.cancelled = true;
        if (job.sent) { // the head, in the transport's hands
            const bool taken = m_transport && m_transport->cancel(jobId);
            qCInfo(lcReceiptJobs).noquote()
                << name() << ": job" << jobId
                << (taken ? "cancelled" : "already on the wire: it finishes, never again");
            return taken; // its jobFailed("cancelled") or jobCompleted finishes it
        }
        const Job dropped = m_jobs.takeAt(i);
        qCInfo(lcReceiptJobs).noquote() << name() << ": job" << jobId << "cancelled"
                                        << (dropped.waiting ? "while waiting: " + dropped.reason : QString());
        if (dropped.waiting)
            emit waitingChanged();
        if (waitingJobs() == 0)
            m_waitTimer.stop();
        failJob(jobId, QStringLiteral("cancelled"), JobFailure::NotPrinted, true);
        QMetaObject::invokeMethod(this, &ReceiptJobQueue::pump, Qt::QueuedConnection);
        return true;
    }
    return false;
}

QByteArray ReceiptJobQueue::withReprintHeader(const QByteArray &escpos)
{
    EscPosBuilder b;
    b.initialize()
        .chineseMode(true)
        .align(EscPosAlign::Centre)
        .bold(true)
        .line(QStringLiteral("*** 重打 / REPRINT ***"))
        .bold(false)
        .align(EscPosAlign::Left)
        .raw(escpos);
    return b.bytes();
}

void ReceiptJobQueue::pump()
{
    if (m_stopped || !m_transport || m_jobs.isEmpty())
        return;
    Job &head = m_jobs.first();
    if (head.sent)
        return;
    const bool transportReady = m_transport->status() == Status::Ready;
    if (head.waiting && !transportReady)
        return;
    if (!head.waiting && !head.resent && m_transport->status() == Status::Unavailable &&
        m_transport->isPaperWidthSupported()) {
        // Not sent yet and the printer already says it cannot print: hold it without using the re-send.
        head.waiting = true;
        head.reason = m_transport->reason();
        head.waitingSince.start();
        m_waitTimer.start();
        qCInfo(lcReceiptJobs).noquote() << name() << ": job" << head.id << "waiting:" << head.reason;
        emit waitingChanged();
        emit jobWaiting(head.id, head.reason);
        return;
    }
    QByteArray bytes = head.bytes;
    const bool wasWaiting = head.waiting;
    head.waiting = false;
    head.sent = true;
    if (wasWaiting && head.attempted) {
        head.resent = true;
        if (head.mayHavePrinted)
            bytes = withReprintHeader(head.bytes);
        qCInfo(lcReceiptJobs).noquote()
            << name() << ": job" << head.id
            << (head.mayHavePrinted ? "reprinted with a REPRINT line" : "sent again");
        emit jobResent(head.id, head.mayHavePrinted);
    }
    head.attempted = true;
    if (wasWaiting)
        emit waitingChanged();
    if (waitingJobs() == 0)
        m_waitTimer.stop();
    m_classifiedJob.clear();
    m_transport->print(head.id, bytes);
}

void ReceiptJobQueue::onTransportClassified(const QString &jobId, ReceiptPrinter::JobFailure failure)
{
    m_classifiedJob = jobId;
    m_classified = failure;
}

void ReceiptJobQueue::onTransportCompleted(const QString &jobId)
{
    if (m_jobs.isEmpty() || !m_jobs.first().sent || m_jobs.first().id != jobId)
        return; // not ours (sent before stop(), or by someone else)
    finishHead(true, QString());
}

void ReceiptJobQueue::onTransportFailed(const QString &jobId, const QString &reason)
{
    if (m_jobs.isEmpty() || !m_jobs.first().sent || m_jobs.first().id != jobId)
        return;
    // A transport that does not classify its failures: assume the worst (bytes may be on paper).
    const JobFailure failure = m_classifiedJob == jobId ? m_classified : JobFailure::MayHavePrinted;
    m_classifiedJob.clear();
    Job &head = m_jobs.first();
    head.sent = false;
    if (head.cancelled) // the session that wanted it is over: never again
        return finishHead(
            false, reason == QLatin1String("cancelled") ? reason : QStringLiteral("cancelled: ") + reason);
    if (failure == JobFailure::Refused || head.resent)
        return finishHead(false, reason);
    head.waiting = true;
    head.mayHavePrinted = head.mayHavePrinted || failure == JobFailure::MayHavePrinted;
    head.reason = reason;
    head.waitingSince.start();
    m_waitTimer.start();
    qCInfo(lcReceiptJobs).noquote() << name() << ": job" << jobId << "kept for the printer:" << reason
                                    << (head.mayHavePrinted ? "(may have printed)" : "(not printed)");
    emit waitingChanged();
    emit jobWaiting(jobId, reason);
    // The printer may already be Ready again (it reports the failure and its new state together).
    QMetaObject::invokeMethod(this, &ReceiptJobQueue::pump, Qt::QueuedConnection);
}

void ReceiptJobQueue::onTransportStateChanged()
{
    mirrorState();
    pump();
}

void ReceiptJobQueue::onWaitCheck()
{
    if (m_jobs.isEmpty() || !m_jobs.first().waiting) {
        if (waitingJobs() == 0)
            m_waitTimer.stop();
        return;
    }
    const Job &head = m_jobs.first();
    if (head.waitingSince.elapsed() < m_maxWaitMs)
        return;
    finishHead(
        false,
        QStringLiteral("the printer was not ready within %1 s: %2").arg(m_maxWaitMs / 1000).arg(head.reason));
}

void ReceiptJobQueue::finishHead(bool completed, const QString &reason)
{
    const Job job = m_jobs.takeFirst();
    if (job.waiting)
        emit waitingChanged();
    if (waitingJobs() == 0)
        m_waitTimer.stop();
    if (completed) {
        qCInfo(lcReceiptJobs).noquote() << name() << ": job" << job.id << "printed";
        emit jobCompleted(job.id);
    } else {
        qCInfo(lcReceiptJobs).noquote() << name() << ": job" << job.id << "failed:" << reason;
        failJob(job.id, reason, job.mayHavePrinted ? JobFailure::MayHavePrinted : JobFailure::NotPrinted);
    }
    pump();
}

void ReceiptJobQueue::mirrorState()
{
    if (!m_transport)
        return setState(Status::Unavailable, QStringLiteral("no printer"));
    const PaperState paperNow = m_transport->paper();
    const bool paperChanged = paperNow != m_lastPaper;
    m_lastPaper = paperNow;
    const Status before = status();
    const QString reasonBefore = reason();
    setState(m_transport->status(), m_transport->reason());
    if (paperChanged && status() == before && reason() == reasonBefore)
        emit stateChanged();
}
