// make-demo-camera DIR [COUNT]: the demo camera's recorded frames, frame_000.png ... in DIR: an A4 page
// photographed in perspective on a desk (1280x720), its position shifting a few pixels from frame to
// frame as a hand-held page would. The kiosk plays them with --camera-source images:DIR/frame_%03d.png,
// through the same capture path (OpenCvCamera) as a live camera.

#include "PageFrames.h"

#include <QDir>
#include <QGuiApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: make-demo-camera DIR [COUNT]\n");
        return 64;
    }
    const QDir dir(args.at(1));
    const int count = args.size() > 2 ? args.at(2).toInt() : 12;
    if (!QDir().mkpath(dir.path()) || count < 1) {
        std::fprintf(stderr, "make-demo-camera: cannot use %s\n", qPrintable(dir.path()));
        return 1;
    }
    const QSize size(1280, 720);
    const QImage page = PageFrames::a4Page(630);
    const QImage desk = PageFrames::desk(size);
    for (int i = 0; i < count; ++i) {
        const qreal d = (i % 4) - 1.5; // a little movement
        const QList<QPointF> quad = {QPointF(430 + d, 70), QPointF(860, 95 + d), QPointF(905 - d, 660), QPointF(385, 640 - d)};
        const QImage frame = PageFrames::photographed(page, desk, quad);
        const QString file = dir.filePath(QStringLiteral("frame_%1.png").arg(i, 3, 10, QLatin1Char('0')));
        if (!frame.save(file)) {
            std::fprintf(stderr, "make-demo-camera: cannot write %s\n", qPrintable(file));
            return 1;
        }
    }
    std::printf("%d frames in %s\n", count, qPrintable(dir.path()));
    return 0;
}
