#include "ScenarioWebPage.h"

#include "ScenarioTap.h"

#include <QCoreApplication>
#include <QJSEngine>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>

namespace {
QQuickItem *findVisible(QQuickItem *item, const QString &name)
{
    if (!item || !item->isVisible())
        return nullptr;
    if (item->objectName() == name)
        return item;
    const auto children = item->childItems();
    for (QQuickItem *child : children)
        if (QQuickItem *found = findVisible(child, name))
            return found;
    return nullptr;
}

QString quoted(const QString &text)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}
} // namespace

QQuickItem *ScenarioWebPage::view() const
{
    return findVisible(m_window->contentItem(), QStringLiteral("web.view"));
}

bool ScenarioWebPage::evaluate(const QString &script, int timeoutMs, QVariant *value)
{
    QQuickItem *web = view();
    QQmlEngine *engine = web ? qmlEngine(web) : nullptr;
    if (!engine)
        return false;
    // runJavaScript's answer lands in a JS object of the view's engine.
    QJSValue holder = engine->newObject();
    const QJSValue callback =
        engine
            ->evaluate(
                QStringLiteral("(function (h) { return function (v) { h.value = v; h.arrived = true } })"))
            .call({holder});
    QMetaObject::invokeMethod(web, "runJavaScript", Q_ARG(QString, script), Q_ARG(QJSValue, callback));
    const bool arrived =
        m_wait([&] { return holder.property(QStringLiteral("arrived")).toBool(); }, timeoutMs);
    if (arrived)
        *value = holder.property(QStringLiteral("value")).toVariant();
    return arrived;
}

bool ScenarioWebPage::tap(const QString &selector, int timeoutMs, QString *error)
{
    const QString script =
        QStringLiteral("(function () { var e = document.querySelector(%1); if (!e) return ''; "
                       "e.scrollIntoView({block: 'center'}); var r = e.getBoundingClientRect(); "
                       "return JSON.stringify({x: r.x + r.width / 2, y: r.y + r.height / 2}); })()")
            .arg(quoted(selector));
    QJsonObject centre;
    const bool found = m_wait(
        [&] {
            QVariant value;
            if (!evaluate(script, 2000, &value))
                return false;
            centre = QJsonDocument::fromJson(value.toString().toUtf8()).object();
            return !centre.isEmpty();
        },
        timeoutMs);
    QQuickItem *web = view();
    if (!found || !web) {
        *error = web ? QStringLiteral("no element '%1' on the page").arg(selector)
                     : QStringLiteral("no web view on screen");
        return false;
    }
    // CSS pixels are the item's (the view's zoom stays 1).
    const QPointF scenePos = web->mapToScene(
        QPointF(centre.value(QStringLiteral("x")).toDouble(), centre.value(QStringLiteral("y")).toDouble()));
    scenarioTap(m_window, scenePos);
    // The page takes focus after the click has crossed to the renderer: a field the resident tapped is typed
    // in only once it has the focus (keys sent earlier would reach the page's body).
    const QString focused =
        QStringLiteral("(function () { var e = document.querySelector(%1); if (!e) return true; "
                       "if (!e.matches('input, textarea, select, [contenteditable]')) return true; "
                       "return document.activeElement === e; })()")
            .arg(quoted(selector));
    const bool hasFocus = m_wait(
        [&] {
            QVariant value;
            return evaluate(focused, 2000, &value) && value.toBool();
        },
        timeoutMs);
    if (!hasFocus) {
        *error = QStringLiteral("'%1' on the page did not take the focus when tapped").arg(selector);
        return false;
    }
    return true;
}

bool ScenarioWebPage::expect(const QString &selector, const QString &pattern, int timeoutMs, QString *error)
{
    const QRegularExpression expected(pattern);
    if (!expected.isValid()) {
        *error = QStringLiteral("'%1' is not a regular expression: %2").arg(pattern, expected.errorString());
        return false;
    }
    const QString script =
        QStringLiteral("(function () { var e = document.querySelector(%1); if (!e) return null; "
                       "return 'value' in e && e.tagName !== 'BUTTON' ? e.value : e.textContent; })()")
            .arg(quoted(selector));
    QString seen;
    const bool matched = m_wait(
        [&] {
            QVariant value;
            if (!evaluate(script, 2000, &value) || value.isNull())
                return false;
            seen = value.toString();
            return expected.match(seen).hasMatch();
        },
        timeoutMs);
    if (!matched)
        *error = QStringLiteral("'%1' on the page does not match '%2' (it shows %3 characters)")
                     .arg(selector, pattern)
                     .arg(seen.size());
    return matched;
}
