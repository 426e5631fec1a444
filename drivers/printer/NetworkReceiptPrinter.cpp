#include "NetworkReceiptPrinter.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNetworkPrinter, "onestop.printer")

namespace {

// What went wrong with the socket, in the words of the reasons ("connection refused").
QString describe(QAbstractSocket::SocketError error, const QString &fallback)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return QStringLiteral("connection refused");
    case QAbstractSocket::RemoteHostClosedError:
        return QStringLiteral("closed by the printer");
    case QAbstractSocket::HostNotFoundError:
        return QStringLiteral("host not found");
    case QAbstractSocket::NetworkError:
        return QStringLiteral("network error");
    default:
        return fallback.toLower();
    }
}

} // namespace

NetworkReceiptPrinter::NetworkReceiptPrinter(const QString &name, const QString &host, quint16 port,
                                             int paperWidthMm, QObject *parent)
    : ReceiptPrinter(name, paperWidthMm, parent), m_host(host), m_port(port)
{
    m_stepTimer.setSingleShot(true);
    m_reconnectTimer.setSingleShot(true);
    m_pollTimer.setSingleShot(true);
    connect(&m_stepTimer, &QTimer::timeout, this, &NetworkReceiptPrinter::onStepTimeout);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &NetworkReceiptPrinter::connectNow);
    connect(&m_pollTimer, &QTimer::timeout, this, &NetworkReceiptPrinter::onPollTimeout);
    connect(&m_socket, &QTcpSocket::connected, this, &NetworkReceiptPrinter::onConnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &NetworkReceiptPrinter::onSocketError);
    connect(&m_socket, &QTcpSocket::disconnected, this, &NetworkReceiptPrinter::onDisconnected);
    connect(&m_socket, &QTcpSocket::readyRead, this, &NetworkReceiptPrinter::onReadyRead);
    connect(&m_socket, &QTcpSocket::bytesWritten, this, [this](qint64 written) {
        if (m_phase == Phase::Printing)
            m_jobBytesWritten += written;
    });
    connect(&m_socket, &QTcpSocket::bytesWritten, this, &NetworkReceiptPrinter::onBytesWritten);
    updateDeviceState();
}

NetworkReceiptPrinter::~NetworkReceiptPrinter()
{
    // The socket is destroyed after this body; nothing it emits while closing may reach this object.
    m_socket.disconnect(this);
    m_socket.abort();
}

QString NetworkReceiptPrinter::address() const
{
    return QStringLiteral("%1:%2").arg(m_host).arg(m_port);
}

// Thread: GUI.
void NetworkReceiptPrinter::start()
{
    if (!isPaperWidthSupported() || m_running)
        return;
    m_running = true;
    m_stopped = false;
    m_haveStatus = false;
    m_connectionProblem.clear();
    m_problemReported = false;
    m_backoffMs = m_timeouts.reconnectFirstMs;
    connectNow();
    updateDeviceState();
}

// Thread: GUI. The jobs in hand fail with "stopped" (from the event loop).
void NetworkReceiptPrinter::stop()
{
    m_running = false;
    m_stopped = true;
    m_stepTimer.stop();
    m_reconnectTimer.stop();
    m_pollTimer.stop();
    setPhase(Phase::Disconnected); // before abort(): the slots ignore what it emits
    m_socket.abort();
    m_connectionProblem.clear();
    failAllJobs(QStringLiteral("stopped"), activeJobFailure(), true);
    updateDeviceState();
}

// Thread: GUI.
void NetworkReceiptPrinter::print(const QString &jobId, const QByteArray &escpos)
{
    if (!isPaperWidthSupported())
        return failJob(jobId, unavailableReason(), JobFailure::Refused, true);
    if (!m_running)
        return failJob(jobId, unavailableReason(), JobFailure::NotPrinted, true);
    if (escpos.isEmpty())
        return failJob(jobId, QStringLiteral("empty job"), JobFailure::Refused, true);
    if (m_phase == Phase::Disconnected)
        return failJob(jobId, m_connectionProblem, JobFailure::NotPrinted, true);
    m_queue.append(Job{jobId, escpos});
    qCInfo(lcNetworkPrinter).noquote() << name() << ": job" << jobId << "queued," << escpos.size() << "bytes";
    if (m_phase == Phase::Idle) {
        m_pollTimer.stop();
        startNextJobOrIdle();
    }
    updateDeviceState();
}

void NetworkReceiptPrinter::connectNow()
{
    if (!m_running)
        return;
    setPhase(Phase::Connecting);
    qCDebug(lcNetworkPrinter).noquote() << name() << ": connecting to" << address();
    m_stepTimer.start(m_timeouts.connectMs);
    m_socket.connectToHost(m_host, m_port);
}

void NetworkReceiptPrinter::onConnected()
{
    if (m_phase != Phase::Connecting)
        return;
    m_stepTimer.stop();
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    qCInfo(lcNetworkPrinter).noquote() << name() << ": connected to" << address();
    queryStatus(StatusPurpose::Check);
}

void NetworkReceiptPrinter::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_phase == Phase::Disconnected)
        return;
    const QString what = describe(error, m_socket.errorString());
    if (m_phase == Phase::Connecting)
        connectionFailed(QStringLiteral("connect"), QStringLiteral("connect %1: %2").arg(address(), what));
    else
        connectionFailed(QStringLiteral("connection"),
                         QStringLiteral("connection to %1 lost: %2").arg(address(), what));
}

void NetworkReceiptPrinter::onDisconnected()
{
    if (m_phase == Phase::Disconnected)
        return;
    connectionFailed(QStringLiteral("connection"),
                     QStringLiteral("connection to %1 lost: closed by the printer").arg(address()));
}

void NetworkReceiptPrinter::onReadyRead()
{
    const QByteArray data = m_socket.readAll();
    if (m_phase != Phase::QueryingStatus) {
        qCDebug(lcNetworkPrinter).noquote()
            << name() << ":" << data.size() << "unexpected byte(s) from the printer ignored";
        return;
    }
    for (int i = 0; i < data.size(); ++i) {
        const EscPosStatusAnswer answer =
            EscPosStatus::parse(m_statusRequest, static_cast<unsigned char>(data.at(i)));
        if (!answer.ok())
            return connectionFailed(QStringLiteral("read status"), QStringLiteral("status: ") + answer.error);
        m_statusAnswers.append(data.at(i));
        if (m_statusRequest == EscPosStatus::lastRequest) {
            m_stepTimer.stop();
            if (i + 1 < data.size())
                qCDebug(lcNetworkPrinter).noquote()
                    << name() << ":" << data.size() - i - 1 << "byte(s) after the status ignored";
            return finishStatusRound(EscPosStatus::combine(m_statusAnswers));
        }
        ++m_statusRequest;
        sendStatusRequest();
    }
}

void NetworkReceiptPrinter::onBytesWritten()
{
    if (m_phase != Phase::Printing)
        return;
    if (m_socket.bytesToWrite() > 0) {
        m_stepTimer.start(m_timeouts.writeStallMs); // progress: the stall timeout starts again
        return;
    }
    m_stepTimer.stop();
    qCDebug(lcNetworkPrinter).noquote() << name() << ": job" << m_queue.first().id << "sent";
    queryStatus(StatusPurpose::AfterJob);
}

void NetworkReceiptPrinter::onStepTimeout()
{
    switch (m_phase) {
    case Phase::Connecting:
        return connectionFailed(QStringLiteral("connect"),
                                QStringLiteral("connect %1: no connection within %2 ms")
                                    .arg(address())
                                    .arg(m_timeouts.connectMs));
    case Phase::QueryingStatus:
        return connectionFailed(QStringLiteral("read status"),
                                QStringLiteral("status: no answer to %1 within %2 ms")
                                    .arg(EscPosStatus::requestName(m_statusRequest))
                                    .arg(m_timeouts.statusAnswerMs));
    case Phase::Printing:
        return connectionFailed(QStringLiteral("print receipt"),
                                QStringLiteral("write: %1 of %2 bytes not taken within %3 ms")
                                    .arg(m_socket.bytesToWrite())
                                    .arg(m_queue.isEmpty() ? 0 : m_queue.first().bytes.size())
                                    .arg(m_timeouts.writeStallMs));
    case Phase::Disconnected:
    case Phase::Idle:
        return;
    }
}

void NetworkReceiptPrinter::onPollTimeout()
{
    if (m_phase == Phase::Idle)
        queryStatus(StatusPurpose::Check);
}

void NetworkReceiptPrinter::queryStatus(StatusPurpose purpose)
{
    m_purpose = purpose;
    m_statusAnswers.clear();
    m_statusRequest = EscPosStatus::firstRequest;
    setPhase(Phase::QueryingStatus);
    sendStatusRequest();
}

void NetworkReceiptPrinter::sendStatusRequest()
{
    m_socket.write(EscPosStatus::request(m_statusRequest));
    m_stepTimer.start(m_timeouts.statusAnswerMs);
}

void NetworkReceiptPrinter::finishStatusRound(const PrinterStatus &status)
{
    if (!status.ok()) // combine() checks what parse() already did; kept for a future answer shape
        return connectionFailed(QStringLiteral("read status"), QStringLiteral("status: ") + status.error);
    if (status != m_status || !m_haveStatus)
        qCInfo(lcNetworkPrinter).noquote()
            << name() << ": status"
            << (status.reason().isEmpty() ? QStringLiteral("ready") : status.reason());
    m_status = status;
    m_haveStatus = true;
    m_connectionProblem.clear();
    m_problemReported = false;
    m_backoffMs = m_timeouts.reconnectFirstMs;

    if (m_purpose == StatusPurpose::BeforeJob && status.canPrint())
        return writeJob();

    QString failedJob, completedJob, failure;
    // Before the job nothing was sent: it did not print. After it, the bytes are in the printer.
    const JobFailure failureKind =
        m_purpose == StatusPurpose::BeforeJob ? JobFailure::NotPrinted : JobFailure::MayHavePrinted;
    if (m_purpose == StatusPurpose::BeforeJob || m_purpose == StatusPurpose::AfterJob) {
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
        qCInfo(lcNetworkPrinter).noquote() << name() << ": job" << completedJob << "printed";
        emit jobCompleted(completedJob);
    } else if (!failedJob.isEmpty()) {
        qCInfo(lcNetworkPrinter).noquote() << name() << ": job" << failedJob << "failed:" << failure;
        failJob(failedJob, failure, failureKind);
    }
}

void NetworkReceiptPrinter::startNextJobOrIdle()
{
    if (!m_queue.isEmpty()) {
        m_jobActive = true;
        queryStatus(StatusPurpose::BeforeJob);
    } else {
        setPhase(Phase::Idle);
        if (m_timeouts.statusPollMs > 0)
            m_pollTimer.start(m_timeouts.statusPollMs);
    }
    updateDeviceState();
}

void NetworkReceiptPrinter::writeJob()
{
    setPhase(Phase::Printing);
    updateDeviceState();
    const Job &job = m_queue.first();
    qCDebug(lcNetworkPrinter).noquote() << name() << ": sending job" << job.id;
    m_jobBytesWritten = 0;
    m_socket.write(job.bytes);
    m_stepTimer.start(m_timeouts.writeStallMs);
}

void NetworkReceiptPrinter::connectionFailed(const QString &operation, const QString &reason)
{
    m_stepTimer.stop();
    m_pollTimer.stop();
    const JobFailure activeFailure = activeJobFailure(); // before the phase changes
    setPhase(Phase::Disconnected); // before abort(): the slots ignore what it emits
    m_socket.abort();
    m_connectionProblem = reason;
    m_haveStatus = false;
    if (m_running) {
        m_reconnectTimer.start(m_backoffMs);
        qCInfo(lcNetworkPrinter).noquote()
            << name() << ":" << reason << "- retrying in" << m_backoffMs << "ms";
        m_backoffMs = qMin(m_backoffMs * 2, m_timeouts.reconnectMaxMs);
    }
    updateDeviceState();
    if (!m_problemReported) { // once until the printer answers again, not at every retry
        m_problemReported = true;
        reportError(operation, reason);
    }
    failAllJobs(reason, activeFailure, false);
}

void NetworkReceiptPrinter::setPhase(Phase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    emit phaseChanged(phase);
}

QString NetworkReceiptPrinter::unavailableReason() const
{
    if (!isPaperWidthSupported())
        return unsupportedWidthReason();
    if (!m_running)
        return m_stopped ? QStringLiteral("stopped") : QStringLiteral("not started");
    if (!m_connectionProblem.isEmpty())
        return m_connectionProblem;
    if (m_haveStatus)
        return m_status.unavailableReason();
    return QString();
}

void NetworkReceiptPrinter::updateDeviceState()
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

ReceiptPrinter::JobFailure NetworkReceiptPrinter::activeJobFailure() const
{
    if (!m_jobActive)
        return JobFailure::NotPrinted;
    // Printing with no byte taken by the socket yet, or still asking the status before the job: nothing
    // reached the printer. Anything later may have printed.
    if (m_phase == Phase::Printing)
        return m_jobBytesWritten > 0 ? JobFailure::MayHavePrinted : JobFailure::NotPrinted;
    if (m_phase == Phase::QueryingStatus && m_purpose == StatusPurpose::BeforeJob)
        return JobFailure::NotPrinted;
    if (m_phase == Phase::QueryingStatus && m_purpose == StatusPurpose::AfterJob)
        return JobFailure::MayHavePrinted;
    return JobFailure::NotPrinted;
}

void NetworkReceiptPrinter::failAllJobs(const QString &reason, JobFailure activeFailure, bool later)
{
    const QList<Job> jobs = m_queue;
    const bool firstActive = m_jobActive;
    m_queue.clear();
    m_jobActive = false;
    updateDeviceState();
    for (int i = 0; i < jobs.size(); ++i) {
        const Job &job = jobs.at(i);
        qCInfo(lcNetworkPrinter).noquote() << name() << ": job" << job.id << "failed:" << reason;
        failJob(job.id, reason, i == 0 && firstActive ? activeFailure : JobFailure::NotPrinted, later);
    }
}
