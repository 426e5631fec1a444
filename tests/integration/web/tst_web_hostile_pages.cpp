// Hostile pages of our own against the resident's web view, through the probe (`onestop-kiosk
// --web-probe`, the same profile, policy and handlers as the web screen). One page per class of attempt:
// navigation off the allowlist (links, user info, script, form, 30x redirect, meta refresh, frames,
// view-source:, file:, data:, javascript:), new windows, downloads by every route, file and colour
// pickers, JavaScript dialogs (with a loop and beforeunload), permissions and HTTP auth, external
// protocols and protocol handlers, fullscreen and print. Each is served from a loopback HTTP server (the
// allowed origin); "evil" is a second loopback server, off the list, that must never see a request.
// For every page the report must show the attempts blocked, the view still on the allowed origin and
// alive. The same runs check that remote debugging stays off when the environment asks for it, and
// which sandbox applies (off only for root, which cannot sandbox and sets QTWEBENGINE_DISABLE_SANDBOX).
#include "HttpServer.h"
#include "StrictWarnings.h"
#include "WebOrigin.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <unistd.h>

namespace {

struct ProbeRun
{
    int exitCode = -1;
    QJsonObject report;
    QString stderrText;
    QList<QPair<quint16, bool>> debugPortsOpen; // a remote-debugging port and whether it ever answered
};

QList<QJsonObject> eventsOf(const QJsonObject &report, const QString &kind)
{
    QList<QJsonObject> found;
    for (const QJsonValue &v : report.value(QStringLiteral("events")).toArray())
        if (v.toObject().value(QStringLiteral("kind")).toString() == kind)
            found << v.toObject();
    return found;
}

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace

class TestWebHostilePages : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpServer> m_allowed;
    std::unique_ptr<HttpServer> m_evil;
    int m_evilRequests = 0;
    QStringList m_evilPaths;
    QTemporaryDir m_home;

    QString allowedOrigin() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_allowed->port()); }
    QString evilOrigin() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_evil->port()); }

    HttpResponse page(const QString &name) const
    {
        QFile file(sourcePath(QStringLiteral("tests/integration/web/pages/") + name));
        if (!file.open(QIODevice::ReadOnly))
            return HttpResponse{404, "text/plain", "no such page", {}};
        QByteArray html = file.readAll();
        html.replace("EVILHOST", QStringLiteral("127.0.0.1:%1").arg(m_evil->port()).toUtf8());
        html.replace("EVIL", evilOrigin().toUtf8());
        html.replace("ALLOWED", allowedOrigin().toUtf8());
        return HttpResponse{200, "text/html; charset=utf-8", html, {}};
    }

    HttpResponse serveAllowed(const HttpRequest &request)
    {
        const QByteArray path = request.path;
        if (path == "/redirect")
            return HttpResponse{302,
                                "text/plain",
                                "moved",
                                {{"Location", (evilOrigin() + QStringLiteral("/redirected.html")).toUtf8()}}};
        if (path == "/file.txt")
            return HttpResponse{200, "text/plain", "a file", {}};
        if (path == "/attachment")
            return HttpResponse{200,
                                "application/octet-stream",
                                "attached",
                                {{"Content-Disposition", "attachment; filename=\"kept.bin\""}}};
        if (path == "/doc.pdf")
            return HttpResponse{200, "application/pdf", "%PDF-1.4\n%%EOF\n", {}};
        if (path == "/auth")
            return HttpResponse{
                401, "text/plain", "sign in", {{"WWW-Authenticate", "Basic realm=\"kiosk test\""}}};
        if (path.endsWith(".html"))
            return page(QString::fromUtf8(path.mid(1)));
        return HttpResponse{404, "text/plain", "not found", {}};
    }

    // Runs the probe on one of our pages (asynchronously: the servers answer meanwhile).
    ProbeRun probe(const QString &pageName, int seconds, const QProcessEnvironment &extraEnv = {},
                   const QList<quint16> &debugPorts = {})
    {
        ProbeRun run;
        const QString report = QDir(m_home.path()).filePath(pageName + QStringLiteral(".json"));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), m_home.path()); // where a download would land
        env.insert(QStringLiteral("XDG_DOWNLOAD_DIR"), m_home.path());
        // Root cannot run Chromium's sandbox: the test switches it off then, and only then.
        if (::geteuid() == 0)
            env.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"), QStringLiteral("1"));
        for (const QString &key : extraEnv.keys())
            env.insert(key, extraEnv.value(key));
        process.setProcessEnvironment(env);
        process.setProgram(binaryPath(QStringLiteral("app/main/onestop-kiosk")));
        process.setArguments({QStringLiteral("--web-probe"), allowedOrigin() + QLatin1Char('/') + pageName,
                              QStringLiteral("--web-allow"), allowedOrigin(), QStringLiteral("--seconds"),
                              QString::number(seconds), QStringLiteral("--report"), report});
        QEventLoop loop;
        connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        // While it runs: does any remote-debugging port answer?
        QTimer knock;
        QHash<quint16, bool> open;
        connect(&knock, &QTimer::timeout, this, [&] {
            for (const quint16 port : debugPorts) {
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, port);
                if (socket.waitForConnected(200))
                    open[port] = true;
            }
        });
        process.start();
        knock.start(500);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
        knock.stop();
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
        }
        for (const quint16 port : debugPorts)
            run.debugPortsOpen << qMakePair(port, open.value(port));
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.stderrText = QString::fromLocal8Bit(process.readAllStandardError());
        QFile file(report);
        if (file.open(QIODevice::ReadOnly))
            run.report = QJsonDocument::fromJson(file.readAll()).object();
        // The per-class figures for the log: kind blocked/attempted.
        QMap<QString, QPair<int, int>> perKind;
        for (const QJsonValue &v : run.report.value(QStringLiteral("events")).toArray()) {
            auto &count = perKind[v[QStringLiteral("kind")].toString()];
            count.first += v[QStringLiteral("blocked")].toBool();
            ++count.second;
        }
        QStringList figures;
        for (auto it = perKind.cbegin(); it != perKind.cend(); ++it)
            figures << QStringLiteral("%1 %2/%3").arg(it.key()).arg(it.value().first).arg(it.value().second);
        qInfo("%s: blocked/attempted: %s; final %s; alive %d", qPrintable(pageName),
              qPrintable(figures.join(QStringLiteral(", "))),
              qPrintable(run.report.value(QStringLiteral("final_url")).toString()),
              run.report.value(QStringLiteral("alive")).toBool());
        return run;
    }

    // What holds for every page: exit 0, alive, still on the allowed origin, nothing ever sent to the
    // evil server, and every event that names it blocked.
    void verifyContained(const ProbeRun &run, const QString &pageName)
    {
        QVERIFY2(run.exitCode == 0, qPrintable(run.stderrText.right(3000)));
        QVERIFY2(!run.report.isEmpty(), qPrintable(run.stderrText.right(3000)));
        QVERIFY2(run.report.value(QStringLiteral("alive")).toBool(), qPrintable(pageName));
        const QUrl finalUrl(run.report.value(QStringLiteral("final_url")).toString());
        const auto origin = WebOrigin::ofUrl(finalUrl);
        QVERIFY2(origin && origin->toString() == WebOrigin::parseEntry(allowedOrigin())->toString(),
                 qPrintable(pageName + QStringLiteral(": ended on ") + finalUrl.toString()));
        QVERIFY2(m_evilRequests == 0, qPrintable(m_evilPaths.join(QLatin1Char(' '))));
        for (const QJsonValue &v : run.report.value(QStringLiteral("events")).toArray()) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("detail")).toString().contains(evilOrigin().mid(7) + QLatin1Char('/')))
                QVERIFY2(e.value(QStringLiteral("blocked")).toBool(),
                         qPrintable(QJsonDocument(run.report).toJson()));
        }
        // Nothing was downloaded anywhere under HOME.
        const QStringList files =
            QDir(m_home.path())
                .entryList({QStringLiteral("kept*"), QStringLiteral("*.bin"), QStringLiteral("*.pdf")},
                           QDir::Files);
        QVERIFY2(files.isEmpty(), qPrintable(files.join(QLatin1Char(' '))));
    }

    // At least `atLeast` attempts of this kind blocked; any that went through stayed on the allowed origin.
    void verifyBlocked(const ProbeRun &run, const QString &kind, int atLeast) const
    {
        int blocked = 0;
        for (const QJsonObject &e : eventsOf(run.report, kind)) {
            if (e.value(QStringLiteral("blocked")).toBool())
                ++blocked;
            else
                QVERIFY2(
                    e.value(QStringLiteral("detail")).toString().contains(allowedOrigin() + QLatin1Char('/')),
                    qPrintable(QJsonDocument(e).toJson()));
        }
        QVERIFY2(blocked >= atLeast,
                 qPrintable(QStringLiteral("%1: %2 blocked, expected at least %3\n%4")
                                .arg(kind)
                                .arg(blocked)
                                .arg(atLeast)
                                .arg(QString::fromUtf8(QJsonDocument(run.report).toJson()) +
                                     run.stderrText.right(2000))));
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_home.isValid());
        m_allowed = std::make_unique<HttpServer>([this](const HttpRequest &r) { return serveAllowed(r); },
                                                 HttpServer::Options{});
        m_evil = std::make_unique<HttpServer>(
            [this](const HttpRequest &r) {
                ++m_evilRequests;
                m_evilPaths << QString::fromUtf8(r.path);
                return HttpResponse{200, "text/html", "<p>evil</p>", {}};
            },
            HttpServer::Options{});
        QString error;
        QVERIFY2(m_allowed->listen(0, &error), qPrintable(error));
        QVERIFY2(m_evil->listen(0, &error), qPrintable(error));
    }

    void navigation()
    {
        const ProbeRun run = probe(QStringLiteral("nav.html"), 1);
        verifyContained(run, QStringLiteral("nav.html"));
        verifyBlocked(run, QStringLiteral("navigation"), 6);
        QVERIFY(run.report.value(QStringLiteral("final_url"))
                    .toString()
                    .endsWith(QLatin1String("/meta-refresh.html")));
        // The 30x and the meta refresh were each refused on their way to the evil origin.
        const QString all = QString::fromUtf8(QJsonDocument(run.report).toJson());
        QVERIFY2(all.contains(QLatin1String("/redirected.html")), "the redirect was not refused as such");
        QVERIFY2(all.contains(QLatin1String("/refreshed.html")), "the meta refresh was not refused as such");
        QVERIFY2(all.contains(QLatin1String("/framed.html")), "the frame was not refused as such");
    }

    void newWindows()
    {
        const ProbeRun run = probe(QStringLiteral("newwin.html"), 1);
        verifyContained(run, QStringLiteral("newwin.html"));
        int blocked = 0, here = 0;
        for (const QJsonObject &e : eventsOf(run.report, QStringLiteral("new_window")))
            e.value(QStringLiteral("blocked")).toBool() ? ++blocked : ++here;
        QVERIFY2(blocked >= 3, qPrintable(QString::fromUtf8(QJsonDocument(run.report).toJson())));
        QCOMPARE(here, 1); // the allowed target, opened in this view
        QVERIFY(run.report.value(QStringLiteral("final_url"))
                    .toString()
                    .endsWith(QLatin1String("/landing.html")));
    }

    void downloads()
    {
        const ProbeRun run = probe(QStringLiteral("download.html"), 1);
        verifyContained(run, QStringLiteral("download.html"));
        verifyBlocked(run, QStringLiteral("download"), 3);
    }

    void filePickers()
    {
        const ProbeRun run = probe(QStringLiteral("picker.html"), 1);
        verifyContained(run, QStringLiteral("picker.html"));
        verifyBlocked(run, QStringLiteral("file_picker"), 2);
    }

    void dialogs()
    {
        const ProbeRun run = probe(QStringLiteral("dialogs.html"), 1);
        verifyContained(run, QStringLiteral("dialogs.html"));
        verifyBlocked(run, QStringLiteral("dialog"), 4);
        QVERIFY(eventsOf(run.report, QStringLiteral("dialog")).size() <=
                21); // the loop is not recorded without end
        // beforeunload never held the resident on the page.
        QVERIFY(run.report.value(QStringLiteral("final_url"))
                    .toString()
                    .endsWith(QLatin1String("/landing.html")));
    }

    void permissionsAndAuth()
    {
        const ProbeRun run = probe(QStringLiteral("permissions.html"), 1);
        verifyContained(run, QStringLiteral("permissions.html"));
        verifyBlocked(run, QStringLiteral("permission"),
                      2); // camera and screen capture at least (no microphone
                          // or location source on a headless machine)
        verifyBlocked(run, QStringLiteral("auth"), 1);
    }

    void externalSchemes()
    {
        const ProbeRun run = probe(QStringLiteral("schemes.html"), 1);
        verifyContained(run, QStringLiteral("schemes.html"));
        verifyBlocked(run, QStringLiteral("external_scheme"), 3);
    }

    // An https page whose certificate the engine cannot trust (self-signed, made here with openssl): the
    // view refuses it, never "proceed anyway", and shows the kiosk's own page.
    void certificateErrorRefuses()
    {
        const QString key = QDir(m_home.path()).filePath(QStringLiteral("bad.key"));
        const QString cert = QDir(m_home.path()).filePath(QStringLiteral("bad.crt"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-days"), QStringLiteral("1"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        QFile keyFile(key), certFile(cert);
        QVERIFY(keyFile.open(QIODevice::ReadOnly) && certFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
        QSslServer server;
        server.setSslConfiguration(tls);
        int handshakes = 0;
        connect(&server, &QSslServer::pendingConnectionAvailable, this, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                ++handshakes; // the engine got as far as the certificate; it must go no further
                socket->write(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\n<p>no</p>");
                socket->disconnectFromHost();
            }
        });
        connect(&server, &QSslServer::sslErrors, this, [](QSslSocket *, const QList<QSslError> &) {});
        connect(&server, &QSslServer::errorOccurred, this, [](QSslSocket *, QAbstractSocket::SocketError) {});
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const QString origin = QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort());

        const QString report = QDir(m_home.path()).filePath(QStringLiteral("certificate.json"));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), m_home.path());
        if (::geteuid() == 0)
            env.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"), QStringLiteral("1"));
        process.setProcessEnvironment(env);
        process.setProgram(binaryPath(QStringLiteral("app/main/onestop-kiosk")));
        process.setArguments({QStringLiteral("--web-probe"), origin + QStringLiteral("/page.html"),
                              QStringLiteral("--web-allow"), origin, QStringLiteral("--seconds"),
                              QStringLiteral("1"), QStringLiteral("--report"), report});
        QEventLoop loop;
        connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        process.start();
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(process.exitCode(), 0);
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        ProbeRun run;
        run.report = QJsonDocument::fromJson(file.readAll()).object();
        run.stderrText = QString::fromLocal8Bit(process.readAllStandardError());
        verifyBlocked(run, QStringLiteral("certificate_error"), 1);
        QCOMPARE(handshakes, 0); // no TLS connection was ever completed with the untrusted server
    }

    // Also: remote debugging stays off although the environment asks for it twice, and the sandbox is
    // what the user allows.
    void fullscreenAndPrintWithoutDebugging()
    {
        const quint16 envPort = freePort();
        const quint16 flagPort = freePort();
        QProcessEnvironment hostile;
        hostile.insert(QStringLiteral("QTWEBENGINE_REMOTE_DEBUGGING"),
                       QStringLiteral("127.0.0.1:%1").arg(envPort));
        hostile.insert(QStringLiteral("QTWEBENGINE_CHROMIUM_FLAGS"),
                       QStringLiteral("--remote-debugging-port=%1").arg(flagPort));
        const ProbeRun run = probe(QStringLiteral("fullscreen.html"), 2, hostile, {envPort, flagPort});
        verifyContained(run, QStringLiteral("fullscreen.html"));
        verifyBlocked(run, QStringLiteral("fullscreen"), 1);
        verifyBlocked(run, QStringLiteral("print"), 1);
        for (const auto &[port, open] : run.debugPortsOpen)
            QVERIFY2(!open, qPrintable(QStringLiteral("remote debugging answered on port %1").arg(port)));
        QCOMPARE(run.report.value(QStringLiteral("sandbox")).toBool(), ::geteuid() != 0);
    }
};

QTEST_GUILESS_MAIN(TestWebHostilePages)
#include "tst_web_hostile_pages.moc"
