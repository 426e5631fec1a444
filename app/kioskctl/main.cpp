// kioskctl: the technician's command-line tool. Each subcommand lives in its own file.

#include "KioskctlCommand.h"

#include <QGuiApplication>

#include <cstdio>
#include <cstring>

namespace {
const KioskctlCommand commands[] = {
    {"sam-decode", "decode one ID card reader (SAM) response frame into JSON", runSamDecode},
    {"pin-hash", "the digest of a technician PIN (read from stdin) for site.json technician.pin", runPinHash},
    {"escpos-decode", "decode an ESC/POS byte stream into JSON lines [--png OUT]", runEscposDecode},
    {"print-test", "print a test receipt and report the printer's status before and after", runPrintTest},
    {"idcard", "read one ID card from a real reader: idcard read [--device SPEC] [--full]", runIdcard},
    {"devices", "list attached USB devices, their driver and permissions [--json]", runDevices},
    {"scan", "print the codes a real scanner reads as JSON lines: scan listen [--device SPEC] [--count N]", runScan},
    {"scan-image", "2D codes in image files, one JSON line a file [--formats qr,datamatrix,pdf417]", runScanImage},
    {"store", "quarantined case stores: store list|recover --data-dir DIR [--key-file FILE]", runStore},
    {"outbox", "parked outbox items: outbox list|requeue SEQ|export --data-dir DIR [--key-file FILE]", runOutbox},
};

int usage(FILE *out)
{
    std::fprintf(out, "usage: kioskctl COMMAND [ARGS]\n\ncommands:\n");
    for (const KioskctlCommand &c : commands)
        std::fprintf(out, "  %-16s %s\n", c.name, c.summary);
    return out == stdout ? 0 : 64;
}
} // namespace

int main(int argc, char *argv[])
{
    // A GUI application for the renderers (fonts, images); offscreen unless told otherwise, since a
    // technician's shell has no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    if (arguments.isEmpty())
        return usage(stderr);
    const QString name = arguments.takeFirst();
    if (name == QLatin1String("help") || name == QLatin1String("--help") || name == QLatin1String("-h"))
        return usage(stdout);
    for (const KioskctlCommand &c : commands) {
        if (name == QLatin1String(c.name))
            return c.run(arguments);
    }
    std::fprintf(stderr, "kioskctl: unknown command '%s'\n\n", qPrintable(name));
    return usage(stderr);
}
