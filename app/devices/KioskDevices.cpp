#include "KioskDevices.h"

#include "CameraCodeScanner.h"
#include "CameraSource.h"
#include "HidPosScanner.h"
#include "NetworkReceiptPrinter.h"
#include "OpenCvCamera.h"
#include "ReceiptJobQueue.h"
#include "SamIdCardReader.h"
#include "SerialScanner.h"
#include "SimulatedCamera.h"
#include "SimulatedCodeScanner.h"
#include "SimulatedIdCardReader.h"
#include "SimulatedReceiptPrinter.h"
#include "UsbContext.h"
#include "UsbDeviceTable.h"
#include "UsbReceiptPrinter.h"
#include "WedgeScanner.h"
#include "WltPhotoDecoder.h"
#include "receipt/ReceiptPrinterProfiles.h"
#include "transport/HidSamTransport.h"
#include "transport/SerialSamTransport.h"
#include "transport/UsbSamTransport.h"

#include <QRegularExpression>

// Builds one KioskDevices from the config; collects every problem instead of stopping at the first.
class KioskDevicesBuilder
{
public:
    KioskDevicesBuilder(const SiteConfig &site, const KioskDevices::Inputs &inputs, KioskDevices &out)
        : m_site(site), m_inputs(inputs), m_out(out)
    {
    }

    void build();
    QStringList errors;

private:
    // The driver this kiosk runs for a device kind: as configured, or (mode real) the real default.
    QString driverFor(const DeviceConfig &d) const;
    void problem(const DeviceConfig &d, const QString &message);
    bool checkOptions(const DeviceConfig &d, const QStringList &known);
    int intOption(const DeviceConfig &d, const QString &key, int fallback, int minimum, int maximum);
    // "VID:PID" or "BBB/DDD" in option "usb"; when absent, the first attached device the table gives
    // `driver`, else the table's first entry for it.
    bool usbTarget(const DeviceConfig &d, const QString &driver, quint16 *vid, quint16 *pid, QString *key,
                   std::optional<UsbDeviceEntry> *entry);

    void buildReader(const DeviceConfig &d);
    void buildPrinter(const DeviceConfig &d);
    void buildScanner(const DeviceConfig &d);
    void buildCamera(const DeviceConfig &d);

    const SiteConfig &m_site;
    const KioskDevices::Inputs &m_inputs;
    KioskDevices &m_out;
};

namespace {
DeviceConfig configFor(const SiteConfig &site, const QString &kind)
{
    if (const DeviceConfig *d = site.device(kind))
        return *d;
    DeviceConfig d; // a kind site.json leaves out: simulated in the demo, found in --devices real
    d.kind = kind;
    d.driver = QStringLiteral("simulated");
    d.name = kind;
    return d;
}

QString hex4(quint16 v)
{
    return QStringLiteral("%1").arg(v, 4, 16, QLatin1Char('0'));
}
} // namespace

QString KioskDevicesBuilder::driverFor(const DeviceConfig &d) const
{
    if (m_inputs.mode == KioskDevices::Mode::Simulated)
        return QStringLiteral("simulated");
    if (m_inputs.mode == KioskDevices::Mode::Real && d.driver == QLatin1String("simulated")) {
        if (d.kind == QLatin1String("idcard"))
            return QStringLiteral("sam-usb");
        if (d.kind == QLatin1String("receipt_printer"))
            return QStringLiteral("escpos-usb");
        if (d.kind == QLatin1String("scanner"))
            return QStringLiteral("hidpos");
        if (d.kind == QLatin1String("camera"))
            return QStringLiteral("opencv");
    }
    return d.driver;
}

void KioskDevicesBuilder::problem(const DeviceConfig &d, const QString &message)
{
    errors << QStringLiteral("%1: device '%2' (%3): %4").arg(m_inputs.configFile, d.name, d.kind, message);
}

bool KioskDevicesBuilder::checkOptions(const DeviceConfig &d, const QStringList &known)
{
    bool ok = true;
    for (auto it = d.options.cbegin(); it != d.options.cend(); ++it) {
        if (!known.contains(it.key())) {
            problem(d, QStringLiteral("driver '%1' has no option \"%2\" (it knows: %3)")
                           .arg(driverFor(d), it.key(), known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", "))));
            ok = false;
        }
    }
    return ok;
}

int KioskDevicesBuilder::intOption(const DeviceConfig &d, const QString &key, int fallback, int minimum, int maximum)
{
    if (!d.options.contains(key))
        return fallback;
    bool ok = false;
    const int value = d.options.value(key).toInt(&ok);
    if (!ok || value < minimum || value > maximum) {
        problem(d, QStringLiteral("option \"%1\" must be a whole number from %2 to %3, found \"%4\"")
                       .arg(key).arg(minimum).arg(maximum).arg(d.options.value(key)));
        return fallback;
    }
    return value;
}

bool KioskDevicesBuilder::usbTarget(const DeviceConfig &d, const QString &driver, quint16 *vid, quint16 *pid,
                                    QString *key, std::optional<UsbDeviceEntry> *entry)
{
    static const QRegularExpression vidPid(QStringLiteral("^([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$"));
    static const QRegularExpression busAddress(QStringLiteral("^[0-9]{3}/[0-9]{3}$"));
    const QString usb = d.options.value(QStringLiteral("usb"));
    const UsbDeviceTable *table = m_inputs.usbTable;
    if (!usb.isEmpty()) {
        if (const auto m = vidPid.match(usb); m.hasMatch()) {
            *vid = quint16(m.captured(1).toUInt(nullptr, 16));
            *pid = quint16(m.captured(2).toUInt(nullptr, 16));
        } else if (busAddress.match(usb).hasMatch()) {
            *key = usb;
        } else {
            problem(d, QStringLiteral("option \"usb\" is VID:PID (0400:c35a) or bus/address (001/005), found \"%1\"").arg(usb));
            return false;
        }
    }
    if (!table)
        return *vid != 0 || !key->isEmpty() || (problem(d, QStringLiteral("no USB device table")), false);
    if (*vid == 0 && key->isEmpty()) {
        // Whatever the technician plugged in that the table gives this driver; else the table's first.
        if (m_inputs.usb) {
            for (const UsbDeviceInfo &info : m_inputs.usb->devices()) {
                for (const UsbDeviceEntry &e : table->findAll(info.vendorId, info.productId)) {
                    if (e.driver == driver && *vid == 0) {
                        *vid = e.vendorId;
                        *pid = e.productId;
                    }
                }
            }
        }
        for (const UsbDeviceEntry &e : table->entries()) {
            if (e.driver == driver && *vid == 0) {
                *vid = e.vendorId;
                *pid = e.productId;
            }
        }
        if (*vid == 0) {
            problem(d, QStringLiteral("the USB device table has no device for driver '%1'").arg(driver));
            return false;
        }
    }
    if (*vid != 0) {
        for (const UsbDeviceEntry &e : table->findAll(*vid, *pid))
            if (e.driver == driver && !entry->has_value())
                *entry = e;
    }
    return true;
}

void KioskDevicesBuilder::buildReader(const DeviceConfig &d)
{
    const QString driver = driverFor(d);
    if (driver == QLatin1String("simulated")) {
        checkOptions(d, {});
        auto *reader = new SimulatedIdCardReader(d.name);
        m_out.m_simReader = reader;
        m_out.m_reader.reset(reader);
        m_out.m_descriptions << QStringLiteral("idcard: simulated");
        return;
    }
    SamIdCardReader::Options options;
    options.pollIntervalMs = intOption(d, QStringLiteral("poll_ms"), options.pollIntervalMs, 300, 500);
    options.readAppendedAddress = d.options.value(QStringLiteral("read_address")) == QLatin1String("true");
    const auto photos = std::make_shared<const WltPhotoDecoder>(d.options.value(QStringLiteral("wlt_library")));
    const QStringList common = {QStringLiteral("poll_ms"), QStringLiteral("read_address"), QStringLiteral("wlt_library")};
    SamTransport *transport = nullptr;
    if (driver == QLatin1String("sam-usb")) {
        if (!checkOptions(d, common + QStringList{QStringLiteral("usb"), QStringLiteral("layout")}))
            return;
        if (!m_inputs.usb) {
            // USB did not start (the log says why): the reader exists, unavailable.
        }
        quint16 vid = 0, pid = 0;
        QString key;
        std::optional<UsbDeviceEntry> entry;
        if (!usbTarget(d, driver, &vid, &pid, &key, &entry))
            return;
        UsbSamTransport::Endpoints endpoints;
        const QString layout = d.options.value(QStringLiteral("layout"));
        const bool split = layout.isEmpty() ? (entry && entry->endpoints.contains(QStringLiteral("out_body")))
                                            : layout == QLatin1String("split");
        if (!layout.isEmpty() && layout != QLatin1String("split") && layout != QLatin1String("single")) {
            problem(d, QStringLiteral("option \"layout\" is \"single\" or \"split\", found \"%1\"").arg(layout));
            return;
        }
        if (split)
            endpoints = UsbSamTransport::Endpoints::split();
        if (entry) {
            const bool hasSplitRoles = entry->endpoints.contains(QStringLiteral("out_header"));
            if (auto out = entry->endpointAddress(hasSplitRoles ? QStringLiteral("out_header") : QStringLiteral("out")))
                endpoints.out = *out;
            if (auto in = entry->endpointAddress(hasSplitRoles ? QStringLiteral("in_header") : QStringLiteral("in")))
                endpoints.in = *in;
            if (auto out = entry->endpointAddress(QStringLiteral("out_body")))
                endpoints.bodyOut = *out;
            if (auto in = entry->endpointAddress(QStringLiteral("in_body")))
                endpoints.bodyIn = *in;
            if (entry->interfaceNumber >= 0)
                endpoints.interfaceNumber = entry->interfaceNumber;
        }
        UsbSamTransport::Match match;
        match.vendorId = vid;
        match.productId = pid;
        match.key = key;
        transport = new UsbSamTransport(m_inputs.usb, match, endpoints);
        m_out.m_descriptions << QStringLiteral("idcard: sam-usb %1 (%2)").arg(vid ? QStringLiteral("%1:%2").arg(hex4(vid), hex4(pid)) : key, split ? QStringLiteral("split pipes") : QStringLiteral("one pipe pair"));
    } else if (driver == QLatin1String("sam-serial")) {
        if (!checkOptions(d, common + QStringList{QStringLiteral("port"), QStringLiteral("baud")}))
            return;
        const QString port = d.options.value(QStringLiteral("port"));
        if (port.isEmpty()) {
            problem(d, QStringLiteral("driver 'sam-serial' needs option \"port\" (e.g. /dev/ttyUSB0)"));
            return;
        }
        const int baud = intOption(d, QStringLiteral("baud"), 115200, 9600, 115200);
        transport = new SerialSamTransport(port, baud);
        m_out.m_descriptions << QStringLiteral("idcard: sam-serial %1 at %2 baud").arg(port).arg(baud);
    } else if (driver == QLatin1String("sam-hid")) {
        if (!checkOptions(d, common + QStringList{QStringLiteral("path")}))
            return;
        const QString path = d.options.value(QStringLiteral("path"));
        if (path.isEmpty()) {
            problem(d, QStringLiteral("driver 'sam-hid' needs option \"path\" (e.g. /dev/hidraw2)"));
            return;
        }
        transport = new HidSamTransport(path);
        m_out.m_descriptions << QStringLiteral("idcard: sam-hid %1").arg(path);
    } else {
        problem(d, QStringLiteral("unknown driver '%1' for an ID card reader (simulated, sam-usb, sam-serial, sam-hid)").arg(driver));
        return;
    }
    m_out.m_reader = std::make_unique<SamIdCardReader>(d.name, transport, options, photos);
}

void KioskDevicesBuilder::buildPrinter(const DeviceConfig &d)
{
    const QString driver = driverFor(d);
    const ReceiptPrinterProfiles profiles = ReceiptPrinterProfiles::builtIn();
    if (driver == QLatin1String("simulated")) {
        checkOptions(d, {QStringLiteral("paper_width_mm")});
        auto *printer = new SimulatedReceiptPrinter(d.name, intOption(d, QStringLiteral("paper_width_mm"), 80, 0, 1000));
        m_out.m_simPrinter = printer;
        m_out.m_printer.reset(printer);
        m_out.m_descriptions << QStringLiteral("receipt printer: simulated");
        return;
    }
    if (driver == QLatin1String("escpos-usb")) {
        if (!checkOptions(d, {QStringLiteral("usb"), QStringLiteral("paper_width_mm")}))
            return;
        quint16 vid = 0, pid = 0;
        QString key;
        std::optional<UsbDeviceEntry> entry;
        if (!usbTarget(d, driver, &vid, &pid, &key, &entry))
            return;
        UsbReceiptPrinterConfig config;
        config.vendorId = vid;
        config.productId = pid;
        config.busAddress = key;
        if (const KnownReceiptPrinter *known = profiles.find(vid, pid)) {
            config.interfaceNumber = known->interfaceNumber;
            config.outEndpoint = known->outEndpoint;
            config.inEndpoint = known->inEndpoint;
            if (const auto it = profiles.profiles.find(known->profile); it != profiles.profiles.end())
                config.paperWidthMm = it->paperWidthMm;
        }
        config.paperWidthMm = intOption(d, QStringLiteral("paper_width_mm"), config.paperWidthMm, 0, 1000);
        m_out.m_printerTransport = std::make_unique<UsbReceiptPrinter>(d.name, m_inputs.usb, config);
        m_out.m_descriptions << QStringLiteral("receipt printer: escpos-usb %1:%2 %3 mm").arg(hex4(vid), hex4(pid)).arg(config.paperWidthMm);
    } else if (driver == QLatin1String("escpos-tcp")) {
        if (!checkOptions(d, {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("paper_width_mm")}))
            return;
        const QString host = d.options.value(QStringLiteral("host"));
        if (host.isEmpty()) {
            problem(d, QStringLiteral("driver 'escpos-tcp' needs option \"host\""));
            return;
        }
        const int port = intOption(d, QStringLiteral("port"), 9100, 1, 65535);
        const int width = intOption(d, QStringLiteral("paper_width_mm"), 80, 0, 1000);
        m_out.m_printerTransport = std::make_unique<NetworkReceiptPrinter>(d.name, host, quint16(port), width);
        m_out.m_descriptions << QStringLiteral("receipt printer: escpos-tcp %1:%2 %3 mm").arg(host).arg(port).arg(width);
    } else {
        problem(d, QStringLiteral("unknown driver '%1' for a receipt printer (simulated, escpos-usb, escpos-tcp)").arg(driver));
        return;
    }
    // A job that could not print waits for the printer and completes exactly once (drivers/printer).
    m_out.m_printer = std::make_unique<ReceiptJobQueue>(m_out.m_printerTransport.get());
}

void KioskDevicesBuilder::buildScanner(const DeviceConfig &d)
{
    const QString driver = driverFor(d);
    if (driver == QLatin1String("simulated")) {
        checkOptions(d, {});
        auto *scanner = new SimulatedCodeScanner(d.name);
        m_out.m_simScanner = scanner;
        m_out.m_scanner.reset(scanner);
        m_out.m_descriptions << QStringLiteral("scanner: simulated");
    } else if (driver == QLatin1String("hidpos")) {
        if (!checkOptions(d, {QStringLiteral("path")}))
            return;
        m_out.m_scanner = std::make_unique<HidPosScanner>(d.name, d.options.value(QStringLiteral("path")));
        m_out.m_descriptions << QStringLiteral("scanner: hidpos %1").arg(d.options.value(QStringLiteral("path"), QStringLiteral("(discovered)")));
    } else if (driver == QLatin1String("serial-scanner")) {
        if (!checkOptions(d, {QStringLiteral("port"), QStringLiteral("baud")}))
            return;
        const QString port = d.options.value(QStringLiteral("port"));
        if (port.isEmpty()) {
            problem(d, QStringLiteral("driver 'serial-scanner' needs option \"port\" (e.g. /dev/ttyACM0)"));
            return;
        }
        m_out.m_scanner = std::make_unique<SerialScanner>(d.name, port, nullptr, intOption(d, QStringLiteral("baud"), 9600, 1200, 921600));
        m_out.m_descriptions << QStringLiteral("scanner: serial %1").arg(port);
    } else if (driver == QLatin1String("wedge")) {
        if (!checkOptions(d, {QStringLiteral("path")}))
            return;
        const QString path = d.options.value(QStringLiteral("path"));
        if (path.isEmpty()) {
            problem(d, QStringLiteral("driver 'wedge' needs option \"path\" (e.g. /dev/input/by-id/…-event-kbd)"));
            return;
        }
        m_out.m_scanner = std::make_unique<WedgeScanner>(d.name, path);
        m_out.m_descriptions << QStringLiteral("scanner: keyboard wedge %1").arg(path);
    } else if (driver == QLatin1String("camera")) {
        if (!checkOptions(d, {}))
            return;
        if (!m_out.m_camera) {
            problem(d, QStringLiteral("driver 'camera' needs a camera device"));
            return;
        }
        m_out.m_scanner = std::make_unique<CameraCodeScanner>(m_out.m_camera.get(), CodeFormat::QRCode, d.name);
        m_out.m_descriptions << QStringLiteral("scanner: codes from the camera");
    } else {
        problem(d, QStringLiteral("unknown driver '%1' for a scanner (simulated, hidpos, serial-scanner, wedge, camera)").arg(driver));
    }
}

void KioskDevicesBuilder::buildCamera(const DeviceConfig &d)
{
    const QString driver = driverFor(d);
    if (driver == QLatin1String("simulated") && m_inputs.cameraSource.isEmpty()) {
        checkOptions(d, {});
        auto *camera = new SimulatedCamera(d.name);
        m_out.m_simCamera = camera;
        m_out.m_camera.reset(camera);
        m_out.m_descriptions << QStringLiteral("camera: simulated");
        return;
    }
    if (driver != QLatin1String("opencv") && driver != QLatin1String("simulated")) {
        problem(d, QStringLiteral("unknown driver '%1' for a camera (simulated, opencv)").arg(driver));
        return;
    }
    if (driver == QLatin1String("opencv") && !checkOptions(d, {QStringLiteral("source")}))
        return;
    const QString text = !m_inputs.cameraSource.isEmpty() ? m_inputs.cameraSource
                                                          : d.options.value(QStringLiteral("source"), QStringLiteral("v4l2:/dev/video0"));
    const CameraSource source = CameraSource::parse(text);
    if (source.kind == CameraSource::Kind::Invalid) {
        problem(d, QStringLiteral("camera source \"%1\": %2").arg(text, source.error));
        return;
    }
    m_out.m_camera = std::make_unique<OpenCvCamera>(source, d.name);
    m_out.m_descriptions << QStringLiteral("camera: %1").arg(CameraSource::kindName(source.kind));
}

void KioskDevicesBuilder::build()
{
    // In --devices real, a device the config leaves simulated is found instead; the simulator's options
    // (e.g. its paper width) do not describe the device that is found, so they are dropped.
    const auto effective = [this](const QString &kind) {
        DeviceConfig d = configFor(m_site, kind);
        if (m_inputs.mode == KioskDevices::Mode::Real && d.driver == QLatin1String("simulated"))
            d.options.clear();
        return d;
    };
    buildCamera(effective(QStringLiteral("camera")));
    buildReader(effective(QStringLiteral("idcard")));
    buildScanner(effective(QStringLiteral("scanner")));
    buildPrinter(effective(QStringLiteral("receipt_printer")));
}

std::unique_ptr<KioskDevices> KioskDevices::build(const SiteConfig &site, const Inputs &inputs, QStringList *errors)
{
    std::unique_ptr<KioskDevices> devices(new KioskDevices);
    KioskDevicesBuilder builder(site, inputs, *devices);
    builder.build();
    if (!builder.errors.isEmpty()) {
        *errors = builder.errors;
        return nullptr;
    }
    return devices;
}

KioskDevices::~KioskDevices()
{
    // Users first: the queue before its transport, the camera scanner before the camera.
    m_printer.reset();
    m_printerTransport.reset();
    m_scanner.reset();
    m_reader.reset();
    m_camera.reset();
}

QList<Device *> KioskDevices::all() const
{
    return {m_reader.get(), m_scanner.get(), m_printer.get(), m_camera.get()};
}
