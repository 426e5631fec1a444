// onestop-web-bench-view: the kiosk's web view, alone in a process, for the `web` suite of onestop-bench
// (tests/bench/WebSuite.cpp), which starts it, times it and measures its memory from outside. Qt WebEngine
// is initialised before the application object, exactly as app/main does (WebEngineEnvironment::prepare(),
// QtWebEngineQuick::initialize()), so the view cannot live inside onestop-bench itself.
//
// The real parts: WebSessionController (the session's off-the-record profile, the request interceptor,
// the policy) as the QML singleton Web, and qml/Web/LockedWebView.qml with all its handlers, in a window
// of the kiosk's size, offscreen, software scene graph.
//
//   --url URL --allow ORIGIN            open URL in the view and stay until stdin closes (start and idle
//                                       memory); prints "loaded" when the first load ended
//   --url URL --allow ORIGIN --cycles N the memory cycles: the window and QML engine without a web session,
//                                       prints "baseline" and waits for a line on stdin; then N sessions as
//                                       the kiosk has them (WebSessionController::open, a LockedWebView made
//                                       and loading URL up to the page's first interactive frame, the view
//                                       destroyed, endSession(): the profile deleted); prints "first" after
//                                       the first and "cycles N" after the last, each time waiting for a
//                                       line on stdin; then exits.
// Protocol lines on stdout; diagnostics on stderr; exit 2 when the view cannot start or a page does not
// load within 60 s.
#include "NavigationPolicy.h"
#include "WebEngineEnvironment.h"
#include "WebEngineQmlTypes.h"
#include "WebOrigin.h"
#include "WebSessionController.h"
#include "WebSingletons.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QPointer>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSocketNotifier>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>

#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(OneStop_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_WebPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_WebViewPlugin)

namespace {

int fail(const QString &why)
{
    std::fprintf(stderr, "onestop-web-bench-view: %s\n", qPrintable(why));
    return 2;
}

void say(const char *line)
{
    std::printf("%s\n", line);
    std::fflush(stdout);
}

// Runs the event loop until done() is true (checked every 20 ms); false after timeoutMs.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// Runs the event loop until a line (or the end) arrives on stdin: the bench has measured.
void waitForStdin()
{
    QEventLoop loop;
    QSocketNotifier notifier(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &loop, [&] {
        char buffer[256];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0 || std::memchr(buffer, '\n', size_t(n)))
            loop.quit();
    });
    loop.exec();
}

// The view as the web screen holds it (qml/Screens/WebServiceScreen.qml): a LockedWebView filling its area.
// Its page has loaded to the first interactive frame when the page's title says so (tests/bench/WebSuite).
class ViewHost
{
public:
    explicit ViewHost(QQmlEngine *engine, QQuickWindow *window) : m_window(window), m_component(engine)
    {
        m_component.setData(
            "import QtQuick\nimport OneStop.WebView\nLockedWebView { anchors.fill: parent }\n",
            QUrl(QStringLiteral("web-bench-view.qml")));
    }

    QString error() const { return m_component.errorString(); }

    // A new view on the controller's start page (the screen entering).
    QQuickItem *create()
    {
        auto *item = qobject_cast<QQuickItem *>(m_component.beginCreate(qmlContext(m_window)));
        if (!item)
            return nullptr;
        item->setParentItem(m_window->contentItem());
        m_component.completeCreate();
        return item;
    }

    static bool interactive(QQuickItem *item)
    {
        auto *view = qvariant_cast<QObject *>(item->property("view"));
        return view && view->property("title").toString() == QLatin1String("interactive");
    }

private:
    QQuickWindow *m_window;
    QQmlComponent m_component;
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (::geteuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1"); // root cannot sandbox (the shipped kiosk is not root)
    WebEngineEnvironment::prepare();
    QtWebEngineQuick::initialize();
    QGuiApplication app(argc, argv);
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);

    QCommandLineParser parser;
    const QCommandLineOption urlOption(QStringLiteral("url"), QStringLiteral("Page to open."),
                                       QStringLiteral("url"));
    const QCommandLineOption allowOption(QStringLiteral("allow"), QStringLiteral("Allowed origin."),
                                         QStringLiteral("origin"));
    const QCommandLineOption cyclesOption(QStringLiteral("cycles"),
                                          QStringLiteral("Open/close cycles (0: stay)."), QStringLiteral("n"),
                                          QStringLiteral("0"));
    parser.addOptions({urlOption, allowOption, cyclesOption});
    parser.process(app);
    const QUrl url(parser.value(urlOption));
    const auto origin = WebOrigin::parseEntry(parser.value(allowOption));
    const int cycles = parser.value(cyclesOption).toInt();
    if (!url.isValid() || !origin || cycles < 0)
        return fail(QStringLiteral("usage: --url URL --allow ORIGIN [--cycles N]"));
    const NavigationPolicy policy({*origin}, origin->isLoopback());

    QString error;
    if (!WebEngineQmlTypes::registerQuietly(&error))
        return fail(QStringLiteral("Qt WebEngine's QML types: ") + error);

    WebSessionController web;
    WebSingletons::set({&web});
    int exitCode = 0;
    {
        // The kiosk's window and QML engine (the size of the kiosk's screen), no web session yet.
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        QQmlComponent windowComponent(&engine);
        windowComponent.setData("import QtQuick\nimport QtQuick.Window\n"
                                "Window { width: 1920; height: 1080; visible: true; color: 'white' }\n",
                                QUrl(QStringLiteral("web-bench-window.qml")));
        std::unique_ptr<QQuickWindow> window(qobject_cast<QQuickWindow *>(windowComponent.create()));
        ViewHost host(&engine, window.get());
        if (!window || !host.error().isEmpty())
            return fail(QStringLiteral("the view could not be loaded: ") + windowComponent.errorString() +
                        host.error());

        if (cycles == 0) {
            web.open(QStringLiteral("bench"), url, policy);
            std::unique_ptr<QQuickItem> view(host.create());
            if (!view || !waitUntil([&] { return ViewHost::interactive(view.get()); }, 60000))
                exitCode = fail(QStringLiteral("the page did not load within 60 s"));
            else
                say("loaded");
            if (exitCode == 0)
                waitForStdin();
            view.reset();
        } else {
            waitUntil([] { return false; }, 1000); // the window's first frames
            say("baseline");
            waitForStdin();
            for (int i = 0; i < cycles && exitCode == 0; ++i) {
                web.open(QStringLiteral("bench"), url, policy); // the resident chooses the service
                std::unique_ptr<QQuickItem> view(host.create());
                if (!view || !waitUntil([&] { return ViewHost::interactive(view.get()); }, 60000))
                    exitCode = fail(QStringLiteral("cycle %1: the page did not load within 60 s").arg(i + 1));
                QPointer<QObject> profile = web.profileObject();
                view.reset();     // the screen (and its view) goes
                web.endSession(); // then the session's profile
                if (!waitUntil([&] { return profile.isNull(); }, 30000))
                    exitCode = fail(QStringLiteral("cycle %1: the profile was not deleted").arg(i + 1));
                if (i == 0 && exitCode == 0) {
                    say("first"); // the engine has started once: its own cost apart from the cycles'
                    waitForStdin();
                }
            }
            if (exitCode == 0) {
                std::printf("cycles %d\n", cycles);
                std::fflush(stdout);
                waitForStdin();
            }
        }
    }
    web.endSession();
    WebSingletons::set({});
    return exitCode;
}
