#pragma once

// INTERNAL to onestop_usb (includes libusb): never include from outside drivers/usb.

#include "UsbDeviceInfo.h"

#include <libusb.h>

namespace UsbNative {
// Descriptor fields + bus/address + interface classes of the active configuration. Reads only cached
// descriptors (sysfs), never opens the device. Strings are not filled (see UsbSysfs).
// Any thread.
UsbDeviceInfo infoFor(libusb_device *device);
// Endpoints of interface `interfaceNumber` (alternate setting 0) of the active configuration.
QList<UsbEndpointInfo> endpointsFor(libusb_device *device, int interfaceNumber, QString *error);
// "LIBUSB_ERROR_ACCESS (permission denied)"
QString errorText(int libusbError);
} // namespace UsbNative
