#include "UsbSamTransport.h"

#include "IdCardLogging.h"

#include "UsbBulkDevice.h"
#include "UsbContext.h"
#include "UsbDeviceInfo.h"
#include "UsbTransferResult.h"

namespace {
constexpr int kHeader = 7; // preamble + LEN
// Each IN transfer waits at most this long; the exchange itself is bounded by SamTransport's timeout.
constexpr int kTransferTimeoutMs = 10000;
} // namespace

UsbSamTransport::Endpoints UsbSamTransport::Endpoints::split()
{
    Endpoints e;
    e.layout = Layout::SplitPipes;
    return e;
}

QString UsbSamTransport::Match::describe() const
{
    if (!key.isEmpty())
        return QStringLiteral("usb %1").arg(key);
    return QStringLiteral("usb %1:%2")
        .arg(vendorId, 4, 16, QLatin1Char('0'))
        .arg(productId, 4, 16, QLatin1Char('0'));
}

UsbSamTransport::UsbSamTransport(UsbContext *context, const Match &match, const Endpoints &endpoints,
                                 QObject *parent)
    : SamTransport(parent), m_context(context), m_match(match), m_endpoints(endpoints)
{
    // Hotplug: a matching reader that arrives is opened at once (the reader's reopen timer is the fallback).
    if (m_context) {
        connect(m_context, &UsbContext::deviceArrived, this, [this](const UsbDeviceInfo &info) {
            const bool idMatches = m_match.vendorId == 0 || (info.vendorId == m_match.vendorId && info.productId == m_match.productId);
            const bool keyMatches = m_match.key.isEmpty() || info.key() == m_match.key;
            if (!m_device && idMatches && keyMatches)
                emit devicePluggedIn();
        });
    }
}

UsbSamTransport::~UsbSamTransport()
{
    closeDevice();
}

QString UsbSamTransport::description() const
{
    const QString layout = m_endpoints.layout == Endpoints::Layout::SplitPipes
                               ? QStringLiteral("split pipes")
                               : QStringLiteral("one pipe pair");
    return QStringLiteral("%1 (%2)").arg(
        m_deviceText.isEmpty() ? m_match.describe() : QStringLiteral("usb ") + m_deviceText, layout);
}

void UsbSamTransport::open()
{
    closeDevice();
    // Asynchronous like every transport: the result comes on the next event loop turn.
    QTimer::singleShot(0, this, [this] {
        if (!m_context || !m_context->isRunning())
            return setClosed(QStringLiteral("open %1: USB is not available").arg(m_match.describe()));
        UsbDeviceInfo found;
        for (const UsbDeviceInfo &d : m_context->devices()) {
            const bool idOk = (m_match.vendorId == 0 && m_match.productId == 0) ||
                              (d.vendorId == m_match.vendorId && d.productId == m_match.productId);
            const bool keyOk = m_match.key.isEmpty() || d.key() == m_match.key;
            if (idOk && keyOk) {
                found = d;
                break;
            }
        }
        if (!found.isValid())
            return setClosed(QStringLiteral("open %1: no such device attached").arg(m_match.describe()));
        m_device = new UsbBulkDevice(m_context, this);
        connect(m_device, &UsbBulkDevice::transferFinished, this, &UsbSamTransport::onTransferFinished);
        connect(m_device, &UsbBulkDevice::disconnected, this,
                [this] { setClosed(QStringLiteral("unplugged: %1").arg(m_deviceText)); });
        QString error;
        if (!m_device->open(found, m_endpoints.interfaceNumber, &error))
            return setClosed(error);
        m_deviceText = found.vidPid() + QStringLiteral(" at ") + found.key();
        setOpened();
    });
}

void UsbSamTransport::sendFrame(const QByteArray &frame)
{
    ++m_exchange;
    m_writes.clear();
    m_readId = 0;
    m_headerBytes = 0;
    if (!m_device)
        return handleIoError(QStringLiteral("transport not open"));
    if (m_endpoints.layout == Endpoints::Layout::SplitPipes) {
        m_writes.insert(m_device->write(m_endpoints.out, frame.left(kHeader), kTransferTimeoutMs));
        if (frame.size() > kHeader)
            m_writes.insert(m_device->write(m_endpoints.bodyOut, frame.mid(kHeader), kTransferTimeoutMs));
    } else {
        m_writes.insert(m_device->write(m_endpoints.out, frame, kTransferTimeoutMs));
    }
    submitRead();
}

void UsbSamTransport::submitRead()
{
    const bool header = m_endpoints.layout == Endpoints::Layout::SplitPipes && m_headerBytes < kHeader;
    const quint8 endpoint =
        header || m_endpoints.layout == Endpoints::Layout::SinglePair ? m_endpoints.in : m_endpoints.bodyIn;
    m_readId = m_device->read(endpoint, header ? kHeader - m_headerBytes : m_endpoints.packetSize,
                              kTransferTimeoutMs);
}

void UsbSamTransport::onTransferFinished(quint64 id, const UsbTransferResult &result)
{
    const bool isWrite = m_writes.remove(id);
    const bool isRead = id != 0 && id == m_readId;
    if (!isWrite && !isRead)
        return; // a transfer of an earlier, cancelled exchange
    if (result.status == UsbTransferResult::NoDevice)
        return setClosed(QStringLiteral("unplugged: %1").arg(m_deviceText));
    if (isWrite) {
        if (!result.ok())
            handleIoError(result.errorText);
        return;
    }
    m_readId = 0;
    if (!result.ok() && result.status != UsbTransferResult::TimedOut) {
        handleIoError(result.errorText);
        return;
    }
    const quint64 exchange = m_exchange;
    if (m_endpoints.layout == Endpoints::Layout::SplitPipes && m_headerBytes < kHeader)
        m_headerBytes += int(result.data.size());
    if (!result.data.isEmpty())
        handleBytes(result.data);
    // The answer may have completed (and the next exchange started from inside handleBytes).
    if (exchange == m_exchange && isBusy() && m_device)
        submitRead();
}

void UsbSamTransport::abortPending()
{
    ++m_exchange;
    m_writes.clear();
    m_readId = 0;
    if (m_device)
        m_device->cancelAll();
}

void UsbSamTransport::closeDevice()
{
    ++m_exchange;
    m_writes.clear();
    m_readId = 0;
    if (!m_device)
        return;
    UsbBulkDevice *device = m_device;
    m_device = nullptr;
    device->disconnect(this);
    device->close();
    device->deleteLater();
}
