// onestop-hall-emulator: the service hall's USB devices, emulated, for the demo and the end-to-end test
// with --devices real. Run it under umockdev-wrapper; it prints
//   UMOCKDEV_DIR=<testbed>      (run the kiosk with this and the umockdev preload library)
//   ready
// and then serves the hall protocol on --control PATH until it is terminated (SIGTERM/SIGINT), when it
// writes every byte that reached the receipt paper to --printed FILE. Each request is logged on stderr as
// "hall: <what> [paper N]", N the paper's length in bytes when it came.

#include "HallControlServer.h"
#include "HallEmulator.h"
#include "SampleResidents.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &byte, 1);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Emulated hall devices (ID card reader, receipt printer, HID POS scanner)."));
    parser.addHelpOption();
    const QCommandLineOption controlOption(QStringLiteral("control"), QStringLiteral("Local socket for the hall protocol."), QStringLiteral("PATH"));
    const QCommandLineOption residentsOption(QStringLiteral("residents"), QStringLiteral("Sample residents (residents.json)."), QStringLiteral("FILE"));
    const QCommandLineOption printedOption(QStringLiteral("printed"), QStringLiteral("Where the receipt paper goes at exit."), QStringLiteral("FILE"));
    parser.addOptions({controlOption, residentsOption, printedOption});
    parser.process(app);
    if (!parser.isSet(controlOption)) {
        std::fprintf(stderr, "onestop-hall-emulator: --control PATH is required\n");
        return 64;
    }

    QVector<IdCardData> residents;
    if (parser.isSet(residentsOption)) {
        const auto loaded = SampleResidents::load(parser.value(residentsOption));
        if (!loaded.ok()) {
            std::fprintf(stderr, "onestop-hall-emulator: %s\n", qPrintable(loaded.errorText()));
            return 3;
        }
        residents = loaded.value();
    }

    HallEmulator hall;
    QString error;
    if (!hall.start(&error)) {
        std::fprintf(stderr, "onestop-hall-emulator: %s\n", qPrintable(error));
        return 1;
    }
    HallControlServer server(hall, residents);
    // Each request with how many bytes had reached the paper when it came: a test cuts the paper at the
    // moments its scenario marks (what was printed after a session ended).
    QObject::connect(&server, &HallControlServer::requestHandled, [&hall](const QString &what) {
        std::fprintf(stderr, "hall: %s [paper %lld]\n", qPrintable(what), qlonglong(hall.printed().size()));
    });
    if (!server.listen(parser.value(controlOption), &error)) {
        std::fprintf(stderr, "onestop-hall-emulator: %s\n", qPrintable(error));
        return 1;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) != 0)
        return 1;
    QSocketNotifier signalNotifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    std::printf("UMOCKDEV_DIR=%s\nready\n", qPrintable(hall.testbedDir()));
    std::fflush(stdout);
    const int status = app.exec();

    if (parser.isSet(printedOption)) {
        QFile out(parser.value(printedOption));
        if (!out.open(QIODevice::WriteOnly) || out.write(hall.printed()) != hall.printed().size()) {
            std::fprintf(stderr, "onestop-hall-emulator: cannot write %s\n", qPrintable(parser.value(printedOption)));
            return 1;
        }
    }
    return status;
}
