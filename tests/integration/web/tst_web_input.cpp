// What a resident's fingers can do to a page in the web view, with the real view (qml/Web/LockedWebView.qml),
// the real controller and the kiosk's on-screen keyboard (Qt Virtual Keyboard with the kiosk's layouts and
// pinyin), served by a loopback server:
// - typing into a page's form with the on-screen keyboard, in pinyin (keys and candidates tapped);
// - date, time and colour inputs and single-choice selects never open the engine's popups (they become
//   text inputs and in-page lists), also when a page adds them later;
// - a long press / right click gets no context menu (refused and recorded);
// - nothing is dragged out of a page, and a URL dropped on the page navigates nowhere;
// - ctrl+wheel and a two-finger pinch leave the page at the layout's scale.
#include "HeadlessWebEngine.h"
#include "HttpServer.h"
#include "InputSingletons.h"
#include "KeyboardController.h"
#include "KeyboardEnvironment.h"
#include "NavigationPolicy.h"
#include "PinyinEngine.h"
#include "ScenarioKeyboard.h"
#include "StrictWarnings.h"
#include "WebEngineEnvironment.h"
#include "WebEngineQmlTypes.h"
#include "WebSessionController.h"
#include "WebSingletons.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QPointingDevice>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>

#include <memory>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(OneStop_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_InputPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_KeyboardPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_WebPlugin)
Q_IMPORT_QML_PLUGIN(OneStop_WebViewPlugin)

namespace {
const QByteArray formPage = R"(<!doctype html><html><head><meta charset="utf-8">
<style>body{font:24px sans-serif;margin:20px} input,select{display:block;font-size:24px;margin:12px 0;width:400px}</style>
</head><body>
<p id="text">居住登记预约 Residence registration appointment</p>
<input id="name" type="text" autocomplete="off" maxlength="32">
<input id="born" type="date" value="1990-05-01">
<input id="at" type="time">
<input id="colour" type="color">
<select id="centre"><option>徐汇</option><option>黄浦</option><option>静安</option><option>长宁</option></select>
<script>
setTimeout(function () {
  var later = document.createElement('input');
  later.id = 'later';
  later.type = 'date';
  document.body.appendChild(later);
  var choice = document.createElement('select');
  choice.id = 'laterChoice';
  choice.innerHTML = '<option>a</option><option>b</option><option>c</option>';
  document.body.appendChild(choice);
}, 200);
</script>
</body></html>)";
} // namespace

class TestWebInput : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpServer> m_server;
    QStringList m_paths; // every path the server was asked for
    QQmlEngine *m_engine = nullptr;
    WebSessionController m_web;
    std::unique_ptr<PinyinEngine> m_pinyin;
    std::unique_ptr<KeyboardController> m_keyboard;
    std::unique_ptr<QObject> m_window;

    QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()); }

    HttpResponse serve(const HttpRequest &request)
    {
        m_paths << QString::fromUtf8(request.path);
        if (request.path == "/form.html")
            return HttpResponse{200, "text/html; charset=utf-8", formPage, {}};
        if (request.path == "/dropped.html")
            return HttpResponse{200, "text/html", "<p>dropped</p>", {}};
        return HttpResponse{404, "text/plain", "not found", {}};
    }

    QQuickWindow *window() const { return qobject_cast<QQuickWindow *>(m_window.get()); }
    QObject *view() const
    {
        return qvariant_cast<QObject *>(
            qvariant_cast<QObject *>(m_window->property("locked"))->property("view"));
    }

    // A script's value in the page (its main world), through the view's runJavaScript.
    QVariant evaluate(const QString &script)
    {
        const int before = m_window->property("results").toInt();
        QMetaObject::invokeMethod(m_window.get(), "evaluate", Q_ARG(QVariant, script));
        if (!QTest::qWaitFor([&] { return m_window->property("results").toInt() > before; }, 20000))
            return QStringLiteral("<no answer>");
        return m_window->property("result");
    }

    // The centre of a page element, in window coordinates (the view fills the window's top left; zoom 1).
    QPoint centreOf(const QString &id)
    {
        const QJsonObject rect =
            QJsonDocument::fromJson(
                evaluate(
                    QStringLiteral("JSON.stringify(document.getElementById('%1').getBoundingClientRect())")
                        .arg(id))
                    .toString()
                    .toUtf8())
                .object();
        return QPoint(
            int(rect[QStringLiteral("x")].toDouble() + rect[QStringLiteral("width")].toDouble() / 2),
            int(rect[QStringLiteral("y")].toDouble() + rect[QStringLiteral("height")].toDouble() / 2));
    }

    int eventsOfKind(const QString &kind) const
    {
        int n = 0;
        for (const QJsonValue &event : m_web.events())
            if (event[QStringLiteral("kind")].toString() == kind)
                ++n;
        return n;
    }

    static int popupWindows()
    {
        int n = 0;
        for (QWindow *w : QGuiApplication::topLevelWindows())
            if (w->isVisible())
                ++n;
        return n;
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
        m_pinyin = std::make_unique<PinyinEngine>();
        m_keyboard = std::make_unique<KeyboardController>(*m_pinyin);
        m_keyboard->setSessionLanguage(QStringLiteral("zh_CN"));
        InputSingletons::set({m_pinyin.get(), m_keyboard.get()});
        WebSingletons::set({&m_web});
        m_engine = new QQmlEngine(this);
        m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));

        const QVector<WebOrigin> allowed{*WebOrigin::parseEntry(origin())};
        m_web.open(QStringLiteral("input-test"), QUrl(origin() + QStringLiteral("/form.html")),
                   NavigationPolicy(allowed, true));
        QQmlComponent component(m_engine);
        component.setData(R"(import QtQuick
import QtQuick.Window
import OneStop.WebView
import OneStop.Keyboard
Window {
    width: 1280; height: 900; visible: true
    readonly property var locked: view
    property var result
    property int results: 0
    function evaluate(script) {
        view.view.runJavaScript(script, function (value) { result = value; results = results + 1 })
    }
    LockedWebView {
        id: view
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: parent.height - keyboard.occupiedHeight
    }
    KioskKeyboard { id: keyboard; anchors.fill: parent; z: 30 }
}
)",
                          QUrl(QStringLiteral("web-input-test.qml")));
        m_window.reset(component.create());
        QVERIFY2(m_window, qPrintable(component.errorString()));
        QVERIFY(QTest::qWaitForWindowExposed(window()));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_paths.contains(QLatin1String("/form.html")) && !view()->property("loading").toBool(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(evaluate(QStringLiteral("document.getElementById('laterChoice') !== null")),
                                  QVariant(true), 20000);
    }

    void pickersBecomeTypedFieldsAndLists()
    {
        for (const QString &id : {QStringLiteral("born"), QStringLiteral("at"), QStringLiteral("colour"),
                                  QStringLiteral("later")})
            QCOMPARE(evaluate(QStringLiteral("document.getElementById('%1').type").arg(id)).toString(),
                     QStringLiteral("text"));
        QCOMPARE(evaluate(QStringLiteral("document.getElementById('born').dataset.kioskType")).toString(),
                 QStringLiteral("date"));
        QCOMPARE(evaluate(QStringLiteral("document.getElementById('born').value")).toString(),
                 QStringLiteral("1990-05-01")); // the page's value survives
        QCOMPARE(evaluate(QStringLiteral("document.getElementById('at').placeholder")).toString(),
                 QStringLiteral("hh:mm"));
        QCOMPARE(evaluate(QStringLiteral("document.getElementById('centre').size")).toInt(), 4);
        QCOMPARE(evaluate(QStringLiteral("document.getElementById('laterChoice').size")).toInt(), 3);

        // Tapping them opens nothing of the engine's: no popup window, no picker reaching the view.
        const int windows = popupWindows();
        const int pickers = eventsOfKind(QStringLiteral("file_picker"));
        for (const QString &id :
             {QStringLiteral("colour"), QStringLiteral("centre"), QStringLiteral("born")}) {
            QTest::mouseClick(window(), Qt::LeftButton, Qt::NoModifier, centreOf(id));
            QTest::qWait(300);
            QCOMPARE(popupWindows(), windows);
        }
        QCOMPARE(eventsOfKind(QStringLiteral("file_picker")), pickers);
        QTest::mouseClick(window(), Qt::LeftButton, Qt::NoModifier, centreOf(QStringLiteral("text")));
    }

    void theOnScreenKeyboardTypesIntoTheForm()
    {
        QTest::mouseClick(window(), Qt::LeftButton, Qt::NoModifier, centreOf(QStringLiteral("name")));
        QTRY_COMPARE_WITH_TIMEOUT(evaluate(QStringLiteral("document.activeElement.id")).toString(),
                                  QStringLiteral("name"), 10000);
        ScenarioKeyboard keys(window(), [](const std::function<bool()> &condition, int timeoutMs) {
            return QTest::qWaitFor(condition, timeoutMs);
        });
        QString error;
        QVERIFY2(keys.typeKeys(QStringLiteral("wang"), {QStringLiteral("王")}, 20000, &error),
                 qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(QStringLiteral("document.getElementById('name').value")).toString(),
            QStringLiteral("王"), 10000);
        // The keyboard made room: the view above it is shorter than the window.
        QObject *locked = qvariant_cast<QObject *>(m_window->property("locked"));
        QVERIFY(locked->property("height").toReal() < window()->height());
        QTest::mouseClick(window(), Qt::LeftButton, Qt::NoModifier, centreOf(QStringLiteral("text")));
    }

    void noContextMenu()
    {
        const int windows = popupWindows();
        const int before = eventsOfKind(QStringLiteral("context_menu"));
        QTest::mouseClick(window(), Qt::RightButton, Qt::NoModifier, centreOf(QStringLiteral("text")));
        QTRY_VERIFY_WITH_TIMEOUT(eventsOfKind(QStringLiteral("context_menu")) > before, 10000);
        QCOMPARE(popupWindows(), windows);
        const QJsonObject last = m_web.events().last().toObject();
        QCOMPARE(last[QStringLiteral("kind")].toString(), QStringLiteral("context_menu"));
        QVERIFY(last[QStringLiteral("blocked")].toBool());
    }

    void noDragOutOfThePage()
    {
        // A drag starting on the page (text, a link, an image) is cancelled by the kiosk's page script,
        // whatever the page's own scripts do (they run in another world).
        for (const QString &type :
             {QStringLiteral("dragstart"), QStringLiteral("dragover"), QStringLiteral("drop")})
            QCOMPARE(evaluate(QStringLiteral("document.getElementById('text').dispatchEvent("
                                             "new DragEvent('%1', {bubbles: true, cancelable: true}))")
                                  .arg(type)),
                     QVariant(false));
    }

    void aDroppedLinkGoesNowhere()
    {
        const QUrl before = view()->property("url").toUrl();
        QMimeData data;
        data.setUrls({QUrl(origin() + QStringLiteral("/dropped.html"))});
        data.setText(origin() + QStringLiteral("/dropped.html"));
        const QPointF at = centreOf(QStringLiteral("text"));
        QDragEnterEvent enter(at.toPoint(), Qt::CopyAction | Qt::LinkAction, &data, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(window(), &enter);
        QDragMoveEvent move(at.toPoint(), Qt::CopyAction | Qt::LinkAction, &data, Qt::LeftButton,
                            Qt::NoModifier);
        QCoreApplication::sendEvent(window(), &move);
        QDropEvent drop(at, Qt::CopyAction | Qt::LinkAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window(), &drop);
        QTest::qWait(2000);
        QVERIFY(!m_paths.contains(QLatin1String("/dropped.html")));
        QCOMPARE(view()->property("url").toUrl(), before);
    }

    void noZoomBeyondTheLayout()
    {
        const QPoint centre = centreOf(QStringLiteral("text"));
        for (int i = 0; i < 5; ++i) {
            QWheelEvent wheel(centre, window()->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                              Qt::ControlModifier, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(window(), &wheel);
        }
        QTest::qWait(500);
        QCOMPARE(view()->property("zoomFactor").toReal(), 1.0);

        // Two fingers moving apart on the touchscreen.
        QPointingDevice *touch = QTest::createTouchDevice();
        const QPoint a = centre - QPoint(40, 0), b = centre + QPoint(40, 0);
        QTest::touchEvent(window(), touch).press(0, a).press(1, b);
        for (int step = 1; step <= 10; ++step)
            QTest::touchEvent(window(), touch)
                .move(0, a - QPoint(20 * step, 0))
                .move(1, b + QPoint(20 * step, 0));
        QTest::touchEvent(window(), touch).release(0, a - QPoint(200, 0)).release(1, b + QPoint(200, 0));
        QTest::qWait(1000);
        QCOMPARE(evaluate(QStringLiteral("window.visualViewport.scale")).toReal(), 1.0);
        QCOMPARE(view()->property("zoomFactor").toReal(), 1.0);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_web.endSession();
        WebSingletons::set({});
        InputSingletons::set({});
    }
};

int main(int argc, char *argv[])
{
    if (::geteuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1"); // root cannot sandbox: tests only
    KeyboardEnvironment::prepare();
    WebEngineEnvironment::prepare();
    QtWebEngineQuick::initialize();
    QGuiApplication app(argc, argv);
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    TestWebInput test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_web_input.moc"
