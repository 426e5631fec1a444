#pragma once

#include <QList>
#include <QPointF>
#include <QSize>

// Pure geometry of a photographed page, apart from OpenCV so that it is easy to test.
namespace PageGeometry {

// Four points in the order top-left, top-right, bottom-right, bottom-left (clockwise on screen, starting
// with the corner nearest the image origin). Anything but four points comes back unchanged.
QList<QPointF> orderCorners(const QList<QPointF> &points);

// The output size for ordered corners: the page's orientation (portrait when its sides on screen are
// taller than wide), long side = the measured long side capped at maxLongSide, short side = long / aspect.
QSize outputSize(const QList<QPointF> &ordered, double aspect, int maxLongSide);

// Where two infinite lines (point + direction) cross; false when they are (nearly) parallel.
bool intersect(QPointF p1, QPointF d1, QPointF p2, QPointF d2, QPointF *out);

} // namespace PageGeometry
