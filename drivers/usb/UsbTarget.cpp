#include "UsbTarget.h"

#include "DeviceSpec.h"
#include "UsbContext.h"

#include <QRegularExpression>

namespace {
QString hex4(quint16 v)
{
    return QStringLiteral("%1").arg(v, 4, 16, QLatin1Char('0'));
}
} // namespace

QString UsbTarget::describe() const
{
    return vendorId != 0 ? hex4(vendorId) + QLatin1Char(':') + hex4(productId) : busAddress;
}

std::optional<UsbTarget> UsbTarget::resolve(const QString &driver, const DeviceBuildEnvironment &environment,
                                            DeviceBuildReport &report)
{
    static const QRegularExpression vidPid(QStringLiteral("^([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$"));
    static const QRegularExpression busAddress(QStringLiteral("^[0-9]{3}/[0-9]{3}$"));
    UsbTarget target;
    const QString usb = report.spec().options.value(QStringLiteral("usb"));
    if (!usb.isEmpty()) {
        if (const auto m = vidPid.match(usb); m.hasMatch()) {
            target.vendorId = quint16(m.captured(1).toUInt(nullptr, 16));
            target.productId = quint16(m.captured(2).toUInt(nullptr, 16));
        } else if (busAddress.match(usb).hasMatch()) {
            target.busAddress = usb;
        } else {
            report.problem(
                QStringLiteral("option \"usb\" is VID:PID (0400:c35a) or bus/address (001/005), found \"%1\"")
                    .arg(usb));
            return std::nullopt;
        }
    }
    const UsbDeviceTable *table = environment.usbTable;
    if (!table) {
        if (target.vendorId != 0 || !target.busAddress.isEmpty())
            return target;
        report.problem(QStringLiteral("no USB device table"));
        return std::nullopt;
    }
    if (target.vendorId == 0 && target.busAddress.isEmpty()) {
        // Whatever the technician plugged in that the table gives this driver; else the table's first.
        if (environment.usb) {
            for (const UsbDeviceInfo &info : environment.usb->devices()) {
                for (const UsbDeviceEntry &e : table->findAll(info.vendorId, info.productId)) {
                    if (e.driver == driver && target.vendorId == 0) {
                        target.vendorId = e.vendorId;
                        target.productId = e.productId;
                    }
                }
            }
        }
        for (const UsbDeviceEntry &e : table->entries()) {
            if (e.driver == driver && target.vendorId == 0) {
                target.vendorId = e.vendorId;
                target.productId = e.productId;
            }
        }
        if (target.vendorId == 0) {
            report.problem(QStringLiteral("the USB device table has no device for driver '%1'").arg(driver));
            return std::nullopt;
        }
    }
    if (target.vendorId != 0) {
        for (const UsbDeviceEntry &e : table->findAll(target.vendorId, target.productId))
            if (e.driver == driver && !target.entry)
                target.entry = e;
    }
    return target;
}
