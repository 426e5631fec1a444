#pragma once

#include "CodeScanner.h"
#include "DeviceSpec.h"

// The scanner drivers of this family by name (docs/devices.md): simulated, hidpos, serial-scanner, wedge.
// The scanner on the camera's frames ("camera") is drivers/camera/codes' (cameraCodeScannerDriver()); the
// kiosk adds it to these.
const DeviceDrivers<CodeScanner> &codeScannerDrivers();
