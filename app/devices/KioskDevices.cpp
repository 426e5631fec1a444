#include "KioskDevices.h"

#include "CameraCodeScannerDriver.h"
#include "CameraDrivers.h"
#include "CodeScannerDrivers.h"
#include "DocumentPrinter.h"
#include "DocumentPrinterDrivers.h"
#include "IdCardReaderDrivers.h"
#include "ReceiptJobQueue.h"
#include "ReceiptPrinterDrivers.h"
#include "SimulatedCamera.h"
#include "SimulatedCodeScanner.h"
#include "SimulatedIdCardReader.h"
#include "SimulatedReceiptPrinter.h"

namespace {

// The spec of a kind as this kiosk runs it: as configured; a kind site.json leaves out is simulated (in
// --devices real, found instead). In --devices simulated every driver is the simulator (a real driver's
// options dropped); in --devices real
// a device the config leaves simulated gets the real default driver, and the simulator's options (e.g.
// its paper width) are dropped, since they do not describe the device that is found.
DeviceSpec specFor(const SiteConfig &site, const QString &kind, KioskDevices::Mode mode)
{
    DeviceSpec spec;
    spec.kind = kind;
    spec.name = kind;
    spec.driver = QStringLiteral("simulated");
    if (const DeviceConfig *d = site.device(kind)) {
        spec.name = d->name;
        spec.driver = d->driver;
        spec.options = d->options;
    }
    if (mode == KioskDevices::Mode::Simulated) {
        if (spec.driver != QLatin1String("simulated"))
            spec.options.clear(); // a real driver's options do not describe its simulator
        spec.driver = QStringLiteral("simulated");
    } else if (mode == KioskDevices::Mode::Real && spec.driver == QLatin1String("simulated")) {
        static const QMap<QString, QString> realDefaults{
            {QStringLiteral("idcard"), QStringLiteral("sam-usb")},
            {QStringLiteral("receipt_printer"), QStringLiteral("escpos-usb")},
            {QStringLiteral("scanner"), QStringLiteral("hidpos")},
            {QStringLiteral("camera"), QStringLiteral("opencv")}};
        spec.driver = realDefaults.value(kind, spec.driver);
        spec.options.clear();
    }
    return spec;
}

// Builds one device of a family; its problems and description go to the lists.
template <typename DeviceType>
std::unique_ptr<DeviceType> buildOne(const DeviceDrivers<DeviceType> &drivers, const DeviceSpec &spec,
                                     const DeviceBuildEnvironment &environment, const QString &what,
                                     QStringList *errors, QStringList *descriptions)
{
    DeviceBuildReport report(spec, environment.where);
    std::unique_ptr<DeviceType> device = buildDevice(drivers, spec, environment, report, what);
    *errors += report.problems();
    *descriptions += report.descriptions();
    return device;
}

} // namespace

std::unique_ptr<KioskDevices> KioskDevices::build(const SiteConfig &site, const Inputs &inputs,
                                                  QStringList *errors)
{
    std::unique_ptr<KioskDevices> out(new KioskDevices);
    QStringList problems;
    DeviceBuildEnvironment environment;
    environment.usb = inputs.usb;
    environment.usbTable = inputs.usbTable;
    environment.cameraSource = inputs.cameraSource;
    environment.where = inputs.configFile;

    // The camera first: the camera scanner reads its frames.
    out->m_camera = buildOne(cameraDrivers(), specFor(site, QStringLiteral("camera"), inputs.mode),
                             environment, QStringLiteral("a camera"), &problems, &out->m_descriptions);
    out->m_simCamera = qobject_cast<SimulatedCamera *>(out->m_camera.get());
    environment.camera = out->m_camera.get();

    out->m_reader =
        buildOne(idCardReaderDrivers(), specFor(site, QStringLiteral("idcard"), inputs.mode), environment,
                 QStringLiteral("an ID card reader"), &problems, &out->m_descriptions);
    out->m_simReader = qobject_cast<SimulatedIdCardReader *>(out->m_reader.get());

    DeviceDrivers<CodeScanner> scanners = codeScannerDrivers();
    scanners.insert(QStringLiteral("camera"), cameraCodeScannerDriver());
    out->m_scanner = buildOne(scanners, specFor(site, QStringLiteral("scanner"), inputs.mode), environment,
                              QStringLiteral("a scanner"), &problems, &out->m_descriptions);
    out->m_simScanner = qobject_cast<SimulatedCodeScanner *>(out->m_scanner.get());

    std::unique_ptr<ReceiptPrinter> printer =
        buildOne(receiptPrinterDrivers(), specFor(site, QStringLiteral("receipt_printer"), inputs.mode),
                 environment, QStringLiteral("a receipt printer"), &problems, &out->m_descriptions);
    out->m_simPrinter = qobject_cast<SimulatedReceiptPrinter *>(printer.get());
    if (printer && !out->m_simPrinter) {
        // A job that could not print waits for the printer and completes exactly once (drivers/printer).
        out->m_printerTransport = std::move(printer);
        out->m_printer = std::make_unique<ReceiptJobQueue>(out->m_printerTransport.get());
    } else {
        out->m_printer = std::move(printer);
    }

    // A4 is optional: built only when site.json names a document printer (simulated in --devices simulated).
    if (site.device(QStringLiteral("document_printer"))) {
        out->m_documentPrinter =
            buildOne(documentPrinterDrivers(), specFor(site, QStringLiteral("document_printer"), inputs.mode),
                     environment, QStringLiteral("a document printer"), &problems, &out->m_descriptions);
    }

    if (!problems.isEmpty()) {
        *errors = problems;
        return nullptr;
    }
    return out;
}

KioskDevices::~KioskDevices()
{
    // Users first: the queue before its transport, the camera scanner before the camera.
    m_documentPrinter.reset();
    m_printer.reset();
    m_printerTransport.reset();
    m_scanner.reset();
    m_reader.reset();
    m_camera.reset();
}

QList<Device *> KioskDevices::all() const
{
    QList<Device *> devices{m_reader.get(), m_scanner.get(), m_printer.get(), m_camera.get()};
    if (m_documentPrinter)
        devices << m_documentPrinter.get();
    return devices;
}
