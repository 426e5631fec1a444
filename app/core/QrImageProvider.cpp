#include "QrImageProvider.h"

#include "QrMatrix.h"

#include <QLoggingCategory>
#include <QPainter>
#include <QUrl>

Q_LOGGING_CATEGORY(lcQrImage, "onestop.qrimage")

QrImageProvider::QrImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}

QImage QrImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    const QByteArray data = QUrl::fromPercentEncoding(id.toUtf8()).toUtf8();
    const QrMatrix matrix = QrMatrix::encode(data, EscPosQrLevel::M);
    if (!matrix.ok()) {
        qCWarning(lcQrImage) << "no QR image:" << matrix.error;
        return QImage();
    }
    const int quiet = 4;
    const int modules = matrix.size + 2 * quiet;
    const int wanted = requestedSize.isValid() ? qMin(requestedSize.width(), requestedSize.height()) : modules * 8;
    const int scale = qMax(1, wanted / modules);
    QImage image(modules * scale, modules * scale, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < matrix.size; ++y)
        for (int x = 0; x < matrix.size; ++x)
            if (matrix.isDark(x, y))
                painter.fillRect((x + quiet) * scale, (y + quiet) * scale, scale, scale, Qt::black);
    painter.end();
    if (size)
        *size = image.size();
    return image;
}
