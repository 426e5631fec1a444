#pragma once

#include "Camera.h"
#include "DeviceSpec.h"

// The camera drivers by name (docs/devices.md): simulated (a test pattern; with a --camera-source, that
// source through OpenCV instead) and opencv (option "source").
const DeviceDrivers<Camera> &cameraDrivers();
