#include "HallEmulator.h"

#include "EmulatedUsbDeviceSpec.h"
#include "IdCardData.h"
#include "PrinterUsbModel.h"
#include "SamUsbModel.h"
#include "codec/HidPosReport.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace {
// "runs_out": the job bytes that still reach the paper before the roll ends (the start of a receipt).
constexpr int paperLeftWhenRunningOut = 48;
const QString scannerNode = QStringLiteral("/dev/hidraw0");

// A HID POS scanner's HID device and its hidraw node, with the report descriptor the driver's discovery
// looks for (usage page 0x8C, usage 0x02, input report 0x02 of 63 bytes).
const char scannerDescription[] =
    "P: /devices/pci0000:00/0000:00:14.0/usb1/1-9/1-9:1.0/0003:0C2E:0B61.0009\n"
    "E: SUBSYSTEM=hid\n"
    "E: HID_ID=0003:00000C2E:00000B61\n"
    "E: HID_NAME=HID POS bar code scanner (emulated)\n"
    "H: report_descriptor=058C0902A10185020912A102150026FF007508953F09FE8102C0C0\n"
    "\n"
    "P: /devices/pci0000:00/0000:00:14.0/usb1/1-9/1-9:1.0/0003:0C2E:0B61.0009/hidraw/hidraw0\n"
    "N: hidraw0\n"
    "E: DEVNAME=/dev/hidraw0\n"
    "E: SUBSYSTEM=hidraw\n"
    "E: MAJOR=243\n"
    "E: MINOR=0\n"
    "A: dev=243:0\n"
    "L: device=../../../0003:0C2E:0B61.0009\n";

EmulatedUsbDeviceSpec readerSpec()
{
    EmulatedUsbDeviceSpec spec;
    spec.vendorId = 0x0400;
    spec.productId = 0xc35a;
    spec.manufacturer = QStringLiteral("Emulated");
    spec.product = QStringLiteral("SAM ID card reader");
    EmulatedUsbInterface interface;
    interface.endpoints = {{0x02, EmulatedUsbEndpoint::Type::Bulk, 64},
                           {0x06, EmulatedUsbEndpoint::Type::Bulk, 64},
                           {0x81, EmulatedUsbEndpoint::Type::Bulk, 64},
                           {0x85, EmulatedUsbEndpoint::Type::Bulk, 64}};
    spec.interfaces = {interface};
    return spec;
}

EmulatedUsbDeviceSpec printerSpec()
{
    EmulatedUsbDeviceSpec spec = EmulatedUsbDeviceSpec::bulkPair(0x0416, 0x5011, 0x03, 0x81, 64);
    spec.interfaces[0].interfaceClass = 0x07; // printer, bidirectional
    spec.interfaces[0].interfaceSubClass = 0x01;
    spec.interfaces[0].interfaceProtocol = 0x02;
    spec.manufacturer = QStringLiteral("Emulated");
    spec.product = QStringLiteral("POS-5890");
    return spec;
}

// What a HID POS scanner sends for one scan: 64-byte input reports 0x02, up to 56 payload bytes each,
// the AIM symbology id in every report, byte 63 non-zero while more reports follow.
QByteArray hidPosReports(const QByteArray &payload, const QByteArray &aim)
{
    QByteArray reports;
    qsizetype offset = 0;
    do {
        const qsizetype chunk = qMin<qsizetype>(HidPos::kMaxDataPerReport, payload.size() - offset);
        QByteArray report(HidPos::kReportSize, '\0');
        report[0] = char(HidPos::kScanReportId);
        report[1] = char(chunk);
        for (int i = 0; i < 3 && i < aim.size(); ++i)
            report[2 + i] = aim.at(i);
        std::memcpy(report.data() + 5, payload.constData() + offset, size_t(chunk));
        offset += chunk;
        report[63] = offset < payload.size() ? 1 : 0;
        reports += report;
    } while (offset < payload.size());
    return reports;
}

bool writeAll(int fd, const QByteArray &bytes, QString *error)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *error = QStringLiteral("scanner: write to the emulated node failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        done += n;
    }
    return true;
}
} // namespace

HallEmulator::HallEmulator() = default;

HallEmulator::~HallEmulator() = default;

QString HallEmulator::testbedDir() const
{
    return qEnvironmentVariable("UMOCKDEV_DIR");
}

bool HallEmulator::start(QString *error)
{
    if (!UsbEmulator::isAvailable(error))
        return false;
    if (!plugReader(error) || !plugPrinter(error))
        return false;
    return setPlugged(QStringLiteral("scanner"), true, error);
}

bool HallEmulator::plugReader(QString *error)
{
    m_reader = std::make_unique<SamUsbModel>(true);
    m_readerKey = m_usb.addDevice(readerSpec(), m_reader.get(), error);
    return !m_readerKey.isEmpty();
}

bool HallEmulator::plugPrinter(QString *error)
{
    if (!m_printer)
        m_printer = std::make_unique<PrinterUsbModel>();
    m_printerKey = m_usb.addDevice(printerSpec(), m_printer.get(), error);
    return !m_printerKey.isEmpty();
}

bool HallEmulator::placeCard(const IdCardData &card, QString *error)
{
    if (m_readerKey.isEmpty()) {
        *error = QStringLiteral("the reader is unplugged");
        return false;
    }
    m_reader->withModel([&card](Sam::SamModuleModel &model) { model.placeCard(card); });
    return true;
}

bool HallEmulator::removeCard(QString *error)
{
    if (m_readerKey.isEmpty()) {
        *error = QStringLiteral("the reader is unplugged");
        return false;
    }
    m_reader->withModel([](Sam::SamModuleModel &model) { model.removeCard(); });
    return true;
}

bool HallEmulator::scan(const QString &text, QString *error)
{
    if (!m_scannerPlugged) {
        *error = QStringLiteral("the scanner is unplugged");
        return false;
    }
    const int fd = m_usb.deviceEndFd(scannerNode);
    if (fd < 0) {
        *error = QStringLiteral("scanner: %1 has no stream behind it").arg(scannerNode);
        return false;
    }
    return writeAll(fd, hidPosReports(text.toUtf8(), QByteArrayLiteral("]Q1")), error);
}

bool HallEmulator::setPaper(const QString &state, QString *error)
{
    if (state == QLatin1String("ok"))
        m_printer->setState(PrinterUsbModel::State::Ready);
    else if (state == QLatin1String("low"))
        m_printer->setState(PrinterUsbModel::State::PaperNearEnd);
    else if (state == QLatin1String("out"))
        m_printer->setState(PrinterUsbModel::State::PaperOut);
    else if (state == QLatin1String("runs_out"))
        m_printer->setPaperOutAfter(paperLeftWhenRunningOut); // the roll ends during the next job
    else {
        *error = QStringLiteral("paper must be ok, low, out or runs_out");
        return false;
    }
    return true;
}

bool HallEmulator::setPlugged(const QString &kind, bool plugged, QString *error)
{
    if (kind == QLatin1String("idcard")) {
        if (plugged == !m_readerKey.isEmpty())
            return true;
        if (plugged)
            return plugReader(error);
        m_usb.removeDevice(m_readerKey);
        m_readerKey.clear();
        return true;
    }
    if (kind == QLatin1String("receipt_printer")) {
        if (plugged == !m_printerKey.isEmpty())
            return true;
        if (plugged)
            return plugPrinter(error);
        m_usb.removeDevice(m_printerKey);
        m_printerKey.clear();
        return true;
    }
    if (kind == QLatin1String("scanner")) {
        if (plugged == m_scannerPlugged)
            return true;
        if (!plugged) {
            *error = QStringLiteral("unplugging the emulated scanner is not supported");
            return false;
        }
        if (!m_usb.addFromDescription(QString::fromLatin1(scannerDescription), error))
            return false;
        m_scannerPlugged = true;
        return true;
    }
    *error = QStringLiteral("the emulated hall has no '%1' (idcard, receipt_printer, scanner)").arg(kind);
    return false;
}

QByteArray HallEmulator::printed() const
{
    return m_printer ? m_printer->paper() : QByteArray();
}
