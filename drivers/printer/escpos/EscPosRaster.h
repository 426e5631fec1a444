#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

// A picture turned into printer dots for GS v 0: greyscale, scaled down to fit, then dithered to black and
// white. Pure; thread: any (QImage only, no QPainter, no QGuiApplication needed).
struct EscPosRasterBits
{
    int widthDots = 0;
    int bytesPerRow = 0;
    int rows = 0;
    QByteArray bits; // bytesPerRow * rows, MSB = leftmost dot, 1 = black
    QString error;   // "logo: the image is empty"
    bool ok() const { return error.isEmpty(); }
};

struct EscPosRaster
{
    enum class Dither { Threshold, FloydSteinberg };

    // maxWidthDots: the paper (384 or 576); a wider image is scaled down keeping its aspect ratio, a
    // narrower one is kept at its size. Transparent pixels count as white paper.
    static EscPosRasterBits fromImage(const QImage &image, int maxWidthDots,
                                      Dither dither = Dither::FloydSteinberg);
    // Luminance 0 (black) .. 255 (white) per pixel, row by row, as the dithering sees it.
    static QByteArray greyLevels(const QImage &image);
    // Floyd–Steinberg error diffusion of grey levels (width * height bytes) into packed bits.
    static QByteArray floydSteinberg(const QByteArray &grey, int width, int height);
    static QByteArray threshold(const QByteArray &grey, int width, int height, int level = 128);
};
