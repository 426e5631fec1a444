#include "CodeScannerDrivers.h"

#include "HidPosScanner.h"
#include "SerialScanner.h"
#include "SimulatedCodeScanner.h"
#include "WedgeScanner.h"

namespace {

std::unique_ptr<CodeScanner> simulated(const DeviceSpec &spec, const DeviceBuildEnvironment &,
                                       DeviceBuildReport &report)
{
    report.knownOptions({});
    report.describe(QStringLiteral("scanner: simulated"));
    return std::make_unique<SimulatedCodeScanner>(spec.name);
}

std::unique_ptr<CodeScanner> hidpos(const DeviceSpec &spec, const DeviceBuildEnvironment &,
                                    DeviceBuildReport &report)
{
    if (!report.knownOptions({QStringLiteral("path")}))
        return nullptr;
    const QString path = spec.options.value(QStringLiteral("path")); // empty: the first HID POS scanner found
    report.describe(
        QStringLiteral("scanner: hidpos %1").arg(path.isEmpty() ? QStringLiteral("(discovered)") : path));
    return std::make_unique<HidPosScanner>(spec.name, path);
}

std::unique_ptr<CodeScanner> serial(const DeviceSpec &spec, const DeviceBuildEnvironment &,
                                    DeviceBuildReport &report)
{
    if (!report.knownOptions({QStringLiteral("port"), QStringLiteral("baud")}))
        return nullptr;
    const QString port = report.requiredOption(QStringLiteral("port"), QStringLiteral("/dev/ttyACM0"));
    const int baud = report.intOption(QStringLiteral("baud"), 9600, 1200, 921600);
    if (!report.ok())
        return nullptr;
    report.describe(QStringLiteral("scanner: serial %1").arg(port));
    return std::make_unique<SerialScanner>(spec.name, port, nullptr, baud);
}

std::unique_ptr<CodeScanner> wedge(const DeviceSpec &spec, const DeviceBuildEnvironment &,
                                   DeviceBuildReport &report)
{
    if (!report.knownOptions({QStringLiteral("path")}))
        return nullptr;
    const QString path =
        report.requiredOption(QStringLiteral("path"), QStringLiteral("/dev/input/by-id/…-event-kbd"));
    if (!report.ok())
        return nullptr;
    report.describe(QStringLiteral("scanner: keyboard wedge %1").arg(path));
    return std::make_unique<WedgeScanner>(spec.name, path);
}

} // namespace

const DeviceDrivers<CodeScanner> &codeScannerDrivers()
{
    static const DeviceDrivers<CodeScanner> drivers{{QStringLiteral("simulated"), simulated},
                                                    {QStringLiteral("hidpos"), hidpos},
                                                    {QStringLiteral("serial-scanner"), serial},
                                                    {QStringLiteral("wedge"), wedge}};
    return drivers;
}
