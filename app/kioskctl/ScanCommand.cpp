// kioskctl scan listen [--device SPEC] [--count N] [--timeout S]: the codes a real scanner reads, one JSON
// line each on stdout: {"text": ..., "symbology": ...}. The scanner is built by the same driver builders
// as the kiosk's (drivers/scanner/CodeScannerDrivers.h) from the spec's site.json form. A technician's tool:
// it prints payloads in full, on purpose; nothing is logged. State changes and refused scans go to stderr.
//   SPEC: hidraw:/dev/hidraw0 | hidraw: (the first HID POS scanner found) | serial:/dev/ttyACM0 |
//         evdev:/dev/input/event5 (grabbed while listening). Default: hidraw:.
//   exit 0: N codes read (or the timeout passed when no --count was given); 1: the timeout passed before
//   N codes; 64: usage.

#include "KioskctlCommand.h"

#include "CodeScannerDrivers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {
const char kUsage[] =
    "usage: kioskctl scan listen [--device SPEC] [--count N] [--timeout S]\n"
    "  SPEC: hidraw:/dev/hidrawN | hidraw: (first HID POS scanner) | serial:/dev/ttyACMN |\n"
    "        evdev:/dev/input/eventN (keyboard wedge, grabbed while listening). Default hidraw:.\n"
    "  Prints one JSON line per code: {\"text\": ..., \"symbology\": ...}. Problems go to stderr.\n"
    "  Exit 0 when N codes were read (or S seconds passed without --count), 1 on timeout, 64 usage.\n";

int usage(const char *problem = nullptr)
{
    if (problem)
        std::fprintf(stderr, "kioskctl scan: %s\n", problem);
    std::fputs(kUsage, stderr);
    return 64;
}

// A JSON string literal (quotes, escapes; UTF-8). Keys are written by hand to keep "text" first.
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact); // ["..."]
    return array.mid(1, array.size() - 2);
}

// SPEC in its site.json form (driver and options), built as the kiosk builds it.
std::unique_ptr<CodeScanner> makeScanner(const QString &text, QString *problem)
{
    const int colon = int(text.indexOf(QLatin1Char(':')));
    const QString kind = colon < 0 ? text : text.left(colon);
    const QString path = colon < 0 ? QString() : text.mid(colon + 1);
    static const QMap<QString, QPair<QString, QString>> drivers{
        {QStringLiteral("hidraw"), {QStringLiteral("hidpos"), QStringLiteral("path")}},
        {QStringLiteral("serial"), {QStringLiteral("serial-scanner"), QStringLiteral("port")}},
        {QStringLiteral("evdev"), {QStringLiteral("wedge"), QStringLiteral("path")}}};
    if (!drivers.contains(kind)) {
        *problem = QStringLiteral("unknown device kind '%1' (hidraw, serial, evdev)").arg(kind);
        return nullptr;
    }
    if (path.isEmpty() && kind != QLatin1String("hidraw")) {
        *problem = QStringLiteral("device spec '%1' needs a path (e.g. %1:/dev/...)").arg(kind);
        return nullptr;
    }
    DeviceSpec spec;
    spec.kind = QStringLiteral("scanner");
    spec.name = QStringLiteral("kioskctl-scanner");
    spec.driver = drivers.value(kind).first;
    if (!path.isEmpty())
        spec.options.insert(drivers.value(kind).second, path);
    DeviceBuildEnvironment environment;
    environment.where = QStringLiteral("kioskctl scan --device %1").arg(text);
    DeviceBuildReport report(spec, environment.where);
    std::unique_ptr<CodeScanner> scanner =
        buildDevice(codeScannerDrivers(), spec, environment, report, QStringLiteral("a scanner"));
    if (!scanner)
        *problem = report.problems().join(QLatin1Char('\n'));
    return scanner;
}
} // namespace

int runScan(const QStringList &arguments)
{
    QStringList args = arguments;
    if (args.isEmpty() || args.takeFirst() != QLatin1String("listen"))
        return usage();
    QString spec = QStringLiteral("hidraw:");
    int count = 0;      // 0: no limit
    double timeout = 0; // 0: none
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (args.isEmpty())
            return usage(qPrintable(QStringLiteral("%1 needs a value").arg(option)));
        const QString value = args.takeFirst();
        bool ok = true;
        if (option == QLatin1String("--device")) {
            spec = value;
        } else if (option == QLatin1String("--count")) {
            count = value.toInt(&ok);
            ok = ok && count > 0;
        } else if (option == QLatin1String("--timeout")) {
            timeout = value.toDouble(&ok);
            ok = ok && timeout > 0;
        } else {
            return usage(qPrintable(QStringLiteral("unknown option %1").arg(option)));
        }
        if (!ok)
            return usage(qPrintable(QStringLiteral("bad value for %1: %2").arg(option, value)));
    }

    QString problem;
    std::unique_ptr<CodeScanner> scanner = makeScanner(spec, &problem);
    if (!scanner)
        return usage(qPrintable(problem));

    int read = 0;
    int exitCode = -1;
    auto finish = [&](int code) {
        if (exitCode < 0) {
            exitCode = code;
            QCoreApplication::exit(code);
        }
    };
    QObject::connect(scanner.get(), &CodeScanner::codeScanned, [&](const ScannedCode &code) {
        const QByteArray line =
            "{\"text\":" + jsonString(code.text) + ",\"symbology\":" + jsonString(code.symbology) + "}\n";
        std::fputs(line.constData(), stdout);
        std::fflush(stdout);
        if (count > 0 && ++read >= count)
            finish(0);
    });
    QObject::connect(
        scanner.get(), &Device::errorOccurred, [](const QString &operation, const QString &detail) {
            std::fprintf(stderr, "kioskctl scan: %s: %s\n", qPrintable(operation), qPrintable(detail));
        });
    CodeScanner *raw = scanner.get();
    QObject::connect(scanner.get(), &Device::stateChanged, [raw] {
        std::fprintf(stderr, "kioskctl scan: scanner %s%s%s\n", qPrintable(Device::statusName(raw->status())),
                     raw->reason().isEmpty() ? "" : ": ", qPrintable(raw->reason()));
    });
    QTimer timer;
    if (timeout > 0) {
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, [&] {
            if (count > 0)
                std::fprintf(stderr, "kioskctl scan: timeout after %g s: %d of %d codes\n", timeout, read,
                             count);
            finish(count > 0 ? 1 : 0);
        });
        timer.start(int(timeout * 1000));
    }
    scanner->start();
    QCoreApplication::exec();
    scanner->stop();
    return exitCode < 0 ? 0 : exitCode;
}
