#pragma once

#include "CodeScanner.h"
#include "DeviceSpec.h"

// The scanner driver "camera": codes read from the kiosk's camera frames (DeviceBuildEnvironment::camera,
// built first). It lives here, beside CameraCodeScanner; the kiosk adds it to codeScannerDrivers().
DeviceFactory<CodeScanner> cameraCodeScannerDriver();
