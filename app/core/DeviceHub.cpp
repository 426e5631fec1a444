#include "DeviceHub.h"

#include <QVariantMap>

DeviceHub::DeviceHub(QObject *parent) : QObject(parent) {}

void DeviceHub::add(Device *device)
{
    m_devices.append(device);
    connect(device, &Device::stateChanged, this, &DeviceHub::devicesChanged);
    emit devicesChanged();
}

Device *DeviceHub::device(const QString &kind) const
{
    for (Device *d : m_devices)
        if (d->kind() == kind)
            return d;
    return nullptr;
}

QString DeviceHub::unavailableReason(const QStringList &kinds) const
{
    for (const QString &kind : kinds) {
        const Device *d = device(kind);
        if (!d)
            return tr("no %1 at this kiosk").arg(kind);
        // Busy is a passing state (reading, printing): the service stays available.
        if (d->status() == Device::Status::Unavailable)
            return QStringLiteral("%1: %2").arg(d->name(), d->reason());
    }
    return QString();
}

QString DeviceHub::kindName(const QString &kind)
{
    if (kind == QLatin1String("idcard"))
        return tr("ID card reader");
    if (kind == QLatin1String("receipt_printer"))
        return tr("receipt printer");
    if (kind == QLatin1String("scanner"))
        return tr("code scanner");
    if (kind == QLatin1String("camera"))
        return tr("camera");
    if (kind == QLatin1String("document_printer"))
        return tr("A4 printer");
    return kind;
}

QString DeviceHub::residentReason(const QStringList &kinds) const
{
    for (const QString &kind : kinds) {
        const Device *d = device(kind);
        if (!d || d->status() == Device::Status::Unavailable)
            return tr("This service needs the %1, which is not working right now. Please ask the staff.").arg(kindName(kind));
    }
    return QString();
}

QVariantList DeviceHub::devicesForDisplay() const
{
    QVariantList list;
    for (const Device *d : m_devices) {
        list.append(QVariantMap{{QStringLiteral("kind"), d->kind()},
                                {QStringLiteral("name"), d->name()},
                                {QStringLiteral("status"), Device::statusName(d->status())},
                                {QStringLiteral("reason"), d->reason()},
                                {QStringLiteral("simulated"), d->isSimulated()}});
    }
    return list;
}

void DeviceHub::startAll()
{
    for (Device *d : m_devices)
        d->start();
}

void DeviceHub::stopAll()
{
    for (Device *d : m_devices)
        d->stop();
}
