#include "EscPosRaster.h"

#include "EscPosEncoder.h"

#include <QList>

namespace {

void setDot(QByteArray &bits, int bytesPerRow, int x, int y)
{
    bits[y * bytesPerRow + x / 8] = char(static_cast<unsigned char>(bits[y * bytesPerRow + x / 8]) |
                                         (0x80 >> (x % 8)));
}

} // namespace

QByteArray EscPosRaster::greyLevels(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    QByteArray out(qsizetype(argb.width()) * argb.height(), '\0');
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            const QRgb p = line[x];
            const int alpha = qAlpha(p);
            const int grey = qGray(p);
            // Blend over white paper.
            const int level = (grey * alpha + 255 * (255 - alpha)) / 255;
            out[qsizetype(y) * argb.width() + x] = char(level);
        }
    }
    return out;
}

QByteArray EscPosRaster::threshold(const QByteArray &grey, int width, int height, int level)
{
    const int bytesPerRow = (width + 7) / 8;
    QByteArray bits(qsizetype(bytesPerRow) * height, '\0');
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (static_cast<unsigned char>(grey.at(qsizetype(y) * width + x)) < level)
                setDot(bits, bytesPerRow, x, y);
    return bits;
}

QByteArray EscPosRaster::floydSteinberg(const QByteArray &grey, int width, int height)
{
    const int bytesPerRow = (width + 7) / 8;
    QByteArray bits(qsizetype(bytesPerRow) * height, '\0');
    // Errors in 1/16 units for this row and the next, with a guard column on each side.
    QList<int> current(width + 2, 0), next(width + 2, 0);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const int wanted = static_cast<unsigned char>(grey.at(qsizetype(y) * width + x)) * 16 + current[x + 1];
            const int printed = wanted < 128 * 16 ? 0 : 255 * 16;
            if (printed == 0)
                setDot(bits, bytesPerRow, x, y);
            const int error = (wanted - printed) / 16;
            current[x + 2] += error * 7;
            next[x] += error * 3;
            next[x + 1] += error * 5;
            next[x + 2] += error * 1;
        }
        current.swap(next);
        next.fill(0);
    }
    return bits;
}

EscPosRasterBits EscPosRaster::fromImage(const QImage &image, int maxWidthDots, Dither dither)
{
    EscPosRasterBits out;
    if (image.isNull() || image.width() < 1 || image.height() < 1) {
        out.error = QStringLiteral("raster: the image is empty");
        return out;
    }
    if (maxWidthDots < 8 || maxWidthDots > EscPosEncoder::maxRasterBytesPerRow * 8) {
        out.error = QStringLiteral("raster: paper width %1 dots is out of range").arg(maxWidthDots);
        return out;
    }
    QImage scaled = image;
    if (scaled.width() > maxWidthDots)
        scaled = scaled.scaledToWidth(maxWidthDots, Qt::SmoothTransformation);
    if (scaled.height() > EscPosEncoder::maxRasterRows) {
        out.error = QStringLiteral("raster: %1 rows after scaling, the limit is %2")
                        .arg(scaled.height())
                        .arg(EscPosEncoder::maxRasterRows);
        return out;
    }
    const QByteArray grey = greyLevels(scaled);
    out.widthDots = scaled.width();
    out.bytesPerRow = (scaled.width() + 7) / 8;
    out.rows = scaled.height();
    out.bits = dither == Dither::FloydSteinberg ? floydSteinberg(grey, scaled.width(), scaled.height())
                                                : threshold(grey, scaled.width(), scaled.height());
    return out;
}
