#include "UsbSysfs.h"

#include <QDir>
#include <QFile>

namespace UsbSysfs {

static QString readAttribute(const QString &dir, const char *name)
{
    QFile file(dir + QLatin1Char('/') + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.read(512)).trimmed();
}

void fillStrings(UsbDeviceInfo *info)
{
    const QString root = QStringLiteral("/sys/bus/usb/devices");
    const QStringList entries = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System);
    for (const QString &entry : entries) {
        if (entry.contains(QLatin1Char(':'))) // interfaces ("1-1:1.0"), not devices
            continue;
        const QString dir = root + QLatin1Char('/') + entry;
        if (readAttribute(dir, "busnum").toInt() != info->busNumber ||
            readAttribute(dir, "devnum").toInt() != info->deviceAddress)
            continue;
        info->manufacturer = readAttribute(dir, "manufacturer");
        info->product = readAttribute(dir, "product");
        info->serialNumber = readAttribute(dir, "serial");
        return;
    }
}

} // namespace UsbSysfs
