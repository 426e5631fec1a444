#include "DocumentPrinterDrivers.h"

#include "CupsDocumentPrinter.h"
#include "SimulatedDocumentPrinter.h"

#include <QRegularExpression>

namespace {

std::unique_ptr<DocumentPrinter> simulated(const DeviceSpec &spec, const DeviceBuildEnvironment &,
                                           DeviceBuildReport &report)
{
    report.knownOptions({});
    report.describe(QStringLiteral("document printer: simulated"));
    return std::make_unique<SimulatedDocumentPrinter>(spec.name);
}

std::unique_ptr<DocumentPrinter> cups(const DeviceSpec &spec, const DeviceBuildEnvironment &,
                                      DeviceBuildReport &report)
{
    if (!report.knownOptions({QStringLiteral("queue"), QStringLiteral("server"),
                              QStringLiteral("job_timeout_s"), QStringLiteral("io_timeout_s"),
                              QStringLiteral("connect_timeout_s"), QStringLiteral("state_poll_s")}))
        return nullptr;
    CupsPrinterSettings settings;
    // A CUPS queue name: printable characters other than space, "/", "#" and "\" (lpadmin's rule).
    static const QRegularExpression queueName(QStringLiteral("^[^\\s/#\\\\]{1,127}$"));
    settings.queue = spec.options.value(QStringLiteral("queue"), QStringLiteral("doc"));
    if (!queueName.match(settings.queue).hasMatch())
        report.problem(
            QStringLiteral("option \"queue\" is a CUPS queue name (no spaces, \"/\", \"#\" or \"\\\"), "
                           "found \"%1\"")
                .arg(settings.queue));
    // "host:port" or a socket path; empty: libcups' default (CUPS_SERVER, client.conf).
    static const QRegularExpression server(QStringLiteral("^(/\\S+|[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5})$"));
    settings.server = spec.options.value(QStringLiteral("server"));
    if (!settings.server.isEmpty() && !server.match(settings.server).hasMatch())
        report.problem(
            QStringLiteral("option \"server\" is HOST:PORT or a socket path (/run/cups/cups.sock), "
                           "found \"%1\"")
                .arg(settings.server));
    settings.jobTimeoutMs =
        1000 * report.intOption(QStringLiteral("job_timeout_s"), settings.jobTimeoutMs / 1000, 1, 3600);
    settings.ioTimeoutMs =
        1000 * report.intOption(QStringLiteral("io_timeout_s"), settings.ioTimeoutMs / 1000, 1, 300);
    settings.connectTimeoutMs =
        1000 * report.intOption(QStringLiteral("connect_timeout_s"), settings.connectTimeoutMs / 1000, 1, 60);
    // How often an idle queue is asked for its state (0: at start, around jobs and on refresh only).
    settings.statePollMs =
        1000 * report.intOption(QStringLiteral("state_poll_s"), settings.statePollMs / 1000, 0, 3600);
    if (!report.ok())
        return nullptr;
    report.describe(QStringLiteral("document printer: cups queue %1 at %2")
                        .arg(settings.queue, settings.server.isEmpty() ? QStringLiteral("the default server")
                                                                       : settings.server));
    return std::make_unique<CupsDocumentPrinter>(spec.name, settings);
}

} // namespace

const DeviceDrivers<DocumentPrinter> &documentPrinterDrivers()
{
    static const DeviceDrivers<DocumentPrinter> drivers{{QStringLiteral("simulated"), simulated},
                                                        {QStringLiteral("cups"), cups}};
    return drivers;
}
