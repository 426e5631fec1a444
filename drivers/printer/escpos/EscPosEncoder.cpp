#include "EscPosEncoder.h"

#include "Code128.h"
#include "QrMatrix.h"

#include <QStringEncoder>

static constexpr char ESC = 0x1B;
static constexpr char GS = 0x1D;
static constexpr char FS = 0x1C;

static QByteArray bytesOf(std::initializer_list<int> values)
{
    QByteArray out;
    out.reserve(int(values.size()));
    for (int v : values)
        out.append(char(v & 0xFF));
    return out;
}

static EscPosEncoded refused(const QString &error)
{
    return EscPosEncoded{QByteArray(), error};
}

static EscPosEncoded accepted(const QByteArray &bytes)
{
    return EscPosEncoded{bytes, QString()};
}

// GS ( k with pL pH = the length of cn fn + parameters.
static QByteArray qrFunction(const QByteArray &functionAndParameters)
{
    const int length = int(functionAndParameters.size()) + 1; // + cn
    QByteArray out = bytesOf({GS, '(', 'k', length & 0xFF, (length >> 8) & 0xFF, 0x31});
    out.append(functionAndParameters);
    return out;
}

QByteArray EscPosEncoder::initialize()
{
    return bytesOf({ESC, '@'});
}

QByteArray EscPosEncoder::chineseMode(bool on)
{
    return bytesOf({FS, on ? '&' : '.'});
}

QByteArray EscPosEncoder::lineFeed()
{
    return QByteArray(1, '\n');
}

QByteArray EscPosEncoder::align(EscPosAlign align)
{
    return bytesOf({ESC, 'a', int(align)});
}

QByteArray EscPosEncoder::bold(bool on)
{
    return bytesOf({ESC, 'E', on ? 1 : 0});
}

QByteArray EscPosEncoder::underline(int dots)
{
    return bytesOf({ESC, '-', qBound(0, dots, 2)});
}

EscPosEncoded EscPosEncoder::text(const QString &text)
{
    for (int i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < 0x20 || c == 0x7F)
            return refused(QStringLiteral("text: control character U+%1 at position %2 (it would be a "
                                          "printer command)")
                               .arg(int(c), 4, 16, QLatin1Char('0'))
                               .arg(i));
        if (QChar::isHighSurrogate(c) && (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate()))
            return refused(QStringLiteral("text: unpaired surrogate at position %1").arg(i));
        if (QChar::isLowSurrogate(c) && (i == 0 || !text.at(i - 1).isHighSurrogate()))
            return refused(QStringLiteral("text: unpaired surrogate at position %1").arg(i));
    }
    QStringEncoder encoder("GB18030");
    if (!encoder.isValid())
        return refused(QStringLiteral("text: this Qt has no GB18030 encoder (ICU missing)"));
    QByteArray bytes = encoder.encode(text);
    if (encoder.hasError())
        return refused(QStringLiteral("text: cannot be encoded as GB18030"));
    return accepted(bytes);
}

EscPosEncoded EscPosEncoder::feedLines(int lines)
{
    if (lines < 0 || lines > 255)
        return refused(QStringLiteral("feed: %1 lines, the range is 0..255").arg(lines));
    return accepted(bytesOf({ESC, 'd', lines}));
}

EscPosEncoded EscPosEncoder::characterSize(int width, int height)
{
    if (width < 1 || width > maxSizeMultiplier || height < 1 || height > maxSizeMultiplier)
        return refused(QStringLiteral("character size: %1x%2, each must be 1..%3")
                           .arg(width)
                           .arg(height)
                           .arg(maxSizeMultiplier));
    return accepted(bytesOf({GS, '!', ((width - 1) << 4) | (height - 1)}));
}

QByteArray EscPosEncoder::qrModel2()
{
    return qrFunction(bytesOf({0x41, 0x32, 0x00}));
}

EscPosEncoded EscPosEncoder::qrModuleSize(int dots)
{
    if (dots < 1 || dots > 16)
        return refused(QStringLiteral("QR module size: %1 dots, the range is 1..16").arg(dots));
    return accepted(qrFunction(bytesOf({0x43, dots})));
}

QByteArray EscPosEncoder::qrErrorCorrection(EscPosQrLevel level)
{
    return qrFunction(bytesOf({0x45, 0x30 + int(level)}));
}

EscPosEncoded EscPosEncoder::qrStore(const QByteArray &data)
{
    if (data.isEmpty())
        return refused(QStringLiteral("QR data: empty"));
    if (data.size() > maxQrDataBytes)
        return refused(
            QStringLiteral("QR data: %1 bytes, the limit is %2").arg(data.size()).arg(maxQrDataBytes));
    return accepted(qrFunction(bytesOf({0x50, 0x30}) + data));
}

QByteArray EscPosEncoder::qrPrint()
{
    return qrFunction(bytesOf({0x51, 0x30}));
}

EscPosEncoded EscPosEncoder::qrCode(const QByteArray &data, int moduleSize, EscPosQrLevel level)
{
    const EscPosEncoded size = qrModuleSize(moduleSize);
    if (!size.ok())
        return size;
    const EscPosEncoded store = qrStore(data);
    if (!store.ok())
        return store;
    // The printer builds the symbol itself; refuse data it could not fit in any QR version.
    const QrMatrix matrix = QrMatrix::encode(data, level);
    if (!matrix.ok())
        return refused(matrix.error);
    return accepted(qrModel2() + size.bytes + qrErrorCorrection(level) + store.bytes + qrPrint());
}

EscPosEncoded EscPosEncoder::rasterImage(int bytesPerRow, int rows, const QByteArray &bits)
{
    if (bytesPerRow < 1 || bytesPerRow > maxRasterBytesPerRow)
        return refused(QStringLiteral("raster image: %1 bytes per row, the range is 1..%2")
                           .arg(bytesPerRow)
                           .arg(maxRasterBytesPerRow));
    if (rows < 1 || rows > maxRasterRows)
        return refused(
            QStringLiteral("raster image: %1 rows, the range is 1..%2").arg(rows).arg(maxRasterRows));
    if (bits.size() != qsizetype(bytesPerRow) * rows)
        return refused(QStringLiteral("raster image: %1 bytes of bits, %2 x %3 needs %4")
                           .arg(bits.size())
                           .arg(bytesPerRow)
                           .arg(rows)
                           .arg(bytesPerRow * rows));
    QByteArray out = bytesOf({GS, 'v', '0', 0, bytesPerRow & 0xFF, bytesPerRow >> 8, rows & 0xFF, rows >> 8});
    out.append(bits);
    return accepted(out);
}

EscPosEncoded EscPosEncoder::barcodeCode128(const QByteArray &data, int heightDots, int moduleWidth)
{
    if (heightDots < 1 || heightDots > 255)
        return refused(QStringLiteral("barcode: height %1 dots, the range is 1..255").arg(heightDots));
    if (moduleWidth < 2 || moduleWidth > 6)
        return refused(QStringLiteral("barcode: module width %1 dots, the range is 2..6").arg(moduleWidth));
    QString error;
    if (Code128::modules(data, &error).isEmpty())
        return refused(error);
    QByteArray payload = "{B" + QByteArray(data).replace("{", "{{");
    if (payload.size() > 255)
        return refused(QStringLiteral("barcode: %1 bytes with escapes, the limit is 255").arg(payload.size()));
    QByteArray out = bytesOf({GS, 'h', heightDots, GS, 'w', moduleWidth, GS, 'H', 2, GS, 'k', 73, int(payload.size())});
    out.append(payload);
    return accepted(out);
}

int EscPosEncoder::code128WidthDots(const QByteArray &data, int moduleWidth)
{
    int modules = 0;
    for (int w : Code128::modules(data))
        modules += w;
    return modules * moduleWidth;
}

QByteArray EscPosEncoder::cut(EscPosCut kind)
{
    return bytesOf({GS, 'V', kind == EscPosCut::Partial ? 1 : 0});
}

EscPosEncoded EscPosEncoder::feedAndCut(int dots, EscPosCut kind)
{
    if (dots < 0 || dots > 255)
        return refused(QStringLiteral("feed and cut: %1 dots, the range is 0..255").arg(dots));
    return accepted(bytesOf({GS, 'V', kind == EscPosCut::Partial ? 66 : 65, dots}));
}
