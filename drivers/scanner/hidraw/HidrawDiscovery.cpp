#include "HidrawDiscovery.h"

#include "HidReportDescriptor.h"

#include <QDir>
#include <QFile>

#include <fcntl.h>
#include <linux/hidraw.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace HidrawDiscovery {

QByteArray readDescriptorIoctl(int fd)
{
    int size = 0;
    if (::ioctl(fd, HIDIOCGRDESCSIZE, &size) < 0 || size <= 0 || size > HID_MAX_DESCRIPTOR_SIZE)
        return {};
    hidraw_report_descriptor descriptor{};
    descriptor.size = quint32(size);
    if (::ioctl(fd, HIDIOCGRDESC, &descriptor) < 0)
        return {};
    return QByteArray(reinterpret_cast<const char *>(descriptor.value), size);
}

namespace {
QByteArray descriptorOf(const QString &sysClassDir, const QString &name, const QString &devicePath)
{
    QFile sysfs(sysClassDir + QLatin1Char('/') + name + QStringLiteral("/device/report_descriptor"));
    if (sysfs.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = sysfs.read(HID_MAX_DESCRIPTOR_SIZE);
        if (!bytes.isEmpty())
            return bytes;
    }
    const int fd = ::open(QFile::encodeName(devicePath).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return {};
    QByteArray bytes = readDescriptorIoctl(fd);
    ::close(fd);
    return bytes;
}
} // namespace

QList<HidrawNode> listNodes(const QString &sysClassDir, const QString &devDir)
{
    QList<HidrawNode> nodes;
    const QStringList names = QDir(sysClassDir)
                                  .entryList({QStringLiteral("hidraw*")},
                                             QDir::Dirs | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        HidrawNode node;
        node.devicePath = devDir + QLatin1Char('/') + name;
        node.descriptor = descriptorOf(sysClassDir, name, node.devicePath);
        node.hidPosScanner = HidDescriptor::isHidPosScanner(node.descriptor);
        nodes.append(node);
    }
    return nodes;
}

QStringList findHidPosScanners(const QString &sysClassDir, const QString &devDir)
{
    QStringList paths;
    for (const HidrawNode &node : listNodes(sysClassDir, devDir)) {
        if (node.hidPosScanner)
            paths.append(node.devicePath);
    }
    return paths;
}

} // namespace HidrawDiscovery
