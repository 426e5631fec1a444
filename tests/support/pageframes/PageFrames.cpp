#include "PageFrames.h"

#include <QPainter>
#include <QPolygonF>
#include <QRandomGenerator>
#include <QTransform>

namespace PageFrames {

QImage a4Page(int width)
{
    const int height = qRound(width * 297.0 / 210.0);
    QImage page(width, height, QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter p(&page);
    const int margin = width / 14;
    p.setPen(QPen(Qt::black, std::max(2, width / 150)));
    p.drawRect(margin, margin, width - 2 * margin, height - 2 * margin);
    QRandomGenerator rng(5);
    const int lineHeight = width / 40;
    for (int y = margin * 2; y < height - margin * 2; y += lineHeight * 2) {
        const int length = int((width - 4 * margin) * (0.5 + 0.5 * rng.generateDouble()));
        p.fillRect(margin * 2, y, length, lineHeight, QColor(40, 40, 40));
    }
    p.fillRect(width - margin * 5, height - margin * 4, margin * 2, margin * 2, QColor(200, 30, 30)); // a seal
    return page;
}

QImage desk(const QSize &size, quint32 seed)
{
    QImage image(size, QImage::Format_RGB32);
    QRandomGenerator rng(seed);
    // Wood-like: brown planks with grain lines, knots and noise (edges that are not a page).
    image.fill(QColor(110, 78, 50));
    QPainter p(&image);
    for (int i = 0; i < 300; ++i) {
        const int y = rng.bounded(size.height());
        const int shade = 60 + rng.bounded(70);
        p.setPen(QPen(QColor(shade + 30, shade, shade / 2), 1 + rng.bounded(3)));
        p.drawLine(0, y, size.width(), y + rng.bounded(-20, 20));
    }
    for (int i = 0; i < 25; ++i) {
        const int shade = 40 + rng.bounded(80);
        p.setBrush(QColor(shade + 20, shade, shade / 2));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPointF(rng.bounded(size.width()), rng.bounded(size.height())), 5 + rng.bounded(40), 3 + rng.bounded(15));
    }
    // A pen and a sticky note: small, bright and four-sided, but not the page.
    p.fillRect(QRect(size.width() / 20, size.height() / 12, size.width() / 12, size.width() / 12), QColor(240, 230, 120));
    p.end();
    for (int y = 0; y < size.height(); ++y) {
        QRgb *row = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const int n = rng.bounded(-12, 13);
            const QRgb c = row[x];
            row[x] = qRgb(std::clamp(qRed(c) + n, 0, 255), std::clamp(qGreen(c) + n, 0, 255), std::clamp(qBlue(c) + n, 0, 255));
        }
    }
    return image;
}

QImage photographed(const QImage &page, const QImage &background, const QList<QPointF> &quad)
{
    QImage out = background.copy();
    QTransform t;
    const QPolygonF from(QList<QPointF>{QPointF(0, 0), QPointF(page.width(), 0), QPointF(page.width(), page.height()),
                                       QPointF(0, page.height())});
    if (!QTransform::quadToQuad(from, QPolygonF(quad), t))
        return QImage();
    QPainter p(&out);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setRenderHint(QPainter::Antialiasing);
    p.setTransform(t);
    p.drawImage(0, 0, page);
    return out;
}

} // namespace PageFrames
