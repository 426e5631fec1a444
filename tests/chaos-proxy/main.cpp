// chaos-proxy: a TCP proxy with network faults, for chaos tests in front of any platform (TLS passes
// through untouched). Never part of the kiosk.
//   chaos-proxy --upstream HOST:PORT [--port N] [--chaos SPEC]
// Prints "listening 127.0.0.1:<port>" once it accepts connections. SPEC: see ChaosSpec.h.
#include "ChaosProxy.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("TCP proxy with chaos faults for OneStop sync tests."));
    cli.addHelpOption();
    const QCommandLineOption upstream(QStringLiteral("upstream"), QStringLiteral("HOST:PORT to forward to."),
                                      QStringLiteral("HOST:PORT"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (0 = free)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption chaos(QStringLiteral("chaos"), QStringLiteral("Fault spec (see ChaosSpec.h)."),
                                   QStringLiteral("SPEC"));
    cli.addOptions({upstream, port, chaos});
    cli.process(app);
    const QString target = cli.value(upstream);
    const qsizetype colon = target.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint upstreamPort = target.mid(colon + 1).toUInt(&ok);
    const QHostAddress host(target.left(colon));
    if (colon < 0 || !ok || upstreamPort == 0 || upstreamPort > 65535 || host.isNull()) {
        std::fprintf(stderr, "chaos-proxy: --upstream HOST:PORT (an IP address) is required\n");
        return 2;
    }
    QString error;
    const auto spec = ChaosSpec::parse(cli.value(chaos), &error);
    if (!spec) {
        std::fprintf(stderr, "chaos-proxy: %s\n", qPrintable(error));
        return 2;
    }
    ChaosProxy proxy(host, quint16(upstreamPort));
    proxy.setSpec(*spec);
    if (!proxy.listen(quint16(cli.value(port).toUInt()), &error)) {
        std::fprintf(stderr, "chaos-proxy: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("listening 127.0.0.1:%u\n", unsigned(proxy.port()));
    std::fflush(stdout);
    return app.exec();
}
