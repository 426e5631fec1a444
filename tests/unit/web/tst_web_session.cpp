// The resident's web service around the engine: the session's hook (a web service opens the web screen,
// back leaves it), WebSessionController's decisions and record (events, the resident's words, the error
// page, the dialog limit, loggable details), its off-the-record profile (a new one per session, gone at
// the session's end), and WebEngineEnvironment (no remote debugging, whatever the environment asks).
// No page is loaded here: the hostile pages are tst_web_hostile_pages (integration).
#include "HeadlessWebEngine.h"
#include "SessionFixture.h"
#include "StrictWarnings.h"
#include "WebEngineEnvironment.h"
#include "WebSessionController.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QPointer>
#include <QQuickWebEngineProfile>
#include <QRegularExpression>
#include <QTest>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>

#include <unistd.h>

namespace {
// What the environment looked like after WebEngineEnvironment::prepare() (run in main, before the app).
QByteArray g_remoteDebugging;
QByteArray g_chromiumFlags;
bool g_disableSandboxKept = false;

ServiceSpec webService()
{
    ServiceSpec s;
    s.id = QStringLiteral("booking");
    s.code = QStringLiteral("310000-WEB-0001");
    s.kind = QStringLiteral("web");
    s.name = text("网上预约", "Online appointment");
    s.startUrl = QUrl(QStringLiteral("https://booking.example/start"));
    s.allowedOrigins = {QStringLiteral("https://booking.example:443")};
    return s;
}
} // namespace

class TestWebSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        HeadlessWebEngine::install();
        WebSessionController web;
        web.openService(webService(), false);
        QVERIFY(web.profile());
        web.endSession();
    }

    void environmentHasNoRemoteDebugging()
    {
        QVERIFY(g_remoteDebugging.isNull());
        // The page flags kept, the debugging ones dropped, the kiosk's own added.
        QCOMPARE(g_chromiumFlags, QByteArray("--enable-logging=stderr --lang=zh-CN --disable-pinch"));
        // Root cannot sandbox (a test run sets QTWEBENGINE_DISABLE_SANDBOX); anyone else always does.
        QCOMPARE(g_disableSandboxKept, ::geteuid() == 0);
        QCOMPARE(WebEngineEnvironment::sandboxed(), ::geteuid() != 0);
    }

    void webServiceOpensTheWebScreen()
    {
        SessionFixture f;
        f.catalog.services.append(webService());
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("zh_CN"));
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screenName(), QStringLiteral("catalog"));
        QCOMPARE(f.session->screenName(), QStringLiteral("catalog"));
        f.session->chooseService(QStringLiteral("booking"));
        QCOMPARE(f.session->screenName(), QStringLiteral("web"));
        QCOMPARE(f.session->serviceId(), QStringLiteral("booking"));
        f.session->back();
        QCOMPARE(f.session->screenName(), QStringLiteral("catalog"));
        f.session->chooseService(f.catalog.services.constFirst().id); // a form service still gets its guide
        QCOMPARE(f.session->screenName(), QStringLiteral("guide"));
    }

    void navigationsAreDecidedAndRecorded()
    {
        WebSessionController web;
        web.openService(webService(), false);
        QVERIFY(web.allowNavigation(
            QUrl(QStringLiteral("https://booking.example/form?id=310101199001011234")), true));
        QVERIFY(web.notice().isEmpty());
        QVERIFY(!web.allowNavigation(QUrl(QStringLiteral("https://booking.example@evil.example/?name=Zhang")),
                                     true));
        QVERIFY(!web.notice().isEmpty());
        QVERIFY(!web.allowNavigation(QUrl(QStringLiteral("tel:+8613812345678")), false));
        QVERIFY(
            web.allowNavigation(QUrl(QStringLiteral("about:blank")), false)); // a new frame's empty document
        const QJsonArray events = web.events();
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(0)[QStringLiteral("kind")].toString(), QStringLiteral("navigation"));
        QCOMPARE(events.at(0)[QStringLiteral("blocked")].toBool(), false);
        QCOMPARE(events.at(1)[QStringLiteral("blocked")].toBool(), true);
        QCOMPARE(events.at(2)[QStringLiteral("kind")].toString(), QStringLiteral("external_scheme"));
        // Details never carry queries, user info or the number of a tel: link.
        const QString all = QString::fromUtf8(QJsonDocument(events).toJson());
        for (const char *secret : {"310101199001011234", "Zhang", "13812345678", "booking.example@"})
            QVERIFY2(!all.contains(QLatin1String(secret)), secret);
        web.dismissNotice();
        QVERIFY(web.notice().isEmpty());
    }

    void newWindowsOpenHereOrNowhere()
    {
        WebSessionController web;
        web.openService(webService(), false);
        QCOMPARE(web.newWindowTarget(QUrl(QStringLiteral("https://booking.example/help"))),
                 QUrl(QStringLiteral("https://booking.example/help")));
        QCOMPARE(web.newWindowTarget(QUrl(QStringLiteral("https://evil.example/"))), QUrl());
        QCOMPARE(web.events().at(1)[QStringLiteral("kind")].toString(), QStringLiteral("new_window"));
        QVERIFY(web.events().at(1)[QStringLiteral("blocked")].toBool());
    }

    void dialogLoopsAreLimited()
    {
        WebSessionController web;
        web.openService(webService(), false);
        for (int i = 0; i < 500; ++i)
            web.refused(QStringLiteral("dialog"), QStringLiteral("alert"));
        QCOMPARE(web.eventCount(), 21);
        QVERIFY(
            web.events().last()[QStringLiteral("detail")].toString().contains(QLatin1String("more dialogs")));
    }

    void failedLoadsAndCrashesGetTheKiosksPage()
    {
        WebSessionController web;
        web.openService(webService(), false);
        web.loadFailed(QUrl(QStringLiteral("mailto:someone@example.com")), -3, false);
        QCOMPARE(web.events().last()[QStringLiteral("kind")].toString(), QStringLiteral("external_scheme"));
        QVERIFY(web.errorPage().isEmpty());
        web.loadFailed(QUrl(QStringLiteral("https://evil.example/")), -20, false); // blocked by the kiosk
        QVERIFY(web.errorPage().isEmpty());
        QTest::ignoreMessage(QtWarningMsg, "page not loaded: https://booking.example/ net error -105");
        web.loadFailed(QUrl(QStringLiteral("https://booking.example/")), -105, false); // name not resolved
        QCOMPARE(web.errorPage(), QStringLiteral("network"));
        web.clearErrorPage();
        web.rendererTerminated(2, 9);
        QCOMPARE(web.errorPage(), QStringLiteral("crashed"));
        QCOMPARE(web.events().last()[QStringLiteral("kind")].toString(), QStringLiteral("renderer_crash"));
        // The load the renderer's end broke, reported after it: the crash's page stays (strict warnings: no
        // "page not loaded" either).
        web.loadFailed(QUrl(QStringLiteral("https://booking.example/")), -2, false);
        QCOMPARE(web.errorPage(), QStringLiteral("crashed"));
        web.clearErrorPage();
        web.refused(QStringLiteral("certificate_error"), QStringLiteral("https://booking.example/: expired"));
        QCOMPARE(web.errorPage(), QStringLiteral("certificate"));
    }

    void oneOffTheRecordProfilePerSession()
    {
        WebSessionController web;
        QVERIFY(!web.profile());
        web.openService(webService(), false);
        QPointer<QQuickWebEngineProfile> first = web.profile();
        QVERIFY(first);
        QVERIFY(first->isOffTheRecord());
        QCOMPARE(first->httpCacheType(), QQuickWebEngineProfile::MemoryHttpCache);
        QCOMPARE(first->persistentCookiesPolicy(), QQuickWebEngineProfile::NoPersistentCookies);
        web.close();
        web.openService(webService(), false);
        QCOMPARE(web.profile(), first.data()); // the same session: the same profile
        web.endSession();
        QVERIFY(!web.profile());
        QVERIFY(web.events().isEmpty());
        QTRY_VERIFY(!first); // destroyed
        web.openService(webService(), false);
        QVERIFY(web.profile());
        QVERIFY(web.profile()->isOffTheRecord());
        web.endSession();
    }
};

int main(int argc, char *argv[])
{
    // As a hostile environment would: remote debugging asked for twice, the sandbox switched off.
    qputenv("QTWEBENGINE_REMOTE_DEBUGGING", "127.0.0.1:9222");
    qputenv(
        "QTWEBENGINE_CHROMIUM_FLAGS",
        "--enable-logging=stderr --remote-debugging-port=9223 --lang=zh-CN --auto-open-devtools-for-tabs");
    const bool root = ::geteuid() == 0;
    if (root)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    else
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1"); // must be ignored for a non-root user
    WebEngineEnvironment::prepare();
    g_remoteDebugging = qgetenv("QTWEBENGINE_REMOTE_DEBUGGING");
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_REMOTE_DEBUGGING"))
        g_remoteDebugging = QByteArray();
    g_chromiumFlags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    g_disableSandboxKept = qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX");
    QtWebEngineQuick::initialize();
    QGuiApplication app(argc, argv);
    TestWebSession test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_web_session.moc"
