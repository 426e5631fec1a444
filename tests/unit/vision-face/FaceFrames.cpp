#include "FaceFrames.h"
#include "StrictWarnings.h"

#include <QFileInfo>
#include <QPainter>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace FaceFrames {

QImage portrait(QString *error)
{
    const QString path = binaryPath(QStringLiteral("test-assets/astronaut.png"));
    if (!QFileInfo::exists(path)) {
        *error = QStringLiteral("%1 is missing: the fixture test vision_face_fetch_astronaut "
                                "(apt-get download python3-skimage) did not run or failed").arg(path);
        return QImage();
    }
    QImage image(path);
    if (image.isNull())
        *error = QStringLiteral("%1 is not a readable PNG").arg(path);
    return image.convertToFormat(QImage::Format_RGB32);
}

QImage kioskFrame(const QImage &portrait)
{
    // The 512x512 portrait has the face around x 175..275, y 50..170: a 4:3 crop around it.
    return portrait.copy(25, 0, 400, 300).scaled(640, 480, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

QImage placed(const QImage &frame, double scale, int dx, int dy)
{
    QImage canvas(640, 480, QImage::Format_RGB32);
    canvas.fill(QColor(128, 128, 128));
    const QImage sized = frame.scaled(int(frame.width() * scale), int(frame.height() * scale), Qt::IgnoreAspectRatio,
                                      Qt::SmoothTransformation);
    QPainter p(&canvas);
    p.drawImage((canvas.width() - sized.width()) / 2 + dx, (canvas.height() - sized.height()) / 2 + dy, sized);
    return canvas;
}

QImage blurred(const QImage &frame, double sigma)
{
    QImage out = frame.copy();
    cv::Mat m(out.height(), out.width(), CV_8UC4, out.bits(), size_t(out.bytesPerLine()));
    cv::GaussianBlur(m, m, cv::Size(0, 0), sigma);
    return out;
}

QImage sideBySide(const QImage &frame)
{
    QImage out(frame.width() * 2, frame.height(), QImage::Format_RGB32);
    QPainter p(&out);
    p.drawImage(0, 0, frame);
    p.drawImage(frame.width(), 0, frame);
    return out;
}

QImage dimmed(const QImage &frame, double factor, double leftFactor)
{
    QImage out = frame.copy();
    cv::Mat m(out.height(), out.width(), CV_8UC4, out.bits(), size_t(out.bytesPerLine()));
    m.convertTo(m, -1, factor);
    if (leftFactor >= 0) {
        cv::Mat left = m(cv::Rect(0, 0, m.cols / 2, m.rows));
        left.convertTo(left, -1, leftFactor / factor);
    }
    return out;
}

} // namespace FaceFrames
