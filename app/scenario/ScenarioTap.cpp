#include "ScenarioTap.h"

#include <QCoreApplication>
#include <QMouseEvent>
#include <QQuickWindow>

void scenarioTap(QQuickWindow *window, const QPointF &scenePos)
{
    const QPointF globalPos = window->mapToGlobal(scenePos.toPoint());
    QMouseEvent press(QEvent::MouseButtonPress, scenePos, globalPos, Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QCoreApplication::sendEvent(window, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, scenePos, globalPos, Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QCoreApplication::sendEvent(window, &release);
    QCoreApplication::processEvents();
}
