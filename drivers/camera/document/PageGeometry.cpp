#include "PageGeometry.h"

#include <QLineF>

#include <algorithm>
#include <cmath>

namespace PageGeometry {

QList<QPointF> orderCorners(const QList<QPointF> &points)
{
    if (points.size() != 4)
        return points;
    QPointF centre;
    for (const QPointF &p : points)
        centre += p / 4.0;
    // Clockwise on screen (y down) = increasing atan2 angle.
    QList<QPointF> sorted = points;
    std::sort(sorted.begin(), sorted.end(), [&](const QPointF &a, const QPointF &b) {
        return std::atan2(a.y() - centre.y(), a.x() - centre.x()) < std::atan2(b.y() - centre.y(), b.x() - centre.x());
    });
    int first = 0;
    for (int i = 1; i < 4; ++i)
        if (sorted[i].x() + sorted[i].y() < sorted[first].x() + sorted[first].y())
            first = i;
    QList<QPointF> ordered;
    for (int i = 0; i < 4; ++i)
        ordered.append(sorted[(first + i) % 4]);
    return ordered;
}

QSize outputSize(const QList<QPointF> &c, double aspect, int maxLongSide)
{
    if (c.size() != 4 || aspect < 1.0)
        return QSize();
    const double width = (QLineF(c[0], c[1]).length() + QLineF(c[3], c[2]).length()) / 2;
    const double height = (QLineF(c[0], c[3]).length() + QLineF(c[1], c[2]).length()) / 2;
    const int longSide = std::max(16, int(std::lround(std::min<double>(maxLongSide, std::max(width, height)))));
    const int shortSide = std::max(1, int(std::lround(longSide / aspect)));
    return height >= width ? QSize(shortSide, longSide) : QSize(longSide, shortSide);
}

bool intersect(QPointF p1, QPointF d1, QPointF p2, QPointF d2, QPointF *out)
{
    const double cross = d1.x() * d2.y() - d1.y() * d2.x();
    const double norm = std::hypot(d1.x(), d1.y()) * std::hypot(d2.x(), d2.y());
    if (norm <= 0 || std::abs(cross) < 1e-6 * norm)
        return false;
    const QPointF w = p2 - p1;
    const double t = (w.x() * d2.y() - w.y() * d2.x()) / cross;
    *out = p1 + t * d1;
    return true;
}

} // namespace PageGeometry
