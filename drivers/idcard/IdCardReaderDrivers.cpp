#include "IdCardReaderDrivers.h"

#include "SamIdCardReader.h"
#include "SimulatedIdCardReader.h"
#include "UsbTarget.h"
#include "WltPhotoDecoder.h"
#include "transport/HidSamTransport.h"
#include "transport/SerialSamTransport.h"
#include "transport/UsbSamTransport.h"

namespace {

const QStringList commonOptions{QStringLiteral("poll_ms"), QStringLiteral("read_address"),
                                QStringLiteral("wlt_library"), QStringLiteral("reopen_ms")};

// A SAM reader over `transport` with the options every SAM driver knows; the reader owns the transport.
std::unique_ptr<IdCardReader> samReader(const DeviceSpec &spec, DeviceBuildReport &report,
                                        SamTransport *transport)
{
    SamIdCardReader::Options options;
    options.pollIntervalMs = report.intOption(QStringLiteral("poll_ms"), options.pollIntervalMs, 300, 500);
    // reopen_ms 0: a one-shot tool (kioskctl) that reports an absent reader instead of waiting for it.
    options.reopenIntervalMs =
        report.intOption(QStringLiteral("reopen_ms"), options.reopenIntervalMs, 0, 600000);
    options.readAppendedAddress = spec.options.value(QStringLiteral("read_address")) == QLatin1String("true");
    const auto photos =
        std::make_shared<const WltPhotoDecoder>(spec.options.value(QStringLiteral("wlt_library")));
    return std::make_unique<SamIdCardReader>(spec.name, transport, options, photos);
}

std::unique_ptr<IdCardReader> simulated(const DeviceSpec &spec, const DeviceBuildEnvironment &,
                                        DeviceBuildReport &report)
{
    report.knownOptions({});
    report.describe(QStringLiteral("idcard: simulated"));
    return std::make_unique<SimulatedIdCardReader>(spec.name);
}

std::unique_ptr<IdCardReader> samUsb(const DeviceSpec &spec, const DeviceBuildEnvironment &environment,
                                     DeviceBuildReport &report)
{
    if (!report.knownOptions(commonOptions + QStringList{QStringLiteral("usb"), QStringLiteral("layout")}))
        return nullptr;
    const std::optional<UsbTarget> target = UsbTarget::resolve(spec.driver, environment, report);
    if (!target)
        return nullptr;
    const QString layout = spec.options.value(QStringLiteral("layout"));
    if (!layout.isEmpty() && layout != QLatin1String("split") && layout != QLatin1String("single")) {
        report.problem(
            QStringLiteral("option \"layout\" is \"single\" or \"split\", found \"%1\"").arg(layout));
        return nullptr;
    }
    const std::optional<UsbDeviceEntry> &entry = target->entry;
    const bool split = layout.isEmpty() ? (entry && entry->endpoints.contains(QStringLiteral("out_body")))
                                        : layout == QLatin1String("split");
    UsbSamTransport::Endpoints endpoints =
        split ? UsbSamTransport::Endpoints::split() : UsbSamTransport::Endpoints();
    if (entry) {
        const bool hasSplitRoles = entry->endpoints.contains(QStringLiteral("out_header"));
        if (auto out =
                entry->endpointAddress(hasSplitRoles ? QStringLiteral("out_header") : QStringLiteral("out")))
            endpoints.out = *out;
        if (auto in =
                entry->endpointAddress(hasSplitRoles ? QStringLiteral("in_header") : QStringLiteral("in")))
            endpoints.in = *in;
        if (auto out = entry->endpointAddress(QStringLiteral("out_body")))
            endpoints.bodyOut = *out;
        if (auto in = entry->endpointAddress(QStringLiteral("in_body")))
            endpoints.bodyIn = *in;
        if (entry->interfaceNumber >= 0)
            endpoints.interfaceNumber = entry->interfaceNumber;
    }
    UsbSamTransport::Match match;
    match.vendorId = target->vendorId;
    match.productId = target->productId;
    match.key = target->busAddress;
    // Without a started USB context the reader exists, unavailable with the reason (the log says why).
    auto *transport = new UsbSamTransport(environment.usb, match, endpoints);
    report.describe(QStringLiteral("idcard: sam-usb %1 (%2)")
                        .arg(target->describe(),
                             split ? QStringLiteral("split pipes") : QStringLiteral("one pipe pair")));
    return samReader(spec, report, transport);
}

std::unique_ptr<IdCardReader> samSerial(const DeviceSpec &spec, const DeviceBuildEnvironment &,
                                        DeviceBuildReport &report)
{
    if (!report.knownOptions(commonOptions + QStringList{QStringLiteral("port"), QStringLiteral("baud")}))
        return nullptr;
    const QString port = report.requiredOption(QStringLiteral("port"), QStringLiteral("/dev/ttyUSB0"));
    const int baud = report.intOption(QStringLiteral("baud"), 115200, 9600, 115200);
    if (!report.ok())
        return nullptr;
    report.describe(QStringLiteral("idcard: sam-serial %1 at %2 baud").arg(port).arg(baud));
    return samReader(spec, report, new SerialSamTransport(port, baud));
}

std::unique_ptr<IdCardReader> samHid(const DeviceSpec &spec, const DeviceBuildEnvironment &,
                                     DeviceBuildReport &report)
{
    if (!report.knownOptions(commonOptions + QStringList{QStringLiteral("path")}))
        return nullptr;
    const QString path = report.requiredOption(QStringLiteral("path"), QStringLiteral("/dev/hidraw2"));
    if (!report.ok())
        return nullptr;
    report.describe(QStringLiteral("idcard: sam-hid %1").arg(path));
    return samReader(spec, report, new HidSamTransport(path));
}

} // namespace

const DeviceDrivers<IdCardReader> &idCardReaderDrivers()
{
    static const DeviceDrivers<IdCardReader> drivers{{QStringLiteral("simulated"), simulated},
                                                     {QStringLiteral("sam-usb"), samUsb},
                                                     {QStringLiteral("sam-serial"), samSerial},
                                                     {QStringLiteral("sam-hid"), samHid}};
    return drivers;
}
