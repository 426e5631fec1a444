#include "UsbDeviceInfo.h"

QString UsbDeviceInfo::key() const
{
    return QStringLiteral("%1/%2")
        .arg(busNumber, 3, 10, QLatin1Char('0'))
        .arg(deviceAddress, 3, 10, QLatin1Char('0'));
}

QString UsbDeviceInfo::vidPid() const
{
    return QStringLiteral("%1:%2")
        .arg(vendorId, 4, 16, QLatin1Char('0'))
        .arg(productId, 4, 16, QLatin1Char('0'));
}

QString UsbDeviceInfo::deviceNode() const
{
    return QStringLiteral("/dev/bus/usb/") + key();
}

QString UsbDeviceInfo::describe() const
{
    QString text = vidPid() + QStringLiteral(" at ") + key();
    if (!product.isEmpty())
        text += QStringLiteral(" (") + product + QLatin1Char(')');
    return text;
}

QString UsbEndpointInfo::typeName(Type type)
{
    switch (type) {
    case Type::Control:
        return QStringLiteral("control");
    case Type::Isochronous:
        return QStringLiteral("isochronous");
    case Type::Bulk:
        return QStringLiteral("bulk");
    case Type::Interrupt:
        return QStringLiteral("interrupt");
    }
    return QStringLiteral("unknown");
}
