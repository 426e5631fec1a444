// The resident's web session ends without a trace, and survives its renderer dying:
// - a cookie (set by the server and by script) and a localStorage canary set in one session are there
//   for the rest of that session and absent in the next (a new off-the-record profile), the server gets
//   no cookie from the next session, and nothing of the profile is written under HOME;
// - kill -9 of the renderer process, or a script that never ends (the watchdog ends the renderer): the
//   kiosk's "stopped working" page comes, and the start of the service loads again in a new renderer.
// The view is qml/Web/LockedWebView.qml with the real WebSessionController, served by a loopback server.
#include "HeadlessWebEngine.h"
#include "HttpServer.h"
#include "NavigationPolicy.h"
#include "StrictWarnings.h"
#include "WebEngineEnvironment.h"
#include "WebEngineQmlTypes.h"
#include "WebSessionController.h"
#include "WebSingletons.h"

#include <QDirIterator>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWebEngineProfile>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QtQml/qqmlextensionplugin.h>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>

#include <csignal>
#include <memory>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(OneStop_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_WebPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_WebViewPlugin)

namespace {
QTemporaryDir *g_home = nullptr; // HOME of this process: the profile must write nothing there

const QByteArray setPage = R"(<!doctype html><html><body><p>set</p><script>
document.cookie = 'scripted=canary-js; path=/';
localStorage.setItem('canary', 'canary-storage');
fetch('/report?phase=set&cookie=' + encodeURIComponent(document.cookie) + '&storage=' + encodeURIComponent(localStorage.getItem('canary') || ''));
</script></body></html>)";
const QByteArray checkPage = R"(<!doctype html><html><body><p>check</p><script>
fetch('/report?phase=check&cookie=' + encodeURIComponent(document.cookie) + '&storage=' + encodeURIComponent(localStorage.getItem('canary') || ''));
</script></body></html>)";

// A page whose script never ends (half a second after it loaded, so that the load completes first).
const QByteArray hangPage = R"(<!doctype html><html><body><p>hang</p><script>
setTimeout(function () { for (;;) {} }, 500);
</script></body></html>)";

struct Report
{
    QString cookie;        // document.cookie as the page saw it
    QString storage;       // localStorage canary
    QByteArray sentCookie; // the Cookie header the server got with the report
};
} // namespace

class TestWebSessionWipe : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpServer> m_server;
    QList<Report> m_reports;
    QQmlEngine *m_engine = nullptr;
    WebSessionController m_web;

    QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()); }

    HttpResponse serve(const HttpRequest &request)
    {
        if (request.path == "/set.html")
            return HttpResponse{
                200, "text/html", setPage, {{"Set-Cookie", "served=canary-http; Path=/; HttpOnly"}}};
        if (request.path == "/check.html")
            return HttpResponse{200, "text/html", checkPage, {}};
        if (request.path == "/hang.html")
            return HttpResponse{200, "text/html", hangPage, {}};
        if (request.path == "/report") {
            const QUrlQuery q(QString::fromUtf8(request.query));
            m_reports << Report{q.queryItemValue(QStringLiteral("cookie"), QUrl::FullyDecoded),
                                q.queryItemValue(QStringLiteral("storage"), QUrl::FullyDecoded),
                                request.header("cookie")};
            return HttpResponse{204, "text/plain", QByteArray(), {}};
        }
        return HttpResponse{404, "text/plain", "not found", {}};
    }

    void openService(const QString &page)
    {
        const QVector<WebOrigin> allowed{*WebOrigin::parseEntry(origin())};
        m_web.open(QStringLiteral("wipe-test"), QUrl(origin() + page), NavigationPolicy(allowed, true));
    }

    // The resident's view as the web screen holds it: a window with LockedWebView.
    std::unique_ptr<QObject> showView()
    {
        QQmlComponent component(m_engine);
        component.setData("import QtQuick\nimport QtQuick.Window\nimport OneStop.WebView\n"
                          "Window { width: 800; height: 600; visible: true\n"
                          "  readonly property var locked: view\n"
                          "  LockedWebView { id: view; anchors.fill: parent } }\n",
                          QUrl(QStringLiteral("wipe-test.qml")));
        std::unique_ptr<QObject> window(component.create());
        if (!window)
            qWarning("%s", qPrintable(component.errorString()));
        return window;
    }

    static QObject *webView(QObject *window)
    {
        return qvariant_cast<QObject *>(
            qvariant_cast<QObject *>(window->property("locked"))->property("view"));
    }

    // The session's end as the kiosk does it: the screen (and its view) goes, then the profile.
    void endSession(std::unique_ptr<QObject> &window)
    {
        QPointer<QObject> profile = m_web.profileObject();
        window.reset();
        m_web.endSession();
        QTRY_VERIFY_WITH_TIMEOUT(!profile, 10000);
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        HeadlessWebEngine::install();
        QString error;
        QVERIFY2(WebEngineQmlTypes::registerQuietly(&error), qPrintable(error));
        m_server = std::make_unique<HttpServer>([this](const HttpRequest &r) { return serve(r); },
                                                HttpServer::Options{});
        QVERIFY2(m_server->listen(0, &error), qPrintable(error));
        WebSingletons::set({&m_web});
        m_engine = new QQmlEngine(this);
        m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        openService(QStringLiteral("/check.html"));
        std::unique_ptr<QObject> window = showView();
        QVERIFY(window);
        QTRY_VERIFY_WITH_TIMEOUT(!m_reports.isEmpty(), 30000);
        endSession(window);
        m_reports.clear();
    }

    void nothingOfASessionReachesTheNext()
    {
        m_reports.clear();
        // Session 1: the canaries are set, and seen again within the same session.
        openService(QStringLiteral("/set.html"));
        std::unique_ptr<QObject> window = showView();
        QVERIFY(window);
        QTRY_VERIFY_WITH_TIMEOUT(m_reports.size() == 1, 30000);
        QVERIFY(m_reports.at(0).storage == QLatin1String("canary-storage"));
        webView(window.get())->setProperty("url", QUrl(origin() + QStringLiteral("/check.html")));
        QTRY_VERIFY_WITH_TIMEOUT(m_reports.size() == 2, 30000);
        const Report same = m_reports.at(1);
        QVERIFY2(same.cookie.contains(QLatin1String("scripted=canary-js")), qPrintable(same.cookie));
        QCOMPARE(same.storage, QStringLiteral("canary-storage"));
        QVERIFY2(same.sentCookie.contains("served=canary-http") &&
                     same.sentCookie.contains("scripted=canary-js"),
                 same.sentCookie);
        endSession(window);

        // Session 2: a new profile, and none of it.
        openService(QStringLiteral("/check.html"));
        window = showView();
        QVERIFY(window);
        QTRY_VERIFY_WITH_TIMEOUT(m_reports.size() == 3, 30000);
        const Report next = m_reports.at(2);
        QCOMPARE(next.cookie, QString());
        QCOMPARE(next.storage, QString());
        QCOMPARE(next.sentCookie, QByteArray());
        endSession(window);

        // Off the record: nothing of the engine's profile under HOME (cookies, storage, cache).
        QStringList written;
        QDirIterator it(g_home->path(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (file.contains(QLatin1String("QtWebEngine")) || file.contains(QLatin1String("Cookies")) ||
                file.contains(QLatin1String("Local Storage")) || file.contains(QLatin1String("Cache")))
                written << file;
        }
        QVERIFY2(written.isEmpty(), qPrintable(written.join(QLatin1Char('\n'))));
    }

    void rendererKilledThePageRecovers()
    {
        m_reports.clear();
        openService(QStringLiteral("/check.html"));
        std::unique_ptr<QObject> window = showView();
        QVERIFY(window);
        QTRY_VERIFY_WITH_TIMEOUT(m_reports.size() == 1, 30000);
        QObject *view = webView(window.get());
        const qint64 pid = view->property("renderProcessPid").toLongLong();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        // The kiosk's page, with the way back to the start (10 s is the most a resident may wait).
        QTRY_COMPARE_WITH_TIMEOUT(m_web.errorPage(), QStringLiteral("crashed"), 10000);
        QCOMPARE(m_web.events().last()[QStringLiteral("kind")].toString(), QStringLiteral("renderer_crash"));
        // "Start of the service": a new renderer loads the start page.
        QMetaObject::invokeMethod(qvariant_cast<QObject *>(window->property("locked")), "goHome");
        QVERIFY(m_web.errorPage().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_reports.size() == 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(view->property("renderProcessPid").toLongLong() > 0, 10000);
        QVERIFY(view->property("renderProcessPid").toLongLong() != pid);
        endSession(window);
    }

    void endlessScriptThePageRecovers()
    {
        m_reports.clear();
        openService(QStringLiteral("/check.html"));
        std::unique_ptr<QObject> window = showView();
        QVERIFY(window);
        QTRY_VERIFY_WITH_TIMEOUT(m_reports.size() == 1, 30000);
        QObject *view = webView(window.get());
        QTRY_VERIFY_WITH_TIMEOUT(view->property("renderProcessPid").toLongLong() > 0, 10000);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("has not answered for")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("ended the hung renderer, process \\d+")));
        view->setProperty("url", QUrl(origin() + QStringLiteral("/hang.html")));
        QTRY_VERIFY_WITH_TIMEOUT(!view->property("loading").toBool() &&
                                     view->property("url").toUrl().path() == QLatin1String("/hang.html"),
                                 30000);
        const qint64 hungPid = view->property("renderProcessPid").toLongLong();
        // The watchdog notices the silence, ends the renderer, and the kiosk's page comes (the issue's
        // limit: 10 s from the hang; the script starts half a second after the load).
        QTRY_COMPARE_WITH_TIMEOUT(m_web.errorPage(), QStringLiteral("crashed"), 10500);
        QStringList kinds;
        for (const QJsonValue &event : m_web.events())
            kinds << event[QStringLiteral("kind")].toString();
        QVERIFY2(kinds.contains(QLatin1String("renderer_hang")), qPrintable(kinds.join(QLatin1Char(','))));
        // "Start of the service": a new renderer loads the start page.
        QMetaObject::invokeMethod(qvariant_cast<QObject *>(window->property("locked")), "goHome");
        QTRY_VERIFY_WITH_TIMEOUT(m_reports.size() == 2, 30000);
        QVERIFY(m_web.errorPage().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(view->property("renderProcessPid").toLongLong() > 0, 10000);
        QVERIFY(view->property("renderProcessPid").toLongLong() != hungPid);
        endSession(window);
    }

    void cleanupTestCase() { WebSingletons::set({}); }
};

int main(int argc, char *argv[])
{
    QTemporaryDir home;
    g_home = &home;
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/.local/share")).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", (home.path() + QStringLiteral("/.cache")).toLocal8Bit());
    if (::geteuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1"); // root cannot sandbox: tests only
    WebEngineEnvironment::prepare();
    QtWebEngineQuick::initialize();
    QGuiApplication app(argc, argv);
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    TestWebSessionWipe test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_web_session_wipe.moc"
