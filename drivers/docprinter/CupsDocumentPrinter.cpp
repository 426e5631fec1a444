#include "CupsDocumentPrinter.h"

#include "DocPrinterLogging.h"

CupsDocumentPrinter::CupsDocumentPrinter(const QString &name, const CupsPrinterSettings &settings,
                                         QObject *parent)
    : DocumentPrinter(name, parent), m_settings(settings), m_cancel(std::make_shared<std::atomic_bool>(false))
{
    m_thread.setObjectName(QStringLiteral("cups-") + settings.queue);
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    m_pollTimer.setSingleShot(false);
    connect(&m_pollTimer, &QTimer::timeout, this, &CupsDocumentPrinter::refresh);
    m_recoveryTimer.setSingleShot(true);
    connect(&m_recoveryTimer, &QTimer::timeout, this, &CupsDocumentPrinter::refresh);
    setState(Status::Unavailable, QStringLiteral("not started"));
}

CupsDocumentPrinter::~CupsDocumentPrinter()
{
    m_cancel->store(true);
    for (const auto &flag : std::as_const(m_jobCancels))
        flag->store(true);
    m_thread.quit();
    m_thread.wait(); // each step gives up within a second of the cancel
}

// Thread: GUI.
void CupsDocumentPrinter::start()
{
    if (m_running)
        return;
    if (m_settings.queue.isEmpty()) {
        setState(Status::Unavailable, QStringLiteral("no CUPS queue configured"));
        return;
    }
    m_running = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_haveQueueState = false;
    if (m_settings.statePollMs > 0)
        m_pollTimer.start(m_settings.statePollMs);
    refresh();
    updateDeviceState();
}

// Thread: GUI.
void CupsDocumentPrinter::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_pollTimer.stop();
    m_recoveryTimer.stop();
    m_cancel->store(true); // jobs in hand end as Canceled; their results still arrive
    for (const auto &flag : std::as_const(m_jobCancels))
        flag->store(true);
    updateDeviceState();
}

// Thread: GUI.
void CupsDocumentPrinter::refresh()
{
    if (!m_running)
        return;
    if (m_checkPending) {
        m_recheck = true; // the answer on its way may predate what the caller knows
        return;
    }
    m_checkPending = true;
    const CupsClient client(m_settings, m_cancel);
    QMetaObject::invokeMethod(
        m_worker,
        [this, client]() {
            // Thread: worker.
            const CupsQueueState state = client.queueState();
            QMetaObject::invokeMethod(
                this, [this, state]() { queueStateArrived(state); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

// Thread: GUI.
void CupsDocumentPrinter::print(const QString &requestId, const QString &jobName, const QByteArray &pdf)
{
    ++m_jobsInHand;
    updateDeviceState();
    if (!m_running) {
        DocumentJobResult result;
        result.requestId = requestId;
        result.reason = reason();
        QMetaObject::invokeMethod(
            this, [this, result]() { jobArrived(result); }, Qt::QueuedConnection);
        return;
    }
    qCInfo(lcDocPrinter).noquote() << name() << ": job" << requestId << "queued," << pdf.size() << "bytes";
    auto flag = std::make_shared<std::atomic_bool>(false);
    m_jobCancels.insert(requestId, flag);
    const CupsClient client(m_settings, flag);
    QMetaObject::invokeMethod(
        m_worker,
        [this, client, requestId, jobName, pdf]() {
            // Thread: worker.
            const DocumentJobResult result = client.print(requestId, jobName, pdf);
            QMetaObject::invokeMethod(
                this, [this, result]() { jobArrived(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

// Thread: GUI.
void CupsDocumentPrinter::cancel(const QString &requestId)
{
    const auto flag = m_jobCancels.value(requestId);
    if (!flag)
        return;
    qCInfo(lcDocPrinter).noquote() << name() << ": job" << requestId << "canceled by the kiosk";
    flag->store(true); // the worker gives up within a second; a created job is canceled at the server
}

// Thread: GUI.
void CupsDocumentPrinter::queueStateArrived(const CupsQueueState &state)
{
    m_checkPending = false;
    if (!m_running)
        return;
    if (m_recheck) {
        m_recheck = false;
        refresh();
    }
    const bool wasReady = m_haveQueueState && m_queueState.ready;
    if (!state.ready && (wasReady || !m_haveQueueState || state.reason != m_queueState.reason))
        reportError(QStringLiteral("check queue"), state.reason);
    m_queueState = state;
    m_haveQueueState = true;
    if (!state.reachable && m_settings.recoveryPollMs > 0)
        m_recoveryTimer.start(m_settings.recoveryPollMs);
    if (state.reachable)
        cancelOrphans();
    updateDeviceState();
}

// Thread: GUI. Cancels, on the worker, the jobs a lost server took with it.
void CupsDocumentPrinter::cancelOrphans()
{
    if (m_orphanJobs.isEmpty() || m_cancelingOrphans)
        return;
    m_cancelingOrphans = true;
    const QList<int> jobs = m_orphanJobs.values();
    // Not the shared cancel flag: stop() must not keep these jobs from being canceled.
    const CupsClient client(m_settings, std::make_shared<std::atomic_bool>(false));
    QMetaObject::invokeMethod(
        m_worker,
        [this, client, jobs]() {
            // Thread: worker.
            QList<int> done;
            QStringList errors;
            for (const int job : jobs) {
                QString error;
                if (client.cancelJob(job, &error))
                    done.append(job);
                else
                    errors.append(error);
            }
            QMetaObject::invokeMethod(
                this,
                [this, done, errors]() {
                    m_cancelingOrphans = false;
                    for (const int job : done) {
                        m_orphanJobs.remove(job);
                        qCInfo(lcDocPrinter).noquote()
                            << name() << ": job" << job << "left by a lost print server is canceled";
                    }
                    for (const QString &error : errors)
                        reportError(QStringLiteral("cancel orphaned job"), error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

// Thread: GUI.
void CupsDocumentPrinter::jobArrived(const DocumentJobResult &result)
{
    --m_jobsInHand;
    m_jobCancels.remove(result.requestId);
    if (!result.ok())
        reportError(QStringLiteral("print document"), result.reason);
    if (result.orphaned && result.jobId > 0)
        m_orphanJobs.insert(result.jobId);
    // A job that could not be submitted says something about the queue: look again.
    if (result.state == DocumentJobResult::State::Failed)
        refresh();
    updateDeviceState();
    emit jobFinished(result);
}

void CupsDocumentPrinter::updateDeviceState()
{
    if (!m_running)
        return setState(Status::Unavailable, QStringLiteral("stopped"));
    if (!m_haveQueueState)
        return setState(Status::Busy, QStringLiteral("checking queue '%1'").arg(m_settings.queue));
    if (!m_queueState.ready)
        return setState(Status::Unavailable, m_queueState.reason);
    if (m_jobsInHand > 0)
        return setState(Status::Busy, QStringLiteral("printing"));
    setState(Status::Ready, m_queueState.reason);
}
