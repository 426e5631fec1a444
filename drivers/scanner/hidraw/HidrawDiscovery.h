#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Finds HID POS scanners among /sys/class/hidraw/*: a node qualifies when its report descriptor has an
// application collection with usage page 0x8C / usage 0x02 (HidDescriptor::isHidPosScanner).
// The descriptor is read from sysfs (`<class dir>/hidrawN/device/report_descriptor`, world-readable),
// or with HIDIOCGRDESC on the node when sysfs does not have it.
// Thread: any (blocking file reads, a few hundred bytes per device).
namespace HidrawDiscovery {

struct HidrawNode
{
    QString devicePath; // "/dev/hidraw0"
    QByteArray descriptor;
    bool hidPosScanner = false;
};

// Every hidraw node with its descriptor, sorted by name. sysClassDir: "/sys/class/hidraw" (tests point it
// elsewhere; under umockdev the real default is redirected into the testbed).
QList<HidrawNode> listNodes(const QString &sysClassDir = QStringLiteral("/sys/class/hidraw"),
                            const QString &devDir = QStringLiteral("/dev"));

// The device paths of the HID POS scanners, in name order.
QStringList findHidPosScanners(const QString &sysClassDir = QStringLiteral("/sys/class/hidraw"),
                               const QString &devDir = QStringLiteral("/dev"));

// HIDIOCGRDESC on an open hidraw fd; empty on failure.
QByteArray readDescriptorIoctl(int fd);

} // namespace HidrawDiscovery
