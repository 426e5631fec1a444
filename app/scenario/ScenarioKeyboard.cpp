#include "ScenarioKeyboard.h"

#include "ScenarioTap.h"

#include <QCoreApplication>
#include <QMouseEvent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QVariant>

namespace {
QQuickItem *findNamed(QQuickItem *item, const QString &name)
{
    if (!item)
        return nullptr;
    if (item->objectName() == name)
        return item;
    const auto children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findNamed(child, name))
            return found;
    }
    return nullptr;
}

// The keys of a layout: items with a key type (Qt Virtual Keyboard's BaseKey), shown and of some width.
void collectKeys(QQuickItem *item, QList<QQuickItem *> *keys)
{
    if (!item || !item->isVisible())
        return;
    if (item->property("keyType").isValid() && item->width() > 0)
        keys->append(item);
    const auto children = item->childItems();
    for (QQuickItem *child : children)
        collectKeys(child, keys);
}

QQuickItem *findVisible(QQuickItem *item, const QString &name)
{
    if (!item || !item->isVisible())
        return nullptr;
    if (item->objectName() == name)
        return item;
    const auto children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findVisible(child, name))
            return found;
    }
    return nullptr;
}

// Scrolls every Flickable around `item` so that its centre is inside it; true when the centre is then
// inside the window and every Flickable around it.
bool bringIntoSight(QQuickItem *item, const QSizeF &windowSize)
{
    for (QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
        if (!p->inherits("QQuickFlickable"))
            continue;
        p->ensurePolished();
        const qreal centre = item->mapToItem(p, QPointF(0, item->height() / 2)).y();
        if (centre >= 0 && centre <= p->height())
            continue;
        const qreal wanted = p->property("contentY").toReal() + centre - p->height() / 2;
        const qreal maxY = qMax<qreal>(0, p->property("contentHeight").toReal() - p->height());
        p->setProperty("contentY", qBound<qreal>(0, wanted, maxY));
    }
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QRectF visible(QPointF(0, 0), windowSize);
    for (QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
        if (p->inherits("QQuickFlickable"))
            visible &= p->mapRectToScene(QRectF(0, 0, p->width(), p->height()));
    }
    return visible.contains(centre);
}

bool inside(QQuickItem *item, QQuickItem *area)
{
    const QRectF rect = item->mapRectToItem(area, QRectF(0, 0, item->width(), item->height()));
    return rect.left() >= 0 && rect.top() >= 0 && rect.right() <= area->width() &&
           rect.bottom() <= area->height();
}
} // namespace

QQuickItem *ScenarioKeyboard::panel() const
{
    QQuickItem *found = findNamed(m_window->contentItem(), QStringLiteral("keyboard.panel"));
    return found && found->isVisible() && found->property("active").toBool() ? found : nullptr;
}

QList<QQuickItem *> ScenarioKeyboard::keyItems() const
{
    QList<QQuickItem *> keys;
    QQuickItem *loader = findNamed(panel(), QStringLiteral("keyboardLayoutLoader"));
    if (loader)
        collectKeys(loader->property("item").value<QQuickItem *>(), &keys);
    return keys;
}

QQuickItem *ScenarioKeyboard::keyFor(QChar character) const
{
    const auto keys = keyItems();
    for (QQuickItem *key : keys) {
        if (character == QLatin1Char(' ') ? key->property("key").toInt() == Qt::Key_Space
                                          : key->property("text").toString() == QString(character))
            return key;
    }
    return nullptr;
}

QQuickItem *ScenarioKeyboard::candidateBar() const
{
    return findNamed(panel(), QStringLiteral("wordCandidateView"));
}

QStringList ScenarioKeyboard::candidates() const
{
    QStringList list;
    QQuickItem *bar = candidateBar();
    QObject *model = bar ? bar->property("model").value<QObject *>() : nullptr;
    const int count = model ? model->property("count").toInt() : 0;
    for (int i = 0; i < count; ++i) {
        QVariant text;
        QMetaObject::invokeMethod(model, "dataAt", Q_RETURN_ARG(QVariant, text), Q_ARG(int, i));
        list << text.toString();
    }
    return list;
}

void ScenarioKeyboard::click(QQuickItem *item)
{
    const QPointF scenePos = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    scenarioTap(m_window, scenePos);
}

bool ScenarioKeyboard::chooseCandidate(const QString &text, int timeoutMs, QString *error)
{
    int index = -1;
    if (!m_wait([&] { return (index = int(candidates().indexOf(text))) >= 0; }, timeoutMs)) {
        *error = QStringLiteral("candidate '%1' not in the bar (%2)")
                     .arg(text, candidates().mid(0, 10).join(QLatin1Char(' ')));
        return false;
    }
    QQuickItem *bar = candidateBar();
    QMetaObject::invokeMethod(bar, "positionViewAtIndex", Q_ARG(int, index), Q_ARG(int, 0 /* Beginning */));
    QQuickItem *delegate = nullptr;
    // The bar slides new candidates in: tap once the candidate is inside the bar.
    const bool shown = m_wait(
        [&] {
            QMetaObject::invokeMethod(bar, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, delegate),
                                      Q_ARG(int, index));
            return delegate && inside(delegate, bar);
        },
        timeoutMs);
    if (!shown) {
        *error =
            QStringLiteral("candidate '%1' does not come into the bar (the bar shows %2 of %3 candidates)")
                .arg(text)
                .arg(bar->property("count").toInt())
                .arg(candidates().size());
        return false;
    }
    click(delegate);
    return true;
}

bool ScenarioKeyboard::type(const QString &target, const QString &keys, const QStringList &choices,
                            int timeoutMs, QString *error)
{
    // The field is tapped once it stays in sight: the keyboard, still open on the previous field, may scroll
    // the form back to that field between one check and the next.
    QQuickItem *field = nullptr;
    const bool inSight = m_wait(
        [&] {
            field = findVisible(m_window->contentItem(), target);
            return field && field->isEnabled() && bringIntoSight(field, m_window->size());
        },
        timeoutMs);
    if (!inSight) {
        *error = field ? QStringLiteral("field '%1' does not stay in sight").arg(target)
                       : QStringLiteral("no visible, enabled field named '%1'").arg(target);
        return false;
    }
    click(field);
    if (!m_wait([&] { return !keyItems().isEmpty(); }, timeoutMs)) {
        *error = QStringLiteral("the on-screen keyboard did not open on '%1'").arg(target);
        return false;
    }
    return typeKeys(keys, choices, timeoutMs, error);
}

bool ScenarioKeyboard::typeKeys(const QString &keys, const QStringList &choices, int timeoutMs,
                                QString *error)
{
    if (!m_wait([&] { return !keyItems().isEmpty(); }, timeoutMs)) {
        *error = QStringLiteral("the on-screen keyboard is not open");
        return false;
    }
    for (const QChar c : keys) {
        QQuickItem *key = nullptr;
        // The layout may change under the keys (a pad for digits, the candidate bar growing): wait for the
        // key.
        if (!m_wait([&] { return (key = keyFor(c)) != nullptr; }, timeoutMs)) {
            QStringList shown;
            for (QQuickItem *k : keyItems())
                shown << k->property("text").toString();
            *error = QStringLiteral("no key '%1' on the keyboard (keys: %2)")
                         .arg(c)
                         .arg(shown.join(QLatin1Char(' ')));
            return false;
        }
        click(key);
    }
    for (const QString &choice : choices) {
        if (!chooseCandidate(choice, timeoutMs, error))
            return false;
    }
    return true;
}
