#include "CameraCodeScannerDriver.h"

#include "CameraCodeScanner.h"

DeviceFactory<CodeScanner> cameraCodeScannerDriver()
{
    return [](const DeviceSpec &spec, const DeviceBuildEnvironment &environment,
              DeviceBuildReport &report) -> std::unique_ptr<CodeScanner> {
        if (!report.knownOptions({}))
            return nullptr;
        if (!environment.camera) {
            report.problem(QStringLiteral("driver 'camera' needs a camera device"));
            return nullptr;
        }
        report.describe(QStringLiteral("scanner: codes from the camera"));
        return std::make_unique<CameraCodeScanner>(environment.camera, CodeFormat::QRCode, spec.name);
    };
}
