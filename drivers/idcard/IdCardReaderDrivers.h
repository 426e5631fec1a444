#pragma once

#include "DeviceSpec.h"
#include "IdCardReader.h"

// The ID card reader drivers by name (docs/devices.md): simulated, sam-usb, sam-serial, sam-hid. The kiosk
// (app/devices) and kioskctl build their readers here, from the same options.
const DeviceDrivers<IdCardReader> &idCardReaderDrivers();
