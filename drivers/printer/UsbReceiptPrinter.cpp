#include "UsbReceiptPrinter.h"

#include "UsbBulkDevice.h"
#include "UsbContext.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcUsbPrinter, "onestop.printer.usb")

namespace {
QString vidPid(quint16 vid, quint16 pid)
{
    return QStringLiteral("%1:%2").arg(vid, 4, 16, QLatin1Char('0')).arg(pid, 4, 16, QLatin1Char('0'));
}
} // namespace

UsbReceiptPrinter::UsbReceiptPrinter(const QString &name, UsbContext *context,
                                     const UsbReceiptPrinterConfig &config, QObject *parent)
    : ReceiptPrinter(name, config.paperWidthMm, parent), m_context(context), m_config(config)
{
    m_reopenTimer.setSingleShot(true);
    m_pollTimer.setSingleShot(true);
    connect(&m_reopenTimer, &QTimer::timeout, this, &UsbReceiptPrinter::tryOpen);
    connect(&m_pollTimer, &QTimer::timeout, this, &UsbReceiptPrinter::onPollTimeout);
    if (context) { // null when USB could not start: the printer stays unavailable and says so
        connect(context, &UsbContext::deviceArrived, this, &UsbReceiptPrinter::onDeviceArrived);
        connect(context, &UsbContext::deviceLeft, this, &UsbReceiptPrinter::onDeviceLeft);
    }
    updateDeviceState();
}

UsbReceiptPrinter::~UsbReceiptPrinter()
{
    if (m_device) {
        m_device->disconnect(this);
        m_device->close();
    }
}

QString UsbReceiptPrinter::describeDevice() const
{
    const QString id = vidPid(m_config.vendorId, m_config.productId);
    return m_info.isValid() ? QStringLiteral("%1 at %2").arg(id, m_info.key()) : id;
}

// Thread: GUI.
void UsbReceiptPrinter::start()
{
    if (!isPaperWidthSupported() || m_running)
        return;
    m_running = true;
    m_stopped = false;
    m_haveStatus = false;
    m_problem.clear();
    m_problemReported = false;
    m_backoffMs = m_config.reopenFirstMs;
    tryOpen();
    updateDeviceState();
}

// Thread: GUI. Cancels what is in flight, releases the interface; jobs in hand fail "stopped".
void UsbReceiptPrinter::stop()
{
    const JobFailure active = activeJobFailure();
    m_running = false;
    m_stopped = true;
    m_reopenTimer.stop();
    m_pollTimer.stop();
    m_transfer = 0;
    setPhase(Phase::Closed);
    if (m_device) {
        m_device->disconnect(this);
        m_device->close();
        m_device->deleteLater();
        m_device = nullptr;
    }
    m_problem.clear();
    failAllJobs(QStringLiteral("stopped"), active, true);
    updateDeviceState();
}

// Thread: GUI.
void UsbReceiptPrinter::print(const QString &jobId, const QByteArray &escpos)
{
    if (!isPaperWidthSupported())
        return failJob(jobId, unavailableReason(), JobFailure::Refused, true);
    if (escpos.isEmpty())
        return failJob(jobId, QStringLiteral("empty job"), JobFailure::Refused, true);
    if (!m_running || m_phase == Phase::Closed)
        return failJob(jobId, unavailableReason(), JobFailure::NotPrinted, true);
    m_queue.append(Job{jobId, escpos});
    qCInfo(lcUsbPrinter).noquote() << name() << ": job" << jobId << "queued," << escpos.size() << "bytes";
    if (m_phase == Phase::Idle) {
        m_pollTimer.stop();
        startNextJobOrIdle();
    }
    updateDeviceState();
}

void UsbReceiptPrinter::tryOpen()
{
    if (!m_running || m_phase != Phase::Closed)
        return;
    if (!m_context || !m_context->isRunning())
        return deviceFailed(QStringLiteral("open"), QStringLiteral("USB is not available on this kiosk"), false);
    UsbDeviceInfo found;
    for (const UsbDeviceInfo &d : m_context->devices()) {
        if (d.vendorId == m_config.vendorId && d.productId == m_config.productId &&
            (m_config.busAddress.isEmpty() || d.key() == m_config.busAddress)) {
            found = d;
            break;
        }
    }
    if (!found.isValid()) {
        m_info = UsbDeviceInfo();
        return deviceFailed(QStringLiteral("open"),
                            QStringLiteral("no printer %1 attached").arg(describeDevice()), false);
    }
    if (m_device)
        m_device->deleteLater();
    m_device = new UsbBulkDevice(m_context, this);
    connect(m_device, &UsbBulkDevice::transferFinished, this, &UsbReceiptPrinter::onTransferFinished);
    connect(m_device, &UsbBulkDevice::disconnected, this, [this] {
        deviceFailed(QStringLiteral("connection"), QStringLiteral("%1 unplugged").arg(describeDevice()), true);
    });
    m_info = found;
    QString error;
    if (!m_device->open(found, m_config.interfaceNumber, &error))
        return deviceFailed(QStringLiteral("open"), error, false);
    m_out = m_config.outEndpoint;
    m_in = m_config.inEndpoint;
    if (!m_out || !m_in) {
        for (const UsbEndpointInfo &e : m_device->endpoints(m_config.interfaceNumber, &error)) {
            if (e.type != UsbEndpointInfo::Type::Bulk)
                continue;
            if (e.isIn() && !m_in)
                m_in = e.address;
            else if (!e.isIn() && !m_out)
                m_out = e.address;
        }
    }
    if (!m_out || !m_in)
        return deviceFailed(QStringLiteral("open"),
                            QStringLiteral("%1: interface %2 has no bulk %3 endpoint%4")
                                .arg(describeDevice())
                                .arg(m_config.interfaceNumber)
                                .arg(m_out ? QStringLiteral("IN") : QStringLiteral("OUT"))
                                .arg(m_out ? QStringLiteral(" (the status cannot be read)") : QString())
                                .arg(error.isEmpty() ? QString() : QStringLiteral(": ") + error),
                            false);
    qCInfo(lcUsbPrinter).noquote() << name() << ": opened" << describeDevice() << "OUT"
                                   << QStringLiteral("0x%1").arg(m_out, 2, 16, QLatin1Char('0')) << "IN"
                                   << QStringLiteral("0x%1").arg(m_in, 2, 16, QLatin1Char('0'));
    queryStatus(StatusPurpose::Check);
}

void UsbReceiptPrinter::onDeviceArrived(const UsbDeviceInfo &device)
{
    if (m_running && m_phase == Phase::Closed && device.vendorId == m_config.vendorId &&
        device.productId == m_config.productId) {
        m_reopenTimer.stop();
        m_backoffMs = m_config.reopenFirstMs;
        tryOpen();
    }
}

void UsbReceiptPrinter::onDeviceLeft(const UsbDeviceInfo &device)
{
    if (m_phase != Phase::Closed && m_info.isValid() && device.key() == m_info.key())
        deviceFailed(QStringLiteral("connection"), QStringLiteral("%1 unplugged").arg(describeDevice()), true);
}

void UsbReceiptPrinter::onPollTimeout()
{
    if (m_phase == Phase::Idle)
        queryStatus(StatusPurpose::Check);
}

void UsbReceiptPrinter::onTransferFinished(quint64 id, const UsbTransferResult &result)
{
    if (id != m_transfer || m_transfer == 0)
        return; // cancelled by a close, or from before it
    m_transfer = 0;
    if (m_phase == Phase::QueryingStatus)
        return onStatusAnswer(result);
    if (m_phase == Phase::Printing)
        return onChunkWritten(result);
}

void UsbReceiptPrinter::queryStatus(StatusPurpose purpose)
{
    m_purpose = purpose;
    m_answers.clear();
    m_statusRequest = EscPosStatus::firstRequest;
    setPhase(Phase::QueryingStatus);
    sendStatusRequest();
}

void UsbReceiptPrinter::sendStatusRequest()
{
    m_awaitingAnswer = false;
    m_transfer = m_device->write(m_out, EscPosStatus::request(m_statusRequest), m_config.statusAnswerMs);
}

void UsbReceiptPrinter::onStatusAnswer(const UsbTransferResult &result)
{
    const bool gone = result.status == UsbTransferResult::NoDevice;
    const QString request = EscPosStatus::requestName(m_statusRequest);
    if (!m_awaitingAnswer) { // the request went out (or not)
        if (!result.ok())
            return deviceFailed(QStringLiteral("read status"),
                                gone ? QStringLiteral("%1 unplugged").arg(describeDevice())
                                     : QStringLiteral("status: %1 not sent: %2").arg(request, result.errorText),
                                gone);
        m_awaitingAnswer = true;
        m_transfer = m_device->read(m_in, 64, m_config.statusAnswerMs);
        return;
    }
    if (gone)
        return deviceFailed(QStringLiteral("read status"), QStringLiteral("%1 unplugged").arg(describeDevice()),
                            true);
    if (result.data.isEmpty())
        return deviceFailed(QStringLiteral("read status"),
                            result.status == UsbTransferResult::TimedOut || result.ok()
                                ? QStringLiteral("status: no answer to %1 within %2 ms")
                                      .arg(request)
                                      .arg(m_config.statusAnswerMs)
                                : QStringLiteral("status: %1: %2").arg(request, result.errorText),
                            false);
    const EscPosStatusAnswer answer =
        EscPosStatus::parse(m_statusRequest, static_cast<unsigned char>(result.data.at(0)));
    if (!answer.ok())
        return deviceFailed(QStringLiteral("read status"), QStringLiteral("status: ") + answer.error, false);
    m_answers.append(result.data.at(0));
    if (m_statusRequest == EscPosStatus::lastRequest)
        return finishStatusRound(EscPosStatus::combine(m_answers));
    ++m_statusRequest;
    sendStatusRequest();
}

void UsbReceiptPrinter::finishStatusRound(const PrinterStatus &status)
{
    if (!status.ok())
        return deviceFailed(QStringLiteral("read status"), QStringLiteral("status: ") + status.error, false);
    if (status != m_status || !m_haveStatus)
        qCInfo(lcUsbPrinter).noquote() << name() << ": status"
                                       << (status.reason().isEmpty() ? QStringLiteral("ready") : status.reason());
    m_status = status;
    m_haveStatus = true;
    m_problem.clear();
    m_problemReported = false;
    m_backoffMs = m_config.reopenFirstMs;

    if (m_purpose == StatusPurpose::BeforeJob && status.canPrint()) {
        setPhase(Phase::Printing);
        updateDeviceState();
        m_jobOffset = 0;
        return writeNextChunk();
    }
    QString failedJob, completedJob, failure;
    const JobFailure failureKind =
        m_purpose == StatusPurpose::BeforeJob ? JobFailure::NotPrinted : JobFailure::MayHavePrinted;
    if (m_purpose != StatusPurpose::Check) {
        const Job job = m_queue.takeFirst();
        m_jobActive = false;
        if (status.canPrint())
            completedJob = job.id;
        else {
            failedJob = job.id;
            failure = status.unavailableReason();
        }
    }
    startNextJobOrIdle();
    if (!completedJob.isEmpty()) {
        qCInfo(lcUsbPrinter).noquote() << name() << ": job" << completedJob << "printed";
        emit jobCompleted(completedJob);
    } else if (!failedJob.isEmpty()) {
        qCInfo(lcUsbPrinter).noquote() << name() << ": job" << failedJob << "failed:" << failure;
        failJob(failedJob, failure, failureKind);
    }
}

void UsbReceiptPrinter::startNextJobOrIdle()
{
    if (!m_queue.isEmpty()) {
        m_jobActive = true;
        queryStatus(StatusPurpose::BeforeJob);
    } else {
        setPhase(Phase::Idle);
        if (m_config.statusPollMs > 0)
            m_pollTimer.start(m_config.statusPollMs);
    }
    updateDeviceState();
}

void UsbReceiptPrinter::writeNextChunk()
{
    const QByteArray chunk = m_queue.first().bytes.mid(m_jobOffset, UsbReceiptPrinterConfig::chunkBytes);
    m_chunkLength = chunk.size();
    m_transfer = m_device->write(m_out, chunk, m_config.chunkWriteMs);
}

void UsbReceiptPrinter::onChunkWritten(const UsbTransferResult &result)
{
    m_jobOffset += qBound(0, result.actualLength, int(m_chunkLength));
    const qint64 total = m_queue.first().bytes.size();
    if (result.status == UsbTransferResult::NoDevice)
        return deviceFailed(QStringLiteral("print receipt"),
                            QStringLiteral("%1 unplugged after %2 of %3 bytes").arg(describeDevice()).arg(m_jobOffset).arg(total),
                            true);
    if (!result.ok())
        return deviceFailed(QStringLiteral("print receipt"),
                            QStringLiteral("write: %1 of %2 bytes taken: %3").arg(m_jobOffset).arg(total).arg(result.errorText),
                            false);
    if (m_jobOffset < total)
        return writeNextChunk();
    qCDebug(lcUsbPrinter).noquote() << name() << ": job" << m_queue.first().id << "sent";
    queryStatus(StatusPurpose::AfterJob);
}

UsbReceiptPrinter::JobFailure UsbReceiptPrinter::activeJobFailure() const
{
    if (!m_jobActive)
        return JobFailure::NotPrinted;
    if (m_phase == Phase::Printing)
        return m_jobOffset > 0 ? JobFailure::MayHavePrinted : JobFailure::NotPrinted;
    if (m_phase == Phase::QueryingStatus && m_purpose == StatusPurpose::AfterJob)
        return JobFailure::MayHavePrinted;
    return JobFailure::NotPrinted;
}

void UsbReceiptPrinter::deviceFailed(const QString &operation, const QString &reason, bool gone)
{
    m_pollTimer.stop();
    const JobFailure active = activeJobFailure(); // before the phase changes
    setPhase(Phase::Closed);
    m_transfer = 0;
    if (m_device) {
        m_device->disconnect(this);
        m_device->close(); // cancels what is in flight; releases the interface
        m_device->deleteLater();
        m_device = nullptr;
    }
    m_problem = reason;
    m_haveStatus = false;
    if (m_running) {
        m_reopenTimer.start(m_backoffMs);
        qCInfo(lcUsbPrinter).noquote() << name() << ":" << reason << "- retrying in" << m_backoffMs << "ms"
                                       << (gone ? "(or when it is plugged in)" : "");
        m_backoffMs = qMin(m_backoffMs * 2, m_config.reopenMaxMs);
    }
    updateDeviceState();
    if (!m_problemReported) {
        m_problemReported = true;
        reportError(operation, reason);
    }
    failAllJobs(reason, active, false);
}

void UsbReceiptPrinter::failAllJobs(const QString &reason, JobFailure activeFailure, bool later)
{
    const QList<Job> jobs = m_queue;
    const bool firstActive = m_jobActive;
    m_queue.clear();
    m_jobActive = false;
    updateDeviceState();
    for (int i = 0; i < jobs.size(); ++i) {
        qCInfo(lcUsbPrinter).noquote() << name() << ": job" << jobs.at(i).id << "failed:" << reason;
        failJob(jobs.at(i).id, reason, i == 0 && firstActive ? activeFailure : JobFailure::NotPrinted, later);
    }
}

void UsbReceiptPrinter::setPhase(Phase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    emit phaseChanged(phase);
}

QString UsbReceiptPrinter::unavailableReason() const
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

void UsbReceiptPrinter::updateDeviceState()
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
        emit stateChanged();
}
