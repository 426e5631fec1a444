// platform-sim: a reference implementation of the central platform API (docs/platform-api.md) for
// tests and the demo. Never linked into the kiosk.
//   platform-sim --db FILE [--port N] [--catalog FILE] [--test-hooks]
//                [--tls-cert FILE --tls-key FILE --client-ca FILE [--refuse-in-handshake]] [--max-chunk-bytes
//                N]
//                [--pages-port N]
// Prints exactly one line "listening http://127.0.0.1:<port>" (https with the TLS options) to stdout once
// it accepts connections, then, with --pages-port, "pages http://127.0.0.1:<port>" (the platform's web
// pages, PlatformPages, over plain HTTP).
// SIGTERM / SIGINT end it cleanly (the database is closed).
#include "ChaosSpec.h"
#include "ClientIdentity.h"
#include "HttpServer.h"
#include "PlatformApi.h"
#include "PlatformPages.h"
#include "PlatformStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <memory>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1); // async-signal-safe
}

// SIGTERM/SIGINT -> QCoreApplication::quit() on the main thread (self-pipe).
bool quitOnTermination(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        notifier->setEnabled(false);
        char byte;
        [[maybe_unused]] const auto n = ::read(signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(SIGTERM, &action, nullptr) == 0 && sigaction(SIGINT, &action, nullptr) == 0;
}

int fail(const QString &message, int code = 1)
{
    std::fprintf(stderr, "platform-sim: %s\n", qPrintable(message));
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("platform-sim"));

    QCommandLineParser cli;
    cli.setApplicationDescription(
        QStringLiteral("Reference central platform for OneStop kiosk tests and demos."));
    cli.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("TCP port on 127.0.0.1 (0 = pick a free one)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("The simulator's sqlite file (created if missing)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption catalogOption(QStringLiteral("catalog"),
                                           QStringLiteral("Catalog JSON served at /api/v1/catalog."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption hooksOption(QStringLiteral("test-hooks"),
                                         QStringLiteral("Enable the /test/ fault knobs."));
    const QCommandLineOption certOption(QStringLiteral("tls-cert"),
                                        QStringLiteral("Serve HTTPS with this server certificate (PEM)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption keyOption(QStringLiteral("tls-key"),
                                       QStringLiteral("The server certificate's key (PEM)."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption clientCaOption(
        QStringLiteral("client-ca"),
        QStringLiteral("CA that issues kiosk client certificates (PEM; mutual TLS)."),
        QStringLiteral("FILE"));
    const QCommandLineOption handshakeOption(
        QStringLiteral("refuse-in-handshake"),
        QStringLiteral("Refuse a missing or unknown client certificate in the TLS handshake instead of "
                       "answering 401/403."));
    const QCommandLineOption chaosOption(
        QStringLiteral("chaos"),
        QStringLiteral("Network faults on /api/v1/ requests, e.g. seed=7,drop=0.05,503=0.05 "
                       "(see docs/platform-api.md; POST /test/chaos changes it at runtime)."),
        QStringLiteral("SPEC"));
    const QCommandLineOption chunkOption(
        QStringLiteral("max-chunk-bytes"),
        QStringLiteral("The largest attachment chunk accepted (default 262144; tests use less)."),
        QStringLiteral("N"), QString::number(PlatformApi::defaultMaxChunkBytes));
    const QCommandLineOption pagesPortOption(
        QStringLiteral("pages-port"),
        QStringLiteral(
            "Also serve the platform's web pages (/pages/...) over plain HTTP on this 127.0.0.1 port "
            "(0 = pick a free one)."),
        QStringLiteral("port"));
    cli.addOption(pagesPortOption);
    cli.addOptions({portOption, dbOption, catalogOption, hooksOption, certOption, keyOption, clientCaOption,
                    handshakeOption, chaosOption, chunkOption});
    cli.process(app);

    bool portOk = false;
    const uint port = cli.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535)
        return fail(QStringLiteral("--port: not a port number: %1").arg(cli.value(portOption)), 2);
    bool chunkOk = false;
    const qint64 maxChunkBytes = cli.value(chunkOption).toLongLong(&chunkOk);
    if (!chunkOk || maxChunkBytes < 1 || maxChunkBytes > 8 * 1024 * 1024)
        return fail(QStringLiteral("--max-chunk-bytes: not a number from 1 to 8388608: %1")
                        .arg(cli.value(chunkOption)),
                    2);
    if (!cli.isSet(dbOption))
        return fail(QStringLiteral("--db FILE is required"), 2);

    QByteArray catalog;
    if (cli.isSet(catalogOption)) {
        QFile file(cli.value(catalogOption));
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
        catalog = file.readAll();
        QJsonParseError error;
        QJsonDocument::fromJson(catalog, &error);
        if (error.error != QJsonParseError::NoError)
            return fail(QStringLiteral("%1: offset %2: %3")
                            .arg(file.fileName())
                            .arg(error.offset)
                            .arg(error.errorString()));
    }

    QString error;
    const int tlsOptions =
        int(cli.isSet(certOption)) + int(cli.isSet(keyOption)) + int(cli.isSet(clientCaOption));
    if (tlsOptions != 0 && tlsOptions != 3)
        return fail(QStringLiteral("--tls-cert, --tls-key and --client-ca go together"), 2);
    TlsIdentityCheck tls;
    if (tlsOptions == 3 && !tls.load(cli.value(certOption), cli.value(keyOption), cli.value(clientCaOption),
                                     cli.isSet(handshakeOption), &error))
        return fail(error);
    Chaos chaos;
    const auto chaosSpec = ChaosSpec::parse(cli.value(chaosOption), &error);
    if (!chaosSpec)
        return fail(error, 2);
    chaos.setSpec(*chaosSpec);
    const auto store = PlatformStore::open(cli.value(dbOption), &error);
    if (!store)
        return fail(error);
    PlatformApi api(*store, catalog, cli.isSet(hooksOption), &chaos);
    api.setMaxChunkBytes(maxChunkBytes);
    HttpServer::Options serverOptions;
    if (tlsOptions == 3)
        serverOptions.tls = &tls;
    serverOptions.chaos = &chaos;
    HttpServer server([&api](const HttpRequest &request) { return api.handle(request); }, serverOptions);
    if (!server.listen(quint16(port), &error))
        return fail(error);
    if (!quitOnTermination(app))
        return fail(QStringLiteral("cannot install SIGTERM/SIGINT handlers"));

    std::unique_ptr<PlatformPages> pages;
    std::unique_ptr<HttpServer> pagesServer;
    if (cli.isSet(pagesPortOption)) {
        bool pagesPortOk = false;
        const uint pagesPort = cli.value(pagesPortOption).toUInt(&pagesPortOk);
        if (!pagesPortOk || pagesPort > 65535)
            return fail(QStringLiteral("--pages-port: not a port number: %1").arg(cli.value(pagesPortOption)),
                        2);
        pages = std::make_unique<PlatformPages>(*store);
        pagesServer = std::make_unique<HttpServer>(
            [&pages](const HttpRequest &request) { return pages->handle(request); }, HttpServer::Options{});
        if (!pagesServer->listen(quint16(pagesPort), &error))
            return fail(error);
    }

    std::printf("listening %s://127.0.0.1:%u\n", tlsOptions == 3 ? "https" : "http", unsigned(server.port()));
    if (pagesServer)
        std::printf("pages http://127.0.0.1:%u\n", unsigned(pagesServer->port()));
    std::fflush(stdout);
    return app.exec();
}
