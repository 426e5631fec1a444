#include "UsbPrinterLink.h"

#include "EscPosStatus.h"
#include "UsbBulkDevice.h"
#include "UsbContext.h"

namespace {
QString vidPid(quint16 vid, quint16 pid)
{
    return QStringLiteral("%1:%2").arg(vid, 4, 16, QLatin1Char('0')).arg(pid, 4, 16, QLatin1Char('0'));
}
} // namespace

UsbPrinterLink::UsbPrinterLink(UsbContext *context, const UsbPrinterLinkConfig &config, QObject *parent)
    : PrinterLink(parent), m_context(context), m_config(config)
{
    if (!context)
        return;
    connect(context, &UsbContext::deviceArrived, this, [this](const UsbDeviceInfo &device) {
        if (!m_device && device.vendorId == m_config.vendorId && device.productId == m_config.productId)
            emit deviceArrived();
    });
    connect(context, &UsbContext::deviceLeft, this, [this](const UsbDeviceInfo &device) {
        if (m_device && m_info.isValid() && device.key() == m_info.key())
            fail(QStringLiteral("connection"), unplugged(), true);
    });
}

UsbPrinterLink::~UsbPrinterLink()
{
    close();
}

QString UsbPrinterLink::describe() const
{
    const QString id = vidPid(m_config.vendorId, m_config.productId);
    return m_info.isValid() ? QStringLiteral("%1 at %2").arg(id, m_info.key()) : id;
}

QString UsbPrinterLink::unplugged() const
{
    return QStringLiteral("%1 unplugged").arg(describe());
}

// Thread: GUI. Ends in opened() or failed() before it returns.
void UsbPrinterLink::open()
{
    close();
    if (!m_context || !m_context->isRunning())
        return fail(QStringLiteral("open"), QStringLiteral("USB is not available on this kiosk"), false);
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
        return fail(QStringLiteral("open"), QStringLiteral("no printer %1 attached").arg(describe()), false);
    }
    m_device = new UsbBulkDevice(m_context, this);
    connect(m_device, &UsbBulkDevice::transferFinished, this, &UsbPrinterLink::onTransferFinished);
    connect(m_device, &UsbBulkDevice::disconnected, this,
            [this] { fail(QStringLiteral("connection"), unplugged(), true); });
    m_info = found;
    QString error;
    if (!m_device->open(found, m_config.interfaceNumber, &error))
        return fail(QStringLiteral("open"), error, false);
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
        return fail(QStringLiteral("open"),
                    QStringLiteral("%1: interface %2 has no bulk %3 endpoint%4")
                        .arg(describe())
                        .arg(m_config.interfaceNumber)
                        .arg(m_out ? QStringLiteral("IN") : QStringLiteral("OUT"))
                        .arg(m_out ? QStringLiteral(" (the status cannot be read)") : QString())
                        .arg(error.isEmpty() ? QString() : QStringLiteral(": ") + error),
                    false);
    emit opened();
}

// Thread: GUI. Cancels what is in flight; releases the interface.
void UsbPrinterLink::close()
{
    m_step = Step::None;
    m_transfer = 0;
    m_job.clear();
    if (!m_device)
        return;
    m_device->disconnect(this);
    m_device->close();
    m_device->deleteLater();
    m_device = nullptr;
}

void UsbPrinterLink::sendStatusRequest(int n)
{
    if (!m_device)
        return;
    m_statusRequest = n;
    m_step = Step::StatusRequest;
    m_transfer = m_device->write(m_out, EscPosStatus::request(n), m_config.statusTransferMs);
}

void UsbPrinterLink::sendJob(const QByteArray &bytes)
{
    if (!m_device)
        return;
    m_job = bytes;
    m_jobOffset = 0;
    writeNextChunk();
}

void UsbPrinterLink::writeNextChunk()
{
    const QByteArray chunk = m_job.mid(m_jobOffset, UsbPrinterLinkConfig::chunkBytes);
    m_chunkLength = chunk.size();
    m_step = Step::JobChunk;
    m_transfer = m_device->write(m_out, chunk, m_config.chunkTransferMs);
}

void UsbPrinterLink::onTransferFinished(quint64 id, const UsbTransferResult &result)
{
    if (id != m_transfer || m_transfer == 0)
        return; // cancelled by a close, or from before it
    m_transfer = 0;
    switch (m_step) {
    case Step::StatusRequest:
        return onStatusRequestSent(result);
    case Step::StatusAnswer:
        return onStatusAnswer(result);
    case Step::JobChunk:
        return onChunkWritten(result);
    case Step::None:
        return;
    }
}

void UsbPrinterLink::onStatusRequestSent(const UsbTransferResult &result)
{
    if (result.status == UsbTransferResult::NoDevice)
        return fail(QString(), unplugged(), true);
    if (!result.ok())
        return fail(QString(),
                    QStringLiteral("status: %1 not sent: %2")
                        .arg(EscPosStatus::requestName(m_statusRequest), result.errorText),
                    false);
    m_step = Step::StatusAnswer;
    m_transfer = m_device->read(m_in, 64, m_config.statusTransferMs);
}

void UsbPrinterLink::onStatusAnswer(const UsbTransferResult &result)
{
    const QString request = EscPosStatus::requestName(m_statusRequest);
    if (result.status == UsbTransferResult::NoDevice)
        return fail(QString(), unplugged(), true);
    if (result.status == UsbTransferResult::TimedOut)
        return fail(QString(),
                    QStringLiteral("status: no answer to %1 within %2 ms")
                        .arg(request)
                        .arg(m_config.statusTransferMs),
                    false);
    if (!result.ok())
        return fail(QString(), QStringLiteral("status: %1: %2").arg(request, result.errorText), false);
    if (result.data.isEmpty()) { // a zero-length packet: read again (the printer's step timeout bounds it)
        m_transfer = m_device->read(m_in, 64, m_config.statusTransferMs);
        return;
    }
    m_step = Step::None;
    emit received(result.data.left(1)); // one answer per request; what follows it is not an answer
}

void UsbPrinterLink::onChunkWritten(const UsbTransferResult &result)
{
    const qint64 taken = qBound(0, result.actualLength, int(m_chunkLength));
    m_jobOffset += taken;
    const qint64 total = m_job.size();
    if (result.status == UsbTransferResult::NoDevice || !result.ok()) {
        if (taken > 0)
            emit jobBytesTaken(m_jobOffset); // so the failure is classified "may have printed"
        if (!m_device)
            return; // closed meanwhile
        if (result.status == UsbTransferResult::NoDevice)
            return fail(
                QString(),
                QStringLiteral("%1 after %2 of %3 bytes").arg(unplugged()).arg(m_jobOffset).arg(total), true);
        return fail(QString(),
                    QStringLiteral("write: %1 of %2 bytes taken: %3")
                        .arg(m_jobOffset)
                        .arg(total)
                        .arg(result.errorText),
                    false);
    }
    if (m_jobOffset < total) {
        emit jobBytesTaken(m_jobOffset);
        if (m_device && m_step == Step::JobChunk)
            writeNextChunk();
        return;
    }
    m_step = Step::None;
    m_job.clear();
    emit jobBytesTaken(total);
}

void UsbPrinterLink::fail(const QString &operation, const QString &reason, bool gone)
{
    close();
    emit failed(operation, reason, gone);
}
