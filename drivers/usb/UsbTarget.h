#pragma once

#include "UsbDeviceTable.h"

#include <QString>

#include <optional>

class DeviceBuildReport;
struct DeviceBuildEnvironment;

// Which USB device a configured driver talks to, from its option "usb" ("VID:PID" or "BBB/DDD"); without
// it, the first attached device the device table gives the driver, else the table's first entry for it.
// `entry` is the table's entry for the VID:PID and driver (endpoints, interface), when there is one.
struct UsbTarget
{
    quint16 vendorId = 0;
    quint16 productId = 0;
    QString busAddress; // "001/005" when the option named one
    std::optional<UsbDeviceEntry> entry;

    // "0400:c35a" or the bus address.
    QString describe() const;
    // Null with a problem in `report` when the option is malformed or nothing can be found for `driver`.
    static std::optional<UsbTarget> resolve(const QString &driver, const DeviceBuildEnvironment &environment,
                                            DeviceBuildReport &report);
};
