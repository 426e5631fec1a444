#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class Camera;
class UsbContext;
class UsbDeviceTable;

// One device as site.json's devices[] or a technician's command line names it: its kind, its name for
// staff, the driver and the driver's options (docs/devices.md lists them).
struct DeviceSpec
{
    QString kind; // "idcard" | "receipt_printer" | "scanner" | "camera" | "document_printer"
    QString name;
    QString driver;
    QMap<QString, QString> options;
};

// What a driver's builder may use besides its spec. Pointers only: a family that needs one includes it.
struct DeviceBuildEnvironment
{
    UsbContext *usb = nullptr;                // started by the caller; null when USB could not start
    const UsbDeviceTable *usbTable = nullptr; // kiosk-config/devices/usb-devices.json; null without
    QString cameraSource;                     // --camera-source: overrides a camera's "source"
    Camera *camera = nullptr;                 // the kiosk's camera, for devices built on its frames
    QString where;                            // the config file (or command) named in every problem
};

// Building one device: reads its options with their checks, and collects what could not be understood
// ("site.json: device 'NAME' (KIND): message") and how the device was built ("idcard: sam-usb 0400:c35a").
// A builder that finds a problem returns no device; the caller refuses the whole configuration.
class DeviceBuildReport
{
public:
    DeviceBuildReport(const DeviceSpec &spec, QString where);

    // False (and a problem naming the known ones) when an option is not in `known`.
    bool knownOptions(const QStringList &known);
    // The option as a whole number in [minimum, maximum]; fallback when absent; a problem when bad.
    int intOption(const QString &key, int fallback, int minimum, int maximum);
    // The option; a problem ("driver 'D' needs option "K" (e.g. EXAMPLE)") when absent or empty.
    QString requiredOption(const QString &key, const QString &example);
    void problem(const QString &message);
    void describe(const QString &line) { m_descriptions << line; }

    bool ok() const { return m_problems.isEmpty(); }
    QStringList problems() const { return m_problems; }
    QStringList descriptions() const { return m_descriptions; }
    const DeviceSpec &spec() const { return m_spec; }

private:
    const DeviceSpec &m_spec;
    QString m_where;
    QStringList m_problems;
    QStringList m_descriptions;
};

// A family's drivers, looked up by name: each family (drivers/<family>/…Drivers.h) lists its own.
template <typename DeviceType>
using DeviceFactory = std::function<std::unique_ptr<DeviceType>(
    const DeviceSpec &, const DeviceBuildEnvironment &, DeviceBuildReport &)>;
template <typename DeviceType> using DeviceDrivers = QMap<QString, DeviceFactory<DeviceType>>;

// The device of spec.driver from `drivers`; null with a problem when the driver is unknown ("unknown driver
// 'x' for a scanner (camera, hidpos, …)") or its builder found one.
template <typename DeviceType>
std::unique_ptr<DeviceType> buildDevice(const DeviceDrivers<DeviceType> &drivers, const DeviceSpec &spec,
                                        const DeviceBuildEnvironment &environment, DeviceBuildReport &report,
                                        const QString &what)
{
    const auto it = drivers.find(spec.driver);
    if (it == drivers.end()) {
        report.problem(QStringLiteral("unknown driver '%1' for %2 (%3)")
                           .arg(spec.driver, what, QStringList(drivers.keys()).join(QStringLiteral(", "))));
        return nullptr;
    }
    std::unique_ptr<DeviceType> device = (*it)(spec, environment, report);
    return report.ok() ? std::move(device) : nullptr;
}
