#include "CameraDrivers.h"

#include "CameraSource.h"
#include "OpenCvCamera.h"
#include "SimulatedCamera.h"

namespace {

std::unique_ptr<Camera> opencvCamera(const DeviceSpec &spec, const DeviceBuildEnvironment &environment,
                                     DeviceBuildReport &report)
{
    const QString text =
        !environment.cameraSource.isEmpty()
            ? environment.cameraSource
            : spec.options.value(QStringLiteral("source"), QStringLiteral("v4l2:/dev/video0"));
    const CameraSource source = CameraSource::parse(text);
    if (source.kind == CameraSource::Kind::Invalid) {
        report.problem(QStringLiteral("camera source \"%1\": %2").arg(text, source.error));
        return nullptr;
    }
    report.describe(QStringLiteral("camera: %1").arg(CameraSource::kindName(source.kind)));
    return std::make_unique<OpenCvCamera>(source, spec.name);
}

std::unique_ptr<Camera> simulated(const DeviceSpec &spec, const DeviceBuildEnvironment &environment,
                                  DeviceBuildReport &report)
{
    report.knownOptions({});
    if (!environment.cameraSource.isEmpty()) // the demo's recorded source stands in for the camera
        return opencvCamera(spec, environment, report);
    report.describe(QStringLiteral("camera: simulated"));
    return std::make_unique<SimulatedCamera>(spec.name);
}

std::unique_ptr<Camera> opencv(const DeviceSpec &spec, const DeviceBuildEnvironment &environment,
                               DeviceBuildReport &report)
{
    if (!report.knownOptions({QStringLiteral("source")}))
        return nullptr;
    return opencvCamera(spec, environment, report);
}

} // namespace

const DeviceDrivers<Camera> &cameraDrivers()
{
    static const DeviceDrivers<Camera> drivers{{QStringLiteral("simulated"), simulated},
                                               {QStringLiteral("opencv"), opencv}};
    return drivers;
}
