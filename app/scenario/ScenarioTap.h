#pragma once

#include <QPointF>

class QQuickWindow;

// A resident's tap, as the scenario steps make it: a left press and release at `scenePos` of the window,
// delivered at once (the window's items, a web page's renderer through the view). Thread: GUI.
void scenarioTap(QQuickWindow *window, const QPointF &scenePos);
