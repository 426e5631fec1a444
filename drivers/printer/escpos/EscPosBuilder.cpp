#include "EscPosEncoder.h"
#include "EscPosRaster.h"

// EscPosBuilder (declared in EscPosEncoder.h): the encoders in order, first error wins.

EscPosBuilder &EscPosBuilder::append(const QByteArray &bytes)
{
    return append(EscPosEncoded{bytes, QString()});
}

EscPosBuilder &EscPosBuilder::append(const EscPosEncoded &encoded)
{
    if (!ok())
        return *this;
    ++m_commands;
    if (!encoded.ok()) {
        m_error = QStringLiteral("command %1: %2").arg(m_commands).arg(encoded.error);
        return *this;
    }
    m_bytes.append(encoded.bytes);
    return *this;
}

EscPosBuilder &EscPosBuilder::initialize()
{
    // ESC @ puts the printer back to its power-on modes; Chinese mode is on after it only on printers
    // that start in it, so a receipt that needs it switches it on explicitly.
    m_chineseMode = false;
    return append(EscPosEncoder::initialize());
}

EscPosBuilder &EscPosBuilder::chineseMode(bool on)
{
    if (ok())
        m_chineseMode = on;
    return append(EscPosEncoder::chineseMode(on));
}

EscPosBuilder &EscPosBuilder::text(const QString &text)
{
    if (ok() && !m_chineseMode) {
        for (QChar c : text) {
            if (c.unicode() >= 0x80)
                return append(
                    EscPosEncoded{QByteArray(), QStringLiteral("text: non-ASCII text while Chinese mode is "
                                                               "off would print as garbage")});
        }
    }
    return append(EscPosEncoder::text(text));
}

EscPosBuilder &EscPosBuilder::line(const QString &text)
{
    return this->text(text).lineFeed();
}

EscPosBuilder &EscPosBuilder::lineFeed()
{
    return append(EscPosEncoder::lineFeed());
}

EscPosBuilder &EscPosBuilder::feedLines(int lines)
{
    return append(EscPosEncoder::feedLines(lines));
}

EscPosBuilder &EscPosBuilder::align(EscPosAlign align)
{
    return append(EscPosEncoder::align(align));
}

EscPosBuilder &EscPosBuilder::bold(bool on)
{
    return append(EscPosEncoder::bold(on));
}

EscPosBuilder &EscPosBuilder::underline(int dots)
{
    if (dots < 0 || dots > 2)
        return append(
            EscPosEncoded{QByteArray(), QStringLiteral("underline: %1 dots, the range is 0..2").arg(dots)});
    return append(EscPosEncoder::underline(dots));
}

EscPosBuilder &EscPosBuilder::characterSize(int width, int height)
{
    return append(EscPosEncoder::characterSize(width, height));
}

EscPosBuilder &EscPosBuilder::qrCode(const QByteArray &data, int moduleSize, EscPosQrLevel level)
{
    return append(EscPosEncoder::qrCode(data, moduleSize, level));
}

EscPosBuilder &EscPosBuilder::rasterImage(int bytesPerRow, int rows, const QByteArray &bits)
{
    return append(EscPosEncoder::rasterImage(bytesPerRow, rows, bits));
}

EscPosBuilder &EscPosBuilder::rasterImage(const EscPosRasterBits &raster)
{
    if (!raster.ok())
        return append(EscPosEncoded{QByteArray(), raster.error});
    return rasterImage(raster.bytesPerRow, raster.rows, raster.bits);
}

EscPosBuilder &EscPosBuilder::barcodeCode128(const QByteArray &data, int heightDots, int moduleWidth)
{
    return append(EscPosEncoder::barcodeCode128(data, heightDots, moduleWidth));
}

EscPosBuilder &EscPosBuilder::cut(EscPosCut kind)
{
    return append(EscPosEncoder::cut(kind));
}

EscPosBuilder &EscPosBuilder::feedAndCut(int dots, EscPosCut kind)
{
    return append(EscPosEncoder::feedAndCut(dots, kind));
}

EscPosBuilder &EscPosBuilder::raw(const QByteArray &bytes)
{
    return append(bytes);
}
