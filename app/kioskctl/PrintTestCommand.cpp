// kioskctl print-test receipt [--printer SPEC] [--lang zh|en] [--width 58|80] [--save FILE] [--timeout-ms N]
// Prints the test receipt (kiosk-config/receipts/test-receipt.*.txt: logo, Chinese + English text, bold,
// underline, QR, CODE128) on a real receipt printer and reports its status before and after the job.
//   SPEC: usb:0416:5011 (VID:PID), usb:001/005 (bus/address), tcp:HOST:PORT, or a known printer's name
//         from kiosk-config/devices/receipt-printers.json ("POS-5890"); default: the first known USB
//         receipt printer attached.
//   exit 0: printed; 1: the job failed (the reason is printed); 64: usage; 69: no such printer / it
//   never became ready; 73: --save could not write the file.
// The printer is built by the same driver builders as the kiosk's (drivers/printer/ReceiptPrinterDrivers.h),
// without the kiosk's job queue. `print-test document` is PrintTestDocumentCommand.cpp.

#include "KioskctlCommand.h"

#include "ReceiptPrinterDrivers.h"
#include "ReceiptPrinterProfiles.h"
#include "ReceiptTemplate.h"
#include "UsbContext.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

namespace {
const char kUsage[] =
    "usage: kioskctl print-test receipt [--printer SPEC] [--lang zh|en] [--width 58|80] [--save FILE]\n"
    "                                   [--timeout-ms N]\n"
    "  Prints a test receipt (logo, Chinese and English, QR, barcode) and reports the printer's status\n"
    "  before and after. SPEC: usb:VID:PID, usb:BUS/ADDR, tcp:HOST:PORT or a known printer's name;\n"
    "  default: the first known USB receipt printer attached. --width: paper for tcp (default 80).\n"
    "  --save also writes the bytes sent. Exit 0 printed, 1 job failed, 64 usage, 69 no printer, 73 save.\n"
    "       kioskctl print-test document ...   (A4 through CUPS; see `kioskctl print-test document "
    "--help`)\n";

int fail(int code, const QString &what)
{
    std::fprintf(stderr, "kioskctl print-test: %s\n", qPrintable(what));
    return code;
}

QString describeState(const Device &d)
{
    QString text = Device::statusName(d.status());
    if (!d.reason().isEmpty())
        text += QStringLiteral(" (") + d.reason() + QLatin1Char(')');
    return text;
}

// Runs the event loop until done() or timeoutMs.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer tick, deadline;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    tick.start(20);
    deadline.setSingleShot(true);
    deadline.start(timeoutMs);
    if (!done())
        loop.exec();
    return done();
}

int printTestReceipt(const QStringList &arguments)
{
    QString spec, language = QStringLiteral("zh"), save;
    int width = 80, timeoutMs = 20000;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString a = arguments.at(i);
        const bool hasValue = i + 1 < arguments.size();
        if (a == QLatin1String("--printer") && hasValue)
            spec = arguments.at(++i);
        else if (a == QLatin1String("--lang") && hasValue)
            language = arguments.at(++i);
        else if (a == QLatin1String("--width") && hasValue)
            width = arguments.at(++i).toInt();
        else if (a == QLatin1String("--save") && hasValue)
            save = arguments.at(++i);
        else if (a == QLatin1String("--timeout-ms") && hasValue)
            timeoutMs = arguments.at(++i).toInt();
        else
            return std::fputs(kUsage, stderr), 64;
    }
    if ((width != 58 && width != 80) || timeoutMs <= 0 ||
        (language != QLatin1String("zh") && language != QLatin1String("en")))
        return std::fputs(kUsage, stderr), 64;

    const ReceiptPrinterProfiles profiles = ReceiptPrinterProfiles::builtIn();
    // A known printer's name stands for its usb:VID:PID.
    for (const KnownReceiptPrinter &k : profiles.devices)
        if (!spec.isEmpty() && spec.compare(k.name, Qt::CaseInsensitive) == 0)
            spec = QStringLiteral("usb:%1:%2")
                       .arg(k.vendorId, 4, 16, QLatin1Char('0'))
                       .arg(k.productId, 4, 16, QLatin1Char('0'));

    DeviceSpec printerSpec;
    printerSpec.kind = QStringLiteral("receipt_printer");
    printerSpec.name = QStringLiteral("print-test");
    DeviceBuildEnvironment environment;
    environment.where = QStringLiteral("kioskctl print-test --printer %1").arg(spec);
    ReceiptPrinterProfile profile = *profiles.forPaperWidth(width);
    QString where;
    std::unique_ptr<UsbContext> usb;
    if (spec.startsWith(QLatin1String("tcp:"))) {
        const QString rest = spec.mid(4);
        const int colon = int(rest.lastIndexOf(QLatin1Char(':')));
        bool ok = false;
        const int port = colon > 0 ? rest.mid(colon + 1).toInt(&ok) : 0;
        if (!ok || port < 1 || port > 65535)
            return fail(64, QStringLiteral("--printer %1: expected tcp:HOST:PORT").arg(spec));
        printerSpec.driver = QStringLiteral("escpos-tcp");
        printerSpec.options = {{QStringLiteral("host"), rest.left(colon)},
                               {QStringLiteral("port"), QString::number(port)},
                               {QStringLiteral("paper_width_mm"), QString::number(width)}};
        where = QStringLiteral("tcp %1").arg(rest);
    } else if (spec.isEmpty() || spec.startsWith(QLatin1String("usb:"))) {
        usb = std::make_unique<UsbContext>();
        QString error;
        if (!usb->start(&error))
            return fail(69, error);
        const QString id = spec.mid(4);
        UsbDeviceInfo found;
        for (const UsbDeviceInfo &d : usb->devices()) {
            const bool known = profiles.find(d.vendorId, d.productId);
            if ((id.isEmpty() && known) || d.key() == id || d.vidPid() == id.toLower()) {
                found = d;
                break;
            }
        }
        if (!found.isValid())
            return fail(
                69, id.isEmpty()
                        ? QStringLiteral("no known USB receipt printer attached (see receipt-printers.json)")
                        : QStringLiteral("no USB device %1 attached").arg(id));
        if (const KnownReceiptPrinter *k = profiles.find(found.vendorId, found.productId))
            profile = profiles.profiles.value(k->profile, profile);
        // By VID:PID (the profile's interface and endpoints apply) unless a bus address picked the device.
        printerSpec.driver = QStringLiteral("escpos-usb");
        printerSpec.options = {
            {QStringLiteral("usb"), id.contains(QLatin1Char('/')) ? found.key() : found.vidPid()},
            {QStringLiteral("paper_width_mm"), QString::number(profile.paperWidthMm)}};
        environment.usb = usb.get();
        where = QStringLiteral("usb %1").arg(found.describe());
    } else {
        return fail(64, QStringLiteral(
                            "--printer %1: expected usb:VID:PID, usb:BUS/ADDR, tcp:HOST:PORT or a known name")
                            .arg(spec));
    }
    printerSpec.options.insert(QStringLiteral("status_poll_ms"),
                               QStringLiteral("0")); // status around the job only
    DeviceBuildReport report(printerSpec, environment.where);
    const std::unique_ptr<ReceiptPrinter> printer = buildDevice(
        receiptPrinterDrivers(), printerSpec, environment, report, QStringLiteral("a receipt printer"));
    if (!printer)
        return fail(64, report.problems().join(QLatin1Char('\n')));

    QString error;
    const ReceiptTemplate t = ReceiptTemplate::load(QStringLiteral("test-receipt"), language, &error);
    const QHash<QString, QString> fields{
        {QStringLiteral("center_name"), language == QLatin1String("zh") ? QStringLiteral("一网通办自助终端")
                                                                        : QStringLiteral("OneStop Kiosk")},
        {QStringLiteral("printed_at"),
         QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))},
        {QStringLiteral("tracking_qr"), QStringLiteral("https://example.gov.cn/print-test")},
        {QStringLiteral("barcode"), QStringLiteral("TEST-0001")},
        {QStringLiteral("test_line"), QStringLiteral("%1 mm, %2 dots, %3 columns")
                                          .arg(profile.paperWidthMm)
                                          .arg(profile.dots)
                                          .arg(profile.charsPerLine)}};
    const QByteArray bytes =
        t.render(fields, ReceiptPaper::forProfile(profile, ReceiptTemplate::builtInLogo()), &error);
    if (bytes.isEmpty())
        return fail(1, error);
    if (!save.isEmpty()) {
        QFile file(save);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return fail(73, QStringLiteral("%1: %2").arg(save, file.errorString()));
    }

    std::printf("printer: %s (profile %s)\n", qPrintable(where), qPrintable(profile.id));
    printer->start();
    waitUntil([&] { return printer->status() != Device::Status::Busy; }, timeoutMs);
    std::printf("status before: %s\n", qPrintable(describeState(*printer)));
    if (printer->status() != Device::Status::Ready) {
        printer->stop();
        return 69;
    }
    QString outcome;
    QObject::connect(printer.get(), &ReceiptPrinter::jobCompleted, printer.get(),
                     [&] { outcome = QStringLiteral("printed"); });
    QObject::connect(
        printer.get(), &ReceiptPrinter::jobFailed, printer.get(),
        [&](const QString &, const QString &reason) { outcome = QStringLiteral("failed: ") + reason; });
    printer->print(QStringLiteral("print-test"), bytes);
    if (!waitUntil([&] { return !outcome.isEmpty(); }, timeoutMs))
        outcome = QStringLiteral("failed: no answer within %1 ms").arg(timeoutMs);
    std::printf("job: %s (%d bytes)\n", qPrintable(outcome), int(bytes.size()));
    std::printf("status after: %s\n", qPrintable(describeState(*printer)));
    std::fflush(stdout);
    printer->stop();
    return outcome == QLatin1String("printed") ? 0 : 1;
}
} // namespace

int runPrintTest(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return std::fputs(kUsage, stderr), 64;
    const QString what = arguments.first();
    if (what == QLatin1String("receipt"))
        return printTestReceipt(arguments.mid(1));
    if (what == QLatin1String("document"))
        return runPrintTestDocument(arguments.mid(1)); // PrintTestDocumentCommand.cpp (H5)
    return std::fputs(kUsage, stderr), 64;
}
