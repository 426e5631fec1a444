#include "EscPosDecoderRun.h"

// The commands whose length depends on their content. Each checks that its bytes are there before it
// reads them (need()), so a truncated stream ends in an Error element, never in a read past the end.

using namespace escpos_detail;

// GS ( <fn> pL pH <pL + 256 pH bytes> and FS ( <fn> ...: every such function carries its own length.
void DecoderRun::takeParenFunction()
{
    const int offset = m_pos;
    const unsigned char prefix = at(offset);
    const QString head = EscPosCommandTable::mnemonic(prefix, '(');
    if (!need(5, head + QStringLiteral(" header")))
        return;
    const unsigned char function = at(offset + 2);
    const int parameters = at(offset + 3) + 256 * at(offset + 4);
    const QString what = head + QLatin1Char(' ') + QLatin1Char(char(function));
    if (!need(5 + parameters, what))
        return;
    m_pos = offset + 5 + parameters;
    if (prefix == GS && function == 'k') {
        if (parameters < 2)
            return error(
                offset,
                QStringLiteral("GS ( k: parameter length %1, needs at least 2 (cn fn)").arg(parameters));
        if (at(offset + 5) == 0x31)
            return takeQrFunction(offset, 5 + parameters);
        return command(
            offset, 5 + parameters,
            QStringLiteral("2D symbol cn=%1 fn=%2").arg(hexByte(at(offset + 5)), hexByte(at(offset + 6))));
    }
    if (prefix == GS && function == 'L') {
        if (parameters < 2)
            return error(
                offset,
                QStringLiteral("GS ( L: parameter length %1, needs at least 2 (m fn)").arg(parameters));
        return takeGraphicsFunction(offset, 5 + parameters, offset + 5);
    }
    command(offset, 5 + parameters, QStringLiteral("function ") + what);
}

// GS 8 L p1 p2 p3 p4 m fn ...: the graphics functions with a 32-bit parameter length.
void DecoderRun::takeLongGraphics()
{
    const int offset = m_pos;
    if (!need(3, QStringLiteral("GS 8")))
        return;
    if (at(offset + 2) != 'L')
        return unknown(offset, 2);
    if (!need(7, QStringLiteral("GS 8 L header")))
        return;
    const qint64 parameters = qint64(at(offset + 3)) | (qint64(at(offset + 4)) << 8) |
                              (qint64(at(offset + 5)) << 16) | (qint64(at(offset + 6)) << 24);
    if (!need(7 + parameters, QStringLiteral("GS 8 L (graphics)")))
        return;
    m_pos = offset + 7 + int(parameters);
    if (parameters < 2)
        return error(offset,
                     QStringLiteral("GS 8 L: parameter length %1, needs at least 2 (m fn)").arg(parameters));
    takeGraphicsFunction(offset, 7 + int(parameters), offset + 7);
}

// The graphics functions shared by GS ( L and GS 8 L; parameterStart is the offset of m. Function 112
// stores a raster graphic (a bx by c xL xH yL yH d1..dk, k = ceil(x / 8) * y for monochrome), function
// 50 prints it.
void DecoderRun::takeGraphicsFunction(int offset, int length, int parameterStart)
{
    const int parameters = offset + length - parameterStart;
    const int fn = at(parameterStart + 1);
    const QString head = EscPosCommandTable::mnemonic(GS, at(offset + 1)) + QStringLiteral(" L");
    if (fn == 50) {
        printPendingLine();
        if (m_graphic.kind != EscPosElement::Kind::Image)
            return error(offset,
                         head + QStringLiteral(" (print graphics): no graphic stored, nothing printed"));
        EscPosElement e = m_graphic;
        e.offset = offset;
        e.raw = m_in.mid(offset, length);
        e.align = m_align;
        return add(e);
    }
    if (fn != 112)
        return command(offset, length, QStringLiteral("graphics function %1").arg(fn));
    const auto malformed = [&](const QString &why) {
        error(offset, head + QStringLiteral(" (store graphics): %1, ignored").arg(why));
    };
    if (parameters < 10)
        return malformed(QStringLiteral("parameter length %1, needs at least 10").arg(parameters));
    const int tone = at(parameterStart + 2);
    const int bx = at(parameterStart + 3);
    const int by = at(parameterStart + 4);
    const int width = at(parameterStart + 6) + 256 * at(parameterStart + 7);
    const int height = at(parameterStart + 8) + 256 * at(parameterStart + 9);
    if (tone != 0x30)
        return malformed(QStringLiteral("tone a=%1 is not monochrome (0x30)").arg(hexByte(tone)));
    if ((bx != 1 && bx != 2) || (by != 1 && by != 2))
        return malformed(QStringLiteral("scale %1 x %2 is not 1 or 2").arg(bx).arg(by));
    const qint64 expected = qint64((width + 7) / 8) * height;
    if (width == 0 || height == 0 || expected != parameters - 10)
        return malformed(QStringLiteral("%1 x %2 dots needs %3 bytes of data, has %4")
                             .arg(width)
                             .arg(height)
                             .arg(expected)
                             .arg(parameters - 10));
    m_graphic = EscPosElement();
    m_graphic.kind = EscPosElement::Kind::Image;
    m_graphic.data = m_in.mid(parameterStart + 10, parameters - 10);
    m_graphic.imageWidth = width;
    m_graphic.imageHeight = height;
    m_graphic.scaleX = bx;
    m_graphic.scaleY = by;
    command(offset, length, QStringLiteral("store graphics"));
}

// GS ( k with cn = 49: the QR code functions. length includes the 5-byte header.
void DecoderRun::takeQrFunction(int offset, int length)
{
    const int parameters = length - 5;
    const unsigned char fn = at(offset + 6);
    const int n = parameters >= 3 ? at(offset + 7) : -1;
    const auto malformed = [&](const QString &function, const QString &why) {
        error(offset, QStringLiteral("GS ( k (%1): %2, ignored").arg(function, why));
    };
    const auto expectLength = [&](const QString &function, int expected) {
        if (parameters == expected)
            return true;
        malformed(function, QStringLiteral("parameter length %1, expected %2").arg(parameters).arg(expected));
        return false;
    };

    switch (fn) {
    case 0x41: // model
        if (!expectLength(QStringLiteral("QR model"), 4))
            return;
        if (n < 49 || n > 51)
            return malformed(QStringLiteral("QR model"), QStringLiteral("n1=%1 is not 49..51").arg(n));
        return command(
            offset, length,
            QStringLiteral("QR model %1").arg(n == 51 ? QStringLiteral("micro") : QString::number(n - 48)));
    case 0x43: // module size
        if (!expectLength(QStringLiteral("QR module size"), 3))
            return;
        if (n < 1 || n > 16)
            return malformed(QStringLiteral("QR module size"), QStringLiteral("n=%1 is not 1..16").arg(n));
        m_qrModuleSize = n;
        return command(offset, length, QStringLiteral("QR module size"));
    case 0x45: // error correction
        if (!expectLength(QStringLiteral("QR error correction"), 3))
            return;
        if (n < 48 || n > 51)
            return malformed(QStringLiteral("QR error correction"),
                             QStringLiteral("n=%1 is not 48..51").arg(n));
        m_qrLevel = EscPosQrLevel(n - 48);
        return command(offset, length, QStringLiteral("QR error correction"));
    case 0x50: { // store
        if (parameters < 4)
            return malformed(QStringLiteral("QR store"), QStringLiteral("no data"));
        if (n != 0x30)
            return malformed(QStringLiteral("QR store"), QStringLiteral("m=%1 is not 0x30").arg(hexByte(n)));
        if (parameters - 3 > 7089)
            return malformed(QStringLiteral("QR store"),
                             QStringLiteral("%1 bytes of data, the limit is 7089").arg(parameters - 3));
        m_qrData = m_in.mid(offset + 8, parameters - 3);
        return command(offset, length, QStringLiteral("QR store"));
    }
    case 0x51: { // print
        if (!expectLength(QStringLiteral("QR print"), 3))
            return;
        printPendingLine();
        if (m_qrData.isEmpty())
            return error(offset, QStringLiteral("GS ( k (QR print): no QR data stored, nothing printed"));
        EscPosElement e;
        e.kind = EscPosElement::Kind::Qr;
        e.offset = offset;
        e.raw = m_in.mid(offset, length);
        e.data = m_qrData;
        e.qrModuleSize = m_qrModuleSize;
        e.qrLevel = m_qrLevel;
        e.align = m_align;
        return add(e);
    }
    case 0x52:
        return command(offset, length, QStringLiteral("QR transmit size"));
    default:
        return command(offset, length, QStringLiteral("QR function %1").arg(hexByte(fn)));
    }
}

// GS v 0 m xL xH yL yH d1..dk, k = x * y.
void DecoderRun::takeRaster()
{
    const int offset = m_pos;
    if (!need(3, QStringLiteral("GS v")))
        return;
    if (at(offset + 2) != '0')
        return unknown(offset, 2);
    if (!need(8, QStringLiteral("GS v 0 (raster image) header")))
        return;
    const int m = at(offset + 3);
    const int bytesPerRow = at(offset + 4) + 256 * at(offset + 5);
    const int rows = at(offset + 6) + 256 * at(offset + 7);
    if (!need(8 + qint64(bytesPerRow) * rows,
              QStringLiteral("GS v 0 (raster image %1 x %2 bytes)").arg(bytesPerRow).arg(rows)))
        return;
    const int dataLength = bytesPerRow * rows; // fits: the bytes are there
    m_pos = offset + 8 + dataLength;
    if (!(m <= 3 || (m >= '0' && m <= '3')))
        return error(
            offset, QStringLiteral("GS v 0 (raster image): mode m=%1 is not 0..3 or 48..51, ignored").arg(m));
    if (dataLength == 0)
        return error(offset, QStringLiteral("GS v 0 (raster image): %1 x %2 bytes, nothing to print, ignored")
                                 .arg(bytesPerRow)
                                 .arg(rows));
    printPendingLine();
    EscPosElement e;
    e.kind = EscPosElement::Kind::Image;
    e.offset = offset;
    e.raw = m_in.mid(offset, 8 + dataLength);
    e.data = m_in.mid(offset + 8, dataLength);
    e.imageWidth = bytesPerRow * 8;
    e.imageHeight = rows;
    e.scaleX = (m & 1) ? 2 : 1;
    e.scaleY = (m & 2) ? 2 : 1;
    e.align = m_align;
    add(e);
}

// GS k m d1..dk NUL (m 0..6) or GS k m n d1..dn (m 65..79).
void DecoderRun::takeBarcode()
{
    const int offset = m_pos;
    if (!need(3, QStringLiteral("GS k (barcode)")))
        return;
    const int m = at(offset + 2);
    const QString system = EscPosCommandTable::barcodeSystem(m);
    if (system.isEmpty()) {
        m_pos = offset + 3;
        return error(offset, QStringLiteral("GS k (barcode): system m=%1 is unknown, ignored").arg(m));
    }
    QByteArray data;
    int length = 0;
    if (m <= 6) {
        const int end = int(m_in.indexOf('\0', offset + 3));
        if (end < 0 || end - (offset + 3) > 255) {
            error(offset,
                  end < 0 ? QStringLiteral("truncated GS k (barcode %1): no NUL after the data").arg(system)
                          : QStringLiteral("GS k (barcode %1): no NUL within 255 bytes").arg(system));
            m_pos = end < 0 ? int(m_in.size()) : end + 1;
            return;
        }
        data = m_in.mid(offset + 3, end - (offset + 3));
        length = end + 1 - offset;
        if (data.isEmpty()) {
            m_pos = offset + length;
            return error(offset, QStringLiteral("GS k (barcode %1): no data, ignored").arg(system));
        }
    } else {
        if (!need(4, QStringLiteral("GS k (barcode %1) length").arg(system)))
            return;
        const int n = at(offset + 3);
        if (!need(4 + n, QStringLiteral("GS k (barcode %1)").arg(system)))
            return;
        data = m_in.mid(offset + 4, n);
        length = 4 + n;
    }
    m_pos = offset + length;
    printPendingLine();
    EscPosElement e;
    e.kind = EscPosElement::Kind::Barcode;
    e.offset = offset;
    e.raw = m_in.mid(offset, length);
    e.name = system;
    e.data = data;
    e.align = m_align;
    add(e);
}

// GS V m (m 0, 1, 48, 49) or GS V m n (m 65, 66, 97, 98, 103, 104).
void DecoderRun::takeCut()
{
    const int offset = m_pos;
    if (!need(3, QStringLiteral("GS V (cut)")))
        return;
    const int m = at(offset + 2);
    const bool withFeed = m == 65 || m == 66 || m == 97 || m == 98 || m == 103 || m == 104;
    if (!withFeed && m != 0 && m != 1 && m != 48 && m != 49) {
        m_pos = offset + 3;
        return error(offset, QStringLiteral("GS V (cut): mode m=%1 is unknown, ignored").arg(m));
    }
    const int length = withFeed ? 4 : 3;
    if (!need(length, QStringLiteral("GS V (cut)")))
        return;
    m_pos = offset + length;
    printPendingLine();
    EscPosElement e;
    e.kind = EscPosElement::Kind::Cut;
    e.offset = offset;
    e.raw = m_in.mid(offset, length);
    e.partial = withFeed ? (m % 2 == 0) : (m % 2 == 1);
    e.count = withFeed ? at(offset + 3) : 0;
    add(e);
}

// ESC * m nL nH d1..dk: column-format bit image, k = n (8-dot) or 3n (24-dot). Reported, not rendered.
void DecoderRun::takeColumnImage()
{
    const int offset = m_pos;
    if (!need(5, QStringLiteral("ESC * (bit image) header")))
        return;
    const int m = at(offset + 2);
    const int columns = at(offset + 3) + 256 * at(offset + 4);
    if (m != 0 && m != 1 && m != 32 && m != 33) {
        m_pos = offset + 5;
        return error(offset, QStringLiteral("ESC * (bit image): mode m=%1 is unknown, ignored").arg(m));
    }
    const int length = 5 + columns * (m >= 32 ? 3 : 1);
    if (!need(length, QStringLiteral("ESC * (bit image)")))
        return;
    m_pos = offset + length;
    command(offset, length, QStringLiteral("bit image (column format)"));
}

// ESC D n1..nk NUL, k <= 32.
void DecoderRun::takeTabPositions()
{
    const int offset = m_pos;
    const int end = int(m_in.indexOf('\0', offset + 2));
    if (end < 0 || end - (offset + 2) > 32) {
        error(offset, end < 0 ? QStringLiteral("truncated ESC D (tab positions): no NUL")
                              : QStringLiteral("ESC D (tab positions): no NUL within 32 positions"));
        m_pos = end < 0 ? int(m_in.size()) : end + 1;
        return;
    }
    m_pos = end + 1;
    command(offset, end + 1 - offset, QStringLiteral("tab positions"));
}

// DLE DC4 fn ...: fn 1 (pulse) and fn 2 (power off) take 5 bytes, fn 8 (clear buffers) 10.
void DecoderRun::takeDleDc4()
{
    const int offset = m_pos;
    if (!need(3, QStringLiteral("DLE DC4")))
        return;
    const int fn = at(offset + 2);
    const int length = fn == 1 || fn == 2 ? 5 : fn == 8 ? 10 : 0;
    if (length == 0)
        return unknown(offset, 3);
    if (!need(length, QStringLiteral("DLE DC4 fn=%1").arg(fn)))
        return;
    m_pos = offset + length;
    command(offset, length,
            fn == 1   ? QStringLiteral("real-time pulse")
            : fn == 2 ? QStringLiteral("real-time power off")
                      : QStringLiteral("real-time clear buffers"));
}
