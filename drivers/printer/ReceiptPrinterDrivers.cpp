#include "ReceiptPrinterDrivers.h"

#include "NetworkReceiptPrinter.h"
#include "SimulatedReceiptPrinter.h"
#include "UsbReceiptPrinter.h"
#include "UsbTarget.h"
#include "receipt/ReceiptPrinterProfiles.h"

namespace {

// status_poll_ms: how often an idle printer is asked for its status (0: only around jobs, as a one-shot
// tool wants); each driver has its own default.
constexpr int maxStatusPollMs = 600000;

std::unique_ptr<ReceiptPrinter> simulated(const DeviceSpec &spec, const DeviceBuildEnvironment &,
                                          DeviceBuildReport &report)
{
    report.knownOptions({QStringLiteral("paper_width_mm")});
    report.describe(QStringLiteral("receipt printer: simulated"));
    return std::make_unique<SimulatedReceiptPrinter>(
        spec.name, report.intOption(QStringLiteral("paper_width_mm"), 80, 0, 1000));
}

std::unique_ptr<ReceiptPrinter> escposUsb(const DeviceSpec &spec, const DeviceBuildEnvironment &environment,
                                          DeviceBuildReport &report)
{
    if (!report.knownOptions(
            {QStringLiteral("usb"), QStringLiteral("paper_width_mm"), QStringLiteral("status_poll_ms")}))
        return nullptr;
    const std::optional<UsbTarget> target = UsbTarget::resolve(spec.driver, environment, report);
    if (!target)
        return nullptr;
    UsbReceiptPrinterConfig config;
    config.vendorId = target->vendorId;
    config.productId = target->productId;
    config.busAddress = target->busAddress;
    const ReceiptPrinterProfiles profiles = ReceiptPrinterProfiles::builtIn();
    if (const KnownReceiptPrinter *known = profiles.find(target->vendorId, target->productId)) {
        config.interfaceNumber = known->interfaceNumber;
        config.outEndpoint = known->outEndpoint;
        config.inEndpoint = known->inEndpoint;
        if (const auto it = profiles.profiles.find(known->profile); it != profiles.profiles.end())
            config.paperWidthMm = it->paperWidthMm;
    }
    config.paperWidthMm = report.intOption(QStringLiteral("paper_width_mm"), config.paperWidthMm, 0, 1000);
    config.statusPollMs =
        report.intOption(QStringLiteral("status_poll_ms"), config.statusPollMs, 0, maxStatusPollMs);
    if (!report.ok())
        return nullptr;
    report.describe(QStringLiteral("receipt printer: escpos-usb %1 %2 mm")
                        .arg(target->describe())
                        .arg(config.paperWidthMm));
    return std::make_unique<UsbReceiptPrinter>(spec.name, environment.usb, config);
}

std::unique_ptr<ReceiptPrinter> escposTcp(const DeviceSpec &spec, const DeviceBuildEnvironment &,
                                          DeviceBuildReport &report)
{
    if (!report.knownOptions({QStringLiteral("host"), QStringLiteral("port"),
                              QStringLiteral("paper_width_mm"), QStringLiteral("status_poll_ms")}))
        return nullptr;
    const QString host = report.requiredOption(QStringLiteral("host"), QStringLiteral("192.168.1.50"));
    const int port = report.intOption(QStringLiteral("port"), 9100, 1, 65535);
    const int width = report.intOption(QStringLiteral("paper_width_mm"), 80, 0, 1000);
    NetworkPrinterTimeouts timeouts;
    timeouts.statusPollMs =
        report.intOption(QStringLiteral("status_poll_ms"), timeouts.statusPollMs, 0, maxStatusPollMs);
    if (!report.ok())
        return nullptr;
    auto printer = std::make_unique<NetworkReceiptPrinter>(spec.name, host, quint16(port), width);
    printer->setTimeouts(timeouts);
    report.describe(QStringLiteral("receipt printer: escpos-tcp %1:%2 %3 mm").arg(host).arg(port).arg(width));
    return printer;
}

} // namespace

const DeviceDrivers<ReceiptPrinter> &receiptPrinterDrivers()
{
    static const DeviceDrivers<ReceiptPrinter> drivers{{QStringLiteral("simulated"), simulated},
                                                       {QStringLiteral("escpos-usb"), escposUsb},
                                                       {QStringLiteral("escpos-tcp"), escposTcp}};
    return drivers;
}
