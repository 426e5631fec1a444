#pragma once

#include "UsbDeviceInfo.h"

// The string descriptors the kernel already read (sysfs manufacturer/product/serial), so listing devices
// never opens them. Finds the sysfs directory by busnum/devnum under /sys/bus/usb/devices.
// Any thread (plain file reads); missing files leave the strings empty.
namespace UsbSysfs {
void fillStrings(UsbDeviceInfo *info);
}
