#include "UsbEmulator.h"

#include "UsbfsHandler.h"

#include <QStringList>
#include <map>

#include <memory>
#include <mutex>

namespace {
QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex()).toUpper(); // umockdev wants upper case in N: lines
}

QString hex4(quint16 value)
{
    return QStringLiteral("%1").arg(value, 4, 16, QLatin1Char('0'));
}

// A .umockdev description (see umockdev's docs/format): sysfs attributes (A:, H: binary), udev
// properties (E:), the device node (N:) whose read() gives the descriptors, like real usbfs.
QString describe(const EmulatedUsbDeviceSpec &spec, const QString &sysPath, int port,
                 const QByteArray &descriptors)
{
    const QString bus = QStringLiteral("%1").arg(spec.busNumber, 3, 10, QLatin1Char('0'));
    const QString dev = QStringLiteral("%1").arg(spec.deviceAddress, 3, 10, QLatin1Char('0'));
    const int minor = (spec.busNumber - 1) * 128 + spec.deviceAddress - 1;
    QStringList lines;
    lines << QStringLiteral("P: ") + sysPath.mid(4) // without "/sys"
          << QStringLiteral("N: bus/usb/%1/%2=%3").arg(bus, dev, hex(descriptors))
          << QStringLiteral("E: DEVNAME=/dev/bus/usb/%1/%2").arg(bus, dev)
          << QStringLiteral("E: DEVTYPE=usb_device") << QStringLiteral("E: DRIVER=usb")
          << QStringLiteral("E: SUBSYSTEM=usb")
          << QStringLiteral("E: PRODUCT=%1/%2/%3")
                 .arg(QString::number(spec.vendorId, 16), QString::number(spec.productId, 16),
                      QString::number(spec.bcdDevice, 16))
          << QStringLiteral("E: BUSNUM=") + bus << QStringLiteral("E: DEVNUM=") + dev
          << QStringLiteral("E: MAJOR=189") << QStringLiteral("E: MINOR=%1").arg(minor)
          << QStringLiteral("E: ID_VENDOR_ID=") + hex4(spec.vendorId)
          << QStringLiteral("E: ID_MODEL_ID=") + hex4(spec.productId) << QStringLiteral("E: ID_BUS=usb")
          << QStringLiteral("A: busnum=%1").arg(spec.busNumber)
          << QStringLiteral("A: devnum=%1").arg(spec.deviceAddress)
          << QStringLiteral("A: devpath=%1").arg(port) << QStringLiteral("A: idVendor=") + hex4(spec.vendorId)
          << QStringLiteral("A: idProduct=") + hex4(spec.productId)
          << QStringLiteral("A: bcdDevice=") + hex4(spec.bcdDevice)
          << QStringLiteral("A: bDeviceClass=%1").arg(spec.deviceClass, 2, 16, QLatin1Char('0'))
          << QStringLiteral("A: bNumConfigurations=1") << QStringLiteral("A: bConfigurationValue=1")
          << QStringLiteral("A: bNumInterfaces=%1").arg(spec.interfaces.size(), 2)
          << QStringLiteral("A: speed=12") << QStringLiteral("A: dev=189:%1").arg(minor);
    if (!spec.manufacturer.isEmpty())
        lines << QStringLiteral("A: manufacturer=") + spec.manufacturer;
    if (!spec.product.isEmpty())
        lines << QStringLiteral("A: product=") + spec.product;
    if (!spec.serialNumber.isEmpty())
        lines << QStringLiteral("A: serial=") + spec.serialNumber;
    lines << QStringLiteral("H: descriptors=") + hex(descriptors);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
} // namespace

struct UsbEmulator::Private
{
    struct Device
    {
        QString sysPath;
        QString devNode;
        std::unique_ptr<UsbfsHandler> handler;
        bool removed = false;
    };

    UMockdevTestbed *testbed = nullptr;
    // Shared with every UsbfsHandler: the worker thread takes it per ioctl.
    mutable std::mutex mutex;
    std::map<QString, Device> devices;
    std::map<int, int> nextAddress; // per bus
    int nextPort = 1;

    Device *find(const QString &key)
    {
        auto it = devices.find(key);
        return it == devices.end() ? nullptr : &it->second;
    }
};

UsbEmulator::UsbEmulator() : d(std::make_unique<Private>())
{
    d->testbed = umockdev_testbed_new();
}

UsbEmulator::~UsbEmulator()
{
    for (auto &entry : d->devices) {
        if (!entry.second.removed)
            removeDevice(entry.first);
    }
    for (auto &entry : d->devices)
        umockdev_testbed_detach_ioctl(d->testbed, entry.second.devNode.toUtf8().constData(), nullptr);
    g_object_unref(d->testbed);
    d->devices.clear();
}

bool UsbEmulator::isAvailable(QString *why)
{
    // umockdev_in_mock_environment() is only reliable once a testbed exists; the preload is what matters.
    if (qgetenv("LD_PRELOAD").contains("libumockdev-preload"))
        return true;
    if (why)
        *why = QStringLiteral("not running under umockdev (start the test with umockdev-wrapper)");
    return false;
}

QString UsbEmulator::addDevice(const EmulatedUsbDeviceSpec &specIn, UsbDeviceModel *model, QString *error)
{
    EmulatedUsbDeviceSpec spec = specIn;
    if (spec.busNumber == 0)
        spec.busNumber = 1;
    if (spec.deviceAddress == 0) {
        int &next = d->nextAddress[spec.busNumber];
        spec.deviceAddress = quint8(qMax(next, 2));
        next = spec.deviceAddress + 1;
    }
    const QString key = QStringLiteral("%1/%2")
                            .arg(spec.busNumber, 3, 10, QLatin1Char('0'))
                            .arg(spec.deviceAddress, 3, 10, QLatin1Char('0'));
    if (d->find(key)) {
        if (error)
            *error = QStringLiteral("add device %1: address already used in this emulator").arg(key);
        return QString();
    }
    const int port = d->nextPort++;
    Private::Device device;
    device.sysPath =
        QStringLiteral("/sys/devices/pci0000:00/0000:00:14.0/usb%1/%1-%2").arg(spec.busNumber).arg(port);
    device.devNode = QStringLiteral("/dev/bus/usb/") + key;
    device.handler = std::make_unique<UsbfsHandler>(&d->mutex, spec, model);

    GError *gerror = nullptr;
    const QByteArray description = describe(spec, device.sysPath, port, spec.descriptors()).toUtf8();
    if (!umockdev_testbed_add_from_string(d->testbed, description.constData(), &gerror)) {
        if (error)
            *error = QStringLiteral("add device %1: %2\n%3")
                         .arg(key, QString::fromUtf8(gerror ? gerror->message : "?"),
                              QString::fromUtf8(description));
        if (gerror)
            g_error_free(gerror);
        return QString();
    }
    if (!umockdev_testbed_attach_ioctl(d->testbed, device.devNode.toUtf8().constData(),
                                       device.handler->ioctlBase(), &gerror)) {
        if (error)
            *error = QStringLiteral("attach usbfs handler to %1: %2")
                         .arg(device.devNode, QString::fromUtf8(gerror ? gerror->message : "?"));
        if (gerror)
            g_error_free(gerror);
        umockdev_testbed_remove_device(d->testbed, device.sysPath.toUtf8().constData());
        return QString();
    }
    d->devices.emplace(key, std::move(device));
    return key;
}

void UsbEmulator::removeDevice(const QString &key)
{
    Private::Device *device = d->find(key);
    if (!device || device->removed)
        return;
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        device->handler->unplug();
    }
    device->removed = true;
    const QByteArray sysPath = device->sysPath.toUtf8();
    umockdev_testbed_uevent(d->testbed, sysPath.constData(), "remove");
    umockdev_testbed_remove_device(d->testbed, sysPath.constData());
}

void UsbEmulator::setStalled(const QString &key, quint8 endpoint, bool stalled)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    if (Private::Device *device = d->find(key))
        device->handler->setStalled(endpoint, stalled);
}

bool UsbEmulator::isClaimed(const QString &key, int interfaceNumber) const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    auto it = d->devices.find(key);
    return it != d->devices.end() && it->second.handler->isClaimed(interfaceNumber);
}

int UsbEmulator::urbsInFlight(const QString &key) const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    auto it = d->devices.find(key);
    return it == d->devices.end() ? 0 : it->second.handler->urbsInFlight();
}

QString UsbEmulator::sysfsPath(const QString &key) const
{
    auto it = d->devices.find(key);
    return it == d->devices.end() ? QString() : it->second.sysPath;
}

bool UsbEmulator::addFromDescription(const QString &umockdevText, QString *error)
{
    GError *gerror = nullptr;
    if (!umockdev_testbed_add_from_string(d->testbed, umockdevText.toUtf8().constData(), &gerror)) {
        if (error)
            *error = QStringLiteral("umockdev refused the description: %1").arg(QString::fromUtf8(gerror->message));
        g_error_free(gerror);
        return false;
    }
    return true;
}

int UsbEmulator::deviceEndFd(const QString &devNode) const
{
    return umockdev_testbed_get_dev_fd(d->testbed, devNode.toUtf8().constData());
}
