#pragma once

#include <QImage>
#include <QList>
#include <QPointF>
#include <QSize>

// Drawn test pictures: an A4 page (white, a black frame, lines of "text" as dark bars; no fonts, so the same
// pixels everywhere), a textured desk, and the page photographed in perspective onto the desk.
namespace PageFrames {

QImage a4Page(int width = 630);
QImage desk(const QSize &size, quint32 seed = 11);
// The page drawn onto `background` so that its outer corners land on `quad` (TL, TR, BR, BL).
QImage photographed(const QImage &page, const QImage &background, const QList<QPointF> &quad);

} // namespace PageFrames
