// Draws assets/receipt/logo.png (192x96, greys and transparency so the dithering has work to do).
// Build: g++ -std=c++17 -fPIC make-logo.cpp $(pkg-config --cflags --libs Qt6Gui) -o make-logo
// Run:   QT_QPA_PLATFORM=offscreen ./make-logo logo.png
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
int main(int argc, char **argv) {
    QGuiApplication app(argc, argv);
    QImage img(192, 96, QImage::Format_ARGB32);
    img.fill(Qt::transparent);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    // A round emblem: ring, a house roof and a star, with a grey gradient to exercise dithering.
    QRadialGradient g(QPointF(48, 48), 46);
    g.setColorAt(0, QColor(200, 200, 200));
    g.setColorAt(1, QColor(90, 90, 90));
    p.setBrush(g);
    p.setPen(QPen(Qt::black, 4));
    p.drawEllipse(QPointF(48, 48), 44, 44);
    QPainterPath roof;
    roof.moveTo(22, 52); roof.lineTo(48, 26); roof.lineTo(74, 52); roof.closeSubpath();
    p.setBrush(Qt::white); p.setPen(QPen(Qt::black, 3));
    p.drawPath(roof);
    p.drawRect(30, 52, 36, 22);
    p.setBrush(Qt::black);
    p.drawRect(44, 60, 8, 14);
    // Two bars to the right: a stylised "OneStop" wordmark without any font dependency.
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::black);
    p.drawRoundedRect(104, 28, 80, 14, 4, 4);
    QLinearGradient lg(104, 0, 184, 0);
    lg.setColorAt(0, Qt::black); lg.setColorAt(1, QColor(220, 220, 220));
    p.setBrush(lg);
    p.drawRoundedRect(104, 54, 80, 14, 4, 4);
    p.end();
    return img.save(argv[1]) ? 0 : 1;
}
