#include "UsbContext.h"

#include "UsbBulkDevice.h"
#include "UsbContextPrivate.h"
#include "UsbLogging.h"
#include "UsbNative.h"
#include "UsbSysfs.h"

#include <QDeadlineTimer>
#include <QThread>

#include <unistd.h>

UsbContext::UsbContext(QObject *parent) : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    qRegisterMetaType<UsbDeviceInfo>();
}

UsbContext::~UsbContext()
{
    stop();
}

bool UsbContext::isRunning() const
{
    return d->ctx != nullptr;
}

bool UsbContext::hasHotplug() const
{
    return d->hotplugRegistered;
}

// GUI thread.
bool UsbContext::start(QString *error)
{
    if (d->ctx)
        return true;
    libusb_context *ctx = nullptr;
    const int rc = libusb_init(&ctx);
    if (rc != LIBUSB_SUCCESS) {
        if (error)
            *error = QStringLiteral("libusb_init: ") + UsbNative::errorText(rc);
        return false;
    }
    d->ctx = ctx;
    d->stopRequested = false;

    if (libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG)) {
        const int hp = libusb_hotplug_register_callback(
            ctx,
            static_cast<libusb_hotplug_event>(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED |
                                              LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
            LIBUSB_HOTPLUG_NO_FLAGS, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
            LIBUSB_HOTPLUG_MATCH_ANY, &Private::onHotplug, d.get(), &d->hotplugHandle);
        d->hotplugRegistered = hp == LIBUSB_SUCCESS;
        if (!d->hotplugRegistered)
            qCWarning(lcUsb) << "hotplug registration failed:" << UsbNative::errorText(hp);
    } else {
        qCInfo(lcUsb) << "libusb has no hotplug support here; deviceArrived/deviceLeft will not be emitted";
    }
    for (const UsbDeviceInfo &device : devices())
        d->known.insert(device.key(), device);

    Private *p = d.get();
    d->eventThread = QThread::create([p]() {
        // Event thread: every libusb callback runs here.
        while (!p->stopRequested.load()) {
            timeval tv{0, 200 * 1000};
            const int r = libusb_handle_events_timeout_completed(p->ctx, &tv, nullptr);
            if (r != LIBUSB_SUCCESS && r != LIBUSB_ERROR_INTERRUPTED) {
                qCWarning(lcUsb) << "event loop:" << UsbNative::errorText(r);
                QThread::msleep(50);
            }
        }
    });
    d->eventThread->setObjectName(QStringLiteral("onestop-usb-events"));
    d->eventThread->start();
    qCInfo(lcUsb) << "USB context started; hotplug" << (d->hotplugRegistered ? "on" : "off");
    return true;
}

// GUI thread.
void UsbContext::stop()
{
    if (!d->ctx)
        return;
    QList<UsbBulkDevice *> stillOpen;
    {
        QMutexLocker lock(&d->openMutex);
        stillOpen = d->openDevices.values();
    }
    for (UsbBulkDevice *device : stillOpen)
        device->close();

    d->stopRequested = true;
    if (d->hotplugRegistered) {
        libusb_hotplug_deregister_callback(d->ctx, d->hotplugHandle);
        d->hotplugRegistered = false;
    }
    libusb_interrupt_event_handler(d->ctx);
    bool joined = true;
    if (d->eventThread) {
        joined = d->eventThread->wait(QDeadlineTimer(3000));
        if (joined)
            delete d->eventThread;
        else
            qCWarning(lcUsb)
                << "stop: the USB event thread did not finish within 3 s; leaving it (and libusb) running";
        d->eventThread = nullptr;
    }
    if (joined) {
        d->dropPendingArrivals();
        libusb_exit(d->ctx);
    }
    d->ctx = nullptr;
    d->known.clear();
    qCInfo(lcUsb) << "USB context stopped";
}

// Any thread.
QList<UsbDeviceInfo> UsbContext::devices() const
{
    QList<UsbDeviceInfo> result;
    if (!d->ctx)
        return result;
    libusb_device **list = nullptr;
    const ssize_t count = libusb_get_device_list(d->ctx, &list);
    if (count < 0) {
        qCWarning(lcUsb) << "list devices:" << UsbNative::errorText(int(count));
        return result;
    }
    for (ssize_t i = 0; i < count; ++i) {
        UsbDeviceInfo info = UsbNative::infoFor(list[i]);
        UsbSysfs::fillStrings(&info);
        result.append(info);
    }
    libusb_free_device_list(list, 1);
    std::sort(result.begin(), result.end(),
              [](const UsbDeviceInfo &a, const UsbDeviceInfo &b) { return a.key() < b.key(); });
    return result;
}

bool UsbContext::canOpen(const UsbDeviceInfo &device, QString *why)
{
    const QByteArray node = device.deviceNode().toLocal8Bit();
    if (::access(node.constData(), R_OK | W_OK) == 0)
        return true;
    if (why) {
        const int err = errno;
        *why = QStringLiteral("%1: %2").arg(device.deviceNode(), QString::fromLocal8Bit(strerror(err)));
        if (err == EACCES)
            *why += QStringLiteral(" (is the udev rule installed and the user in group 'onestop'?)");
    }
    return false;
}

// Event thread (inside libusb's hotplug dispatch).
int LIBUSB_CALL UsbContext::Private::onHotplug(libusb_context *, libusb_device *device,
                                               libusb_hotplug_event event, void *userData)
{
    auto *p = static_cast<Private *>(userData);
    if (event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED) {
        {
            QMutexLocker lock(&p->arrivalMutex);
            p->pendingArrivals.append(libusb_ref_device(device));
        }
        QMetaObject::invokeMethod(
            p->q, [p]() { p->deliverArrivals(); }, Qt::QueuedConnection);
    } else {
        UsbDeviceInfo basic;
        basic.busNumber = libusb_get_bus_number(device);
        basic.deviceAddress = libusb_get_device_address(device);
        libusb_device_descriptor descriptor{};
        if (libusb_get_device_descriptor(device, &descriptor) == LIBUSB_SUCCESS) {
            basic.vendorId = descriptor.idVendor;
            basic.productId = descriptor.idProduct;
        }
        QMetaObject::invokeMethod(
            p->q, [p, basic]() { p->deliverLeft(basic); }, Qt::QueuedConnection);
    }
    return 0; // stay registered
}

// GUI thread.
void UsbContext::Private::deliverArrivals()
{
    QList<libusb_device *> arrived;
    {
        QMutexLocker lock(&arrivalMutex);
        arrived.swap(pendingArrivals);
    }
    for (libusb_device *device : arrived) {
        UsbDeviceInfo info = UsbNative::infoFor(device);
        libusb_unref_device(device);
        UsbSysfs::fillStrings(&info);
        known.insert(info.key(), info);
        qCInfo(lcUsb) << "arrived:" << info.describe();
        emit q->deviceArrived(info);
    }
}

// GUI thread, from stop() after the event thread ended.
void UsbContext::Private::dropPendingArrivals()
{
    QMutexLocker lock(&arrivalMutex);
    for (libusb_device *device : std::as_const(pendingArrivals))
        libusb_unref_device(device);
    pendingArrivals.clear();
}

// GUI thread.
void UsbContext::Private::deliverLeft(UsbDeviceInfo basic)
{
    if (!ctx)
        return;
    const UsbDeviceInfo info = known.take(basic.key());
    const UsbDeviceInfo &left = info.isValid() ? info : basic;
    qCInfo(lcUsb) << "left:" << left.describe();
    emit q->deviceLeft(left);
}
