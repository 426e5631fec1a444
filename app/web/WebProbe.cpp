#include "WebProbe.h"

#include "NavigationPolicy.h"
#include "WebEngineEnvironment.h"
#include "WebSessionController.h"
#include "WebSingletons.h"

#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace {

// Scripts in the page through the probe window's evaluate() / scriptResult(token, result).
class ScriptChannel : public QObject
{
    Q_OBJECT
public:
    explicit ScriptChannel(QObject *window) : m_window(window)
    {
        connect(window, SIGNAL(scriptResult(int, QVariant)), this, SLOT(onResult(int, QVariant)));
    }

    // The script's result, or nullopt when the page did not answer within timeoutMs.
    std::optional<QVariant> evaluate(const QString &script, int timeoutMs)
    {
        const int token = ++m_token;
        m_answered = false;
        QTimer timeout;
        timeout.setSingleShot(true);
        connect(&timeout, &QTimer::timeout, &m_loop, &QEventLoop::quit);
        timeout.start(timeoutMs);
        QMetaObject::invokeMethod(m_window, "evaluate", Q_ARG(QVariant, script), Q_ARG(QVariant, token));
        if (!m_answered)
            m_loop.exec();
        if (!m_answered || m_answerToken != token)
            return std::nullopt;
        return m_result;
    }

private slots:
    void onResult(int token, const QVariant &result)
    {
        if (token != m_token)
            return; // a late answer to a script that timed out
        m_answered = true;
        m_answerToken = token;
        m_result = result;
        m_loop.quit();
    }

private:
    QObject *m_window;
    QEventLoop m_loop;
    int m_token = 0;
    bool m_answered = false;
    int m_answerToken = 0;
    QVariant m_result;
};

int fail(const QString &why)
{
    std::fprintf(stderr, "onestop-kiosk: web probe: %s\n", qPrintable(why));
    return 2;
}

void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void click(QQuickWindow *window, const QPointF &at)
{
    const QPointF global = window->mapToGlobal(at);
    QMouseEvent press(QEvent::MouseButtonPress, at, at, global, Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QCoreApplication::sendEvent(window, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, at, at, global, Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QCoreApplication::sendEvent(window, &release);
}

} // namespace

namespace WebProbe {

int run(const Options &options)
{
    QVector<WebOrigin> allowed;
    bool loopbackHttp = false;
    for (const QString &entry : options.allow) {
        QString why;
        const auto origin = WebOrigin::parseEntry(entry, &why);
        if (!origin)
            return fail(QStringLiteral("--web-allow %1: %2").arg(entry, why));
        if (origin->scheme == QLatin1String("http")) {
            if (!origin->isLoopback())
                return fail(QStringLiteral("--web-allow %1: http only to loopback").arg(entry));
            loopbackHttp = true;
        }
        allowed << *origin;
    }
    if (!options.url.isValid() || allowed.isEmpty())
        return fail(QStringLiteral("a valid URL and at least one allowed origin are needed"));

    WebSessionController web;
    web.open(QStringLiteral("probe"), options.url, NavigationPolicy(allowed, loopbackHttp));
    WebSingletons::set({&web});
    int exitCode = 0;
    {
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/OneStop/WebView/WebProbeWindow.qml")));
        auto *window = engine.rootObjects().isEmpty()
                           ? nullptr
                           : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        QObject *locked = window ? window->findChild<QObject *>(QStringLiteral("probe.web")) : nullptr;
        if (!locked) {
            WebSingletons::set({});
            return fail(QStringLiteral("the probe window could not be loaded"));
        }
        ScriptChannel scripts(window);

        // The first load of the page: the engine has 30 s to start and answer.
        for (int waited = 0; !locked->property("started").toBool(); waited += 100) {
            if (waited >= 30000) {
                WebSingletons::set({});
                return fail(QStringLiteral("the web view did not load the page within 30 s"));
            }
            waitMs(100);
        }

        // The page counts the mouse presses it receives, so that a click sent before the view takes input
        // is sent again (-1: a new document, i.e. the click navigated).
        const QString countPresses =
            QStringLiteral("(function(){if(window.__probePresses===undefined){window.__probePresses=0;"
                           "document.addEventListener('mousedown',()=>window.__probePresses++,true);}"
                           "return window.__probePresses;})()");
        const QString pressesNow =
            QStringLiteral("typeof window.__probePresses==='number'?window.__probePresses:-1");
        // Delivers a click at `at`, again every 250 ms (up to 40 times) until the page has seen it.
        const auto clickUntilSeen = [&](const QPointF &at) {
            const int before = scripts.evaluate(countPresses, 5000).value_or(QVariant(0)).toInt();
            for (int attempt = 0; attempt < 40; ++attempt) {
                click(window, at);
                waitMs(attempt == 0 ? 50 : 250);
                const int now = scripts.evaluate(pressesNow, 5000).value_or(QVariant(-1)).toInt();
                if (now < 0 || now > before)
                    return true;
            }
            return false;
        };
        // First a click on nothing in the corner: the view takes input from then on.
        if (!clickUntilSeen(QPointF(2, window->height() - 2)))
            std::fprintf(stderr, "onestop-kiosk: web probe: the page never saw a click\n");

        // Every data-probe element, one after another, by a real click in its middle.
        const auto count =
            scripts.evaluate(QStringLiteral("document.querySelectorAll('[data-probe]').length"), 5000);
        const int elements = count ? count->toInt() : 0;
        for (int i = 0; i < elements; ++i) {
            const auto where = scripts.evaluate(
                QStringLiteral(
                    "(function(){const e=document.querySelectorAll('[data-probe]')[%1];if(!e)return null;"
                    "e.scrollIntoView({block:'center'});const r=e.getBoundingClientRect();"
                    "return [r.left+r.width/2,r.top+r.height/2];})()")
                    .arg(i),
                5000);
            if (!where || where->toList().size() != 2)
                continue;
            const QVariantList xy = where->toList();
            clickUntilSeen(QPointF(xy.at(0).toDouble(), xy.at(1).toDouble()));
            waitMs(300);
        }
        waitMs(options.seconds * 1000);

        const bool alive = scripts.evaluate(QStringLiteral("1+1"), 5000).value_or(QVariant()).toInt() == 2;
        QJsonObject report{
            {QStringLiteral("url"), options.url.toString()},
            {QStringLiteral("allowed_origins"), QJsonArray::fromStringList(options.allow)},
            {QStringLiteral("sandbox"), WebEngineEnvironment::sandboxed()},
            {QStringLiteral("final_url"), locked->property("currentUrl").toUrl().toString()},
            {QStringLiteral("alive"), alive},
            {QStringLiteral("blocked_requests"), web.blockedRequests()},
            {QStringLiteral("events"), web.events()},
        };
        const QByteArray bytes = QJsonDocument(report).toJson(QJsonDocument::Indented);
        QFile file(options.reportFile);
        if (options.reportFile.isEmpty())
            std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        else if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            exitCode = fail(QStringLiteral("cannot write the report to %1").arg(options.reportFile));
        window->close();
    }
    web.endSession();
    WebSingletons::set({});
    waitMs(0);
    return exitCode;
}

} // namespace WebProbe

#include "WebProbe.moc"
