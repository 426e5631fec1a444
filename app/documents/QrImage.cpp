#include "QrImage.h"

#include <qrencode.h>

#include <cerrno>
#include <cstring>

QImage QrImage::render(const QByteArray &data, int moduleSize, QString *error)
{
    if (data.isEmpty() || moduleSize < 1) {
        if (error)
            *error = QStringLiteral("QR code: no data");
        return QImage();
    }
    QRcode *code = QRcode_encodeData(
        int(data.size()), reinterpret_cast<const unsigned char *>(data.constData()), 0, QR_ECLEVEL_M);
    if (!code) {
        if (error)
            *error = QStringLiteral("QR code: %1 bytes cannot be encoded (%2)")
                         .arg(data.size())
                         .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return QImage();
    }
    const int quiet = 4;
    const int side = (code->width + 2 * quiet) * moduleSize;
    QImage image(side, side, QImage::Format_Mono);
    image.setColor(0, qRgb(255, 255, 255));
    image.setColor(1, qRgb(0, 0, 0));
    image.fill(0);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if (!(code->data[y * code->width + x] & 1))
                continue;
            for (int dy = 0; dy < moduleSize; ++dy)
                for (int dx = 0; dx < moduleSize; ++dx)
                    image.setPixel((x + quiet) * moduleSize + dx, (y + quiet) * moduleSize + dy, 1);
        }
    }
    QRcode_free(code);
    return image;
}
