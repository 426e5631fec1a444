#pragma once

#include <QString>
#include <functional>

class QQuickItem;
class QQuickWindow;

// The scenario steps that act on the page in the resident's web view (the item named "web.view",
// qml/Web/LockedWebView.qml), as a resident's finger does:
//   tap_web    {"selector": "#name"}                     taps the centre of the page's element (found with
//                                                        document.querySelector, scrolled into view first)
//   expect_web {"selector": "#code", "matches": "^W\\d"} waits until the element's value (inputs) or text
//                                                        matches the regular expression
// The page is asked with the view's runJavaScript (the page's main world); nothing is typed by script: text
// goes in through the on-screen keyboard (type_keys without a target). Thread: GUI.
class ScenarioWebPage
{
public:
    using Wait = std::function<bool(const std::function<bool()> &condition, int timeoutMs)>;

    ScenarioWebPage(QQuickWindow *window, Wait wait) : m_window(window), m_wait(std::move(wait)) {}

    bool tap(const QString &selector, int timeoutMs, QString *error);
    bool expect(const QString &selector, const QString &pattern, int timeoutMs, QString *error);

private:
    QQuickItem *view() const;
    // The value of `script` in the page; false when the view did not answer within timeoutMs.
    bool evaluate(const QString &script, int timeoutMs, QVariant *value);

    QQuickWindow *m_window;
    Wait m_wait;
};
