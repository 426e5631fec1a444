#include "UsbBulkDevice.h"

#include "UsbContext.h"
#include "UsbContextPrivate.h"
#include "UsbLogging.h"
#include "UsbNative.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QWaitCondition>

namespace {
constexpr int kCloseWaitMs = 2000;

struct Transfer
{
    quint64 id = 0;
    quint8 endpoint = 0;
    int timeoutMs = 0;
    libusb_transfer *native = nullptr;
    QByteArray buffer; // owns the bytes libusb reads into / writes from
};

QString endpointText(quint8 endpoint)
{
    return QStringLiteral("0x%1").arg(endpoint, 2, 16, QLatin1Char('0'));
}
} // namespace

struct UsbBulkDevice::Private
{
    UsbBulkDevice *q = nullptr;
    QPointer<UsbContext> context; // may be destroyed first: its stop() has then closed us
    libusb_device_handle *handle = nullptr;
    UsbDeviceInfo info;
    int interfaceNumber = -1;
    std::atomic_bool gone{false};
    bool disconnectedEmitted = false; // owner's thread
    quint64 nextId = 1;               // owner's thread

    // Guards `pending`; the event-thread callback takes it too.
    mutable QMutex mutex;
    QWaitCondition allDone;
    QHash<quint64, Transfer *> pending;

    quint64 submit(bool in, quint8 endpoint, QByteArray buffer, int timeoutMs);
    void failLater(quint64 id, UsbTransferResult::Status status, const QString &text);
    void markGone();
    QString what(bool in, quint8 endpoint) const
    {
        return QStringLiteral("%1 %2 on %3")
            .arg(in ? QStringLiteral("read") : QStringLiteral("write"), endpointText(endpoint), info.key());
    }
    // Event thread.
    static void LIBUSB_CALL onTransferDone(libusb_transfer *native);
};

UsbBulkDevice::UsbBulkDevice(UsbContext *context, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->context = context;
    qRegisterMetaType<UsbTransferResult>();
}

UsbBulkDevice::~UsbBulkDevice()
{
    close();
}

bool UsbBulkDevice::isOpen() const
{
    return d->handle != nullptr;
}
bool UsbBulkDevice::isGone() const
{
    return d->gone.load();
}
UsbDeviceInfo UsbBulkDevice::deviceInfo() const
{
    return d->info;
}
int UsbBulkDevice::interfaceNumber() const
{
    return d->interfaceNumber;
}

int UsbBulkDevice::pendingCount() const
{
    QMutexLocker lock(&d->mutex);
    return int(d->pending.size());
}

// Owner's thread.
bool UsbBulkDevice::open(const UsbDeviceInfo &device, int interfaceNumber, QString *error)
{
    auto fail = [&](const QString &step, int rc) {
        if (error)
            *error = QStringLiteral("%1 %2: %3").arg(step, device.describe(), UsbNative::errorText(rc));
        return false;
    };
    if (d->handle) {
        if (error)
            *error = QStringLiteral("open %1: already open (%2)").arg(device.describe(), d->info.key());
        return false;
    }
    if (!d->context || !d->context->d->ctx) {
        if (error)
            *error = QStringLiteral("open %1: the USB context is not started").arg(device.describe());
        return false;
    }
    libusb_context *ctx = d->context->d->ctx;
    libusb_device **list = nullptr;
    const ssize_t count = libusb_get_device_list(ctx, &list);
    if (count < 0)
        return fail(QStringLiteral("list devices for"), int(count));
    libusb_device *match = nullptr;
    for (ssize_t i = 0; i < count && !match; ++i) {
        if (libusb_get_bus_number(list[i]) != device.busNumber ||
            libusb_get_device_address(list[i]) != device.deviceAddress)
            continue;
        libusb_device_descriptor descriptor{};
        if (device.vendorId != 0 && libusb_get_device_descriptor(list[i], &descriptor) == LIBUSB_SUCCESS &&
            (descriptor.idVendor != device.vendorId || descriptor.idProduct != device.productId))
            continue;
        match = list[i];
    }
    if (!match) {
        libusb_free_device_list(list, 1);
        if (error)
            *error = QStringLiteral("open %1: no such device attached (unplugged?)").arg(device.describe());
        return false;
    }
    libusb_device_handle *handle = nullptr;
    int rc = libusb_open(match, &handle);
    UsbDeviceInfo info = UsbNative::infoFor(match);
    libusb_free_device_list(list, 1);
    if (rc != LIBUSB_SUCCESS)
        return fail(QStringLiteral("open"), rc);
    // A kernel driver (usblp for printers, cdc_acm, ...) is detached while we hold the interface and
    // re-attached on release. NOT_SUPPORTED on platforms without it: harmless.
    libusb_set_auto_detach_kernel_driver(handle, 1);
    rc = libusb_claim_interface(handle, interfaceNumber);
    if (rc != LIBUSB_SUCCESS) {
        libusb_close(handle);
        return fail(QStringLiteral("claim interface %1 of").arg(interfaceNumber), rc);
    }
    info.manufacturer = device.manufacturer;
    info.product = device.product;
    info.serialNumber = device.serialNumber;
    d->handle = handle;
    d->info = info;
    d->interfaceNumber = interfaceNumber;
    d->gone = false;
    d->disconnectedEmitted = false;
    {
        QMutexLocker lock(&d->context->d->openMutex);
        d->context->d->openDevices.insert(this);
    }
    connect(d->context, &UsbContext::deviceLeft, this, [this](const UsbDeviceInfo &left) {
        if (d->handle && left.key() == d->info.key())
            d->markGone();
    });
    qCInfo(lcUsb) << "opened" << info.describe() << "interface" << interfaceNumber;
    return true;
}

// Owner's thread.
void UsbBulkDevice::close()
{
    if (!d->handle)
        return;
    if (d->context)
        disconnect(d->context, &UsbContext::deviceLeft, this, nullptr);
    cancelAll();
    bool drained = true;
    {
        QMutexLocker lock(&d->mutex);
        QDeadlineTimer deadline(kCloseWaitMs);
        while (!d->pending.isEmpty() && drained)
            drained = d->allDone.wait(&d->mutex, deadline);
        drained = d->pending.isEmpty();
    }
    if (d->context) {
        QMutexLocker lock(&d->context->d->openMutex);
        d->context->d->openDevices.remove(this);
    }
    libusb_device_handle *handle = d->handle;
    d->handle = nullptr;
    if (!drained) {
        // Freeing the handle under a live transfer would crash the event thread later: leak it instead.
        qCWarning(lcUsb) << "close" << d->info.describe() << ":" << pendingCount()
                         << "transfers did not finish within" << kCloseWaitMs
                         << "ms; leaving the handle open";
        return;
    }
    const int rc = libusb_release_interface(handle, d->interfaceNumber);
    if (rc != LIBUSB_SUCCESS && rc != LIBUSB_ERROR_NO_DEVICE && rc != LIBUSB_ERROR_NOT_FOUND)
        qCWarning(lcUsb) << "release interface" << d->interfaceNumber << "of" << d->info.describe() << ":"
                         << UsbNative::errorText(rc);
    libusb_close(handle);
    qCInfo(lcUsb) << "closed" << d->info.describe();
}

QList<UsbEndpointInfo> UsbBulkDevice::endpoints(int interfaceNumber, QString *error) const
{
    if (!d->handle) {
        if (error)
            *error = QStringLiteral("endpoints: device not open");
        return {};
    }
    return UsbNative::endpointsFor(libusb_get_device(d->handle), interfaceNumber, error);
}

quint64 UsbBulkDevice::write(quint8 endpoint, const QByteArray &data, int timeoutMs)
{
    return d->submit(false, endpoint & 0x7f, data, timeoutMs);
}

quint64 UsbBulkDevice::read(quint8 endpoint, int maxLength, int timeoutMs)
{
    if (maxLength <= 0) {
        const quint64 id = d->nextId++;
        d->failLater(id, UsbTransferResult::Error,
                     d->what(true, endpoint | 0x80) + QStringLiteral(": maxLength must be > 0"));
        return id;
    }
    return d->submit(true, endpoint | 0x80, QByteArray(maxLength, '\0'), timeoutMs);
}

bool UsbBulkDevice::cancel(quint64 id)
{
    QMutexLocker lock(&d->mutex);
    Transfer *t = d->pending.value(id);
    if (!t)
        return false;
    const int rc = libusb_cancel_transfer(t->native);
    return rc == LIBUSB_SUCCESS || rc == LIBUSB_ERROR_NOT_FOUND; // NOT_FOUND: already completing
}

void UsbBulkDevice::cancelAll()
{
    QMutexLocker lock(&d->mutex);
    for (Transfer *t : std::as_const(d->pending))
        libusb_cancel_transfer(t->native);
}

bool UsbBulkDevice::clearHalt(quint8 endpoint, QString *error)
{
    if (!d->handle) {
        if (error)
            *error = QStringLiteral("clear halt %1: device not open").arg(endpointText(endpoint));
        return false;
    }
    const int rc = libusb_clear_halt(d->handle, endpoint);
    if (rc != LIBUSB_SUCCESS && error)
        *error = QStringLiteral("clear halt %1 on %2: %3")
                     .arg(endpointText(endpoint), d->info.key(), UsbNative::errorText(rc));
    return rc == LIBUSB_SUCCESS;
}

// Owner's thread.
quint64 UsbBulkDevice::Private::submit(bool in, quint8 endpoint, QByteArray buffer, int timeoutMs)
{
    const quint64 id = nextId++;
    if (!handle) {
        failLater(id, UsbTransferResult::Error, what(in, endpoint) + QStringLiteral(": device not open"));
        return id;
    }
    if (gone) {
        failLater(id, UsbTransferResult::NoDevice, what(in, endpoint) + QStringLiteral(": device unplugged"));
        return id;
    }
    if (timeoutMs <= 0) {
        failLater(id, UsbTransferResult::Error,
                  what(in, endpoint) + QStringLiteral(": timeout must be > 0 ms"));
        return id;
    }
    auto *t = new Transfer;
    t->id = id;
    t->endpoint = endpoint;
    t->timeoutMs = timeoutMs;
    t->buffer = std::move(buffer);
    t->buffer.detach();
    t->native = libusb_alloc_transfer(0);
    libusb_fill_bulk_transfer(t->native, handle, endpoint,
                              reinterpret_cast<unsigned char *>(t->buffer.data()), int(t->buffer.size()),
                              &Private::onTransferDone, this, unsigned(timeoutMs));
    t->native->user_data = this;
    QMutexLocker lock(&mutex);
    pending.insert(id, t);
    // user_data is `this`; the transfer is found again through the map by its native pointer.
    const int rc = libusb_submit_transfer(t->native);
    if (rc != LIBUSB_SUCCESS) {
        pending.remove(id);
        libusb_free_transfer(t->native);
        delete t;
        lock.unlock();
        const auto status =
            rc == LIBUSB_ERROR_NO_DEVICE ? UsbTransferResult::NoDevice : UsbTransferResult::Error;
        failLater(id, status, what(in, endpoint) + QStringLiteral(": submit: ") + UsbNative::errorText(rc));
        if (status == UsbTransferResult::NoDevice)
            markGone();
    }
    return id;
}

// Owner's thread: reports an immediate failure the same way as a completed transfer (queued).
void UsbBulkDevice::Private::failLater(quint64 id, UsbTransferResult::Status status, const QString &text)
{
    UsbTransferResult result;
    result.status = status;
    result.errorText = text;
    qCDebug(lcUsb) << text;
    QMetaObject::invokeMethod(
        q, [q = q, id, result]() { emit q->transferFinished(id, result); }, Qt::QueuedConnection);
}

// Owner's thread.
void UsbBulkDevice::Private::markGone()
{
    gone = true;
    q->cancelAll();
    if (!disconnectedEmitted) {
        disconnectedEmitted = true;
        qCInfo(lcUsb) << "unplugged while open:" << info.describe();
        emit q->disconnected();
    }
}

// Event thread. Holds the mutex while posting so that close() (which waits for `pending` to drain
// under the same mutex) cannot destroy the object between the removal and the post.
void LIBUSB_CALL UsbBulkDevice::Private::onTransferDone(libusb_transfer *native)
{
    auto *p = static_cast<Private *>(native->user_data);
    QMutexLocker lock(&p->mutex);
    Transfer *t = nullptr;
    for (auto it = p->pending.begin(); it != p->pending.end(); ++it) {
        if (it.value()->native == native) {
            t = it.value();
            p->pending.erase(it);
            break;
        }
    }
    if (!t) { // cannot happen: every submitted transfer is in the map
        libusb_free_transfer(native);
        return;
    }
    const bool in = (t->endpoint & 0x80) != 0;
    UsbTransferResult result;
    result.actualLength = native->actual_length;
    if (in)
        result.data = t->buffer.left(native->actual_length);
    switch (native->status) {
    case LIBUSB_TRANSFER_COMPLETED:
        result.status = UsbTransferResult::Completed;
        break;
    case LIBUSB_TRANSFER_TIMED_OUT:
        result.status = UsbTransferResult::TimedOut;
        break;
    case LIBUSB_TRANSFER_CANCELLED:
        result.status = p->gone ? UsbTransferResult::NoDevice : UsbTransferResult::Cancelled;
        break;
    case LIBUSB_TRANSFER_NO_DEVICE:
        result.status = UsbTransferResult::NoDevice;
        break;
    case LIBUSB_TRANSFER_STALL:
        result.status = UsbTransferResult::Stall;
        break;
    case LIBUSB_TRANSFER_OVERFLOW:
        result.status = UsbTransferResult::Overflow;
        break;
    default:
        result.status = UsbTransferResult::Error;
        break;
    }
    if (result.status == UsbTransferResult::NoDevice)
        p->gone = true;
    if (result.status != UsbTransferResult::Completed) {
        result.errorText =
            p->what(in, t->endpoint) + QStringLiteral(": ") + UsbTransferResult::statusName(result.status);
        if (result.status == UsbTransferResult::TimedOut)
            result.errorText += QStringLiteral(" after %1 ms").arg(t->timeoutMs);
        if (result.actualLength > 0)
            result.errorText += QStringLiteral(" (%1 bytes moved before)").arg(result.actualLength);
    }
    const quint64 id = t->id;
    UsbBulkDevice *q = p->q;
    const bool noDevice = result.status == UsbTransferResult::NoDevice;
    QMetaObject::invokeMethod(
        q,
        [q, id, result, noDevice]() {
            if (noDevice && q->d->handle)
                q->d->markGone();
            emit q->transferFinished(id, result);
        },
        Qt::QueuedConnection);
    libusb_free_transfer(native);
    delete t;
    if (p->pending.isEmpty())
        p->allDone.wakeAll();
}
