#pragma once

#include "EscPosElement.h"

#include <QByteArray>
#include <QString>

struct EscPosRasterBits; // EscPosRaster.h

// A command that may be refused: bytes when ok, otherwise error says what is wrong with the input
// ("QR data: 7090 bytes, the limit is 7089").
struct EscPosEncoded
{
    QByteArray bytes;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// ESC/POS command encoders as pure functions (see shared/reference/escpos.md for the command table).
// Thread: any; no state.
struct EscPosEncoder
{
    static constexpr int maxQrDataBytes = 7089; // the store function's limit (GS ( k fn 80)
    static constexpr int maxSizeMultiplier = 8;
    static constexpr int maxRasterBytesPerRow = 72; // 576 dots: the widest head we support (80 mm)
    static constexpr int maxRasterRows = 2303;      // the TM series limit for GS v 0

    static QByteArray initialize();             // ESC @
    static QByteArray chineseMode(bool on);     // FS & / FS .
    static QByteArray lineFeed();               // LF: print the buffer and move one line
    static QByteArray align(EscPosAlign align); // ESC a n
    static QByteArray bold(bool on);            // ESC E n
    static QByteArray underline(int dots);      // ESC - n, dots clamped to 0..2

    // The text as GB18030 bytes (ASCII stays ASCII). Refuses control characters (they would be commands)
    // and unpaired surrogates.
    static EscPosEncoded text(const QString &text);
    static EscPosEncoded feedLines(int lines);                 // ESC d n, n 0..255
    static EscPosEncoded characterSize(int width, int height); // GS ! n, each 1..8

    // QR code, model 2: the model, module size, error correction, store and print commands in one.
    static EscPosEncoded qrCode(const QByteArray &data, int moduleSize = 6,
                                EscPosQrLevel level = EscPosQrLevel::M);
    static QByteArray qrModel2();
    static EscPosEncoded qrModuleSize(int dots); // 1..16
    static QByteArray qrErrorCorrection(EscPosQrLevel level);
    static EscPosEncoded qrStore(const QByteArray &data); // 1..7089 bytes
    static QByteArray qrPrint();

    // GS v 0 raster image: bytesPerRow * rows bytes of bits, MSB = leftmost dot, 1 = black.
    static EscPosEncoded rasterImage(int bytesPerRow, int rows, const QByteArray &bits);

    // CODE128 (code set B) with its height, module width and the human-readable text below it:
    // GS h n, GS w n, GS H 2, GS k 73 n "{B" data ("{" sent as "{{"). Refuses data that is not printable
    // ASCII, empty or too long (see Code128.h); heightDots 1..255, moduleWidth 2..6.
    static EscPosEncoded barcodeCode128(const QByteArray &data, int heightDots = 64, int moduleWidth = 2);
    // How wide the symbol prints, in dots (quiet zones excluded); 0 when data is refused.
    static int code128WidthDots(const QByteArray &data, int moduleWidth = 2);

    static QByteArray cut(EscPosCut kind);                                          // GS V 0 / GS V 1
    static EscPosEncoded feedAndCut(int dots, EscPosCut kind = EscPosCut::Partial); // GS V 65/66 n
};

// Appends commands in order and keeps the first error; later calls after an error are ignored, so a
// receipt is either complete or refused with the reason. Tracks Chinese mode to refuse non-ASCII text
// sent while it is off (it would print as garbage).
class EscPosBuilder
{
public:
    EscPosBuilder &initialize();
    EscPosBuilder &chineseMode(bool on);
    EscPosBuilder &text(const QString &text);
    EscPosBuilder &line(const QString &text); // text + LF
    EscPosBuilder &lineFeed();
    EscPosBuilder &feedLines(int lines);
    EscPosBuilder &align(EscPosAlign align);
    EscPosBuilder &bold(bool on);
    EscPosBuilder &underline(int dots);
    EscPosBuilder &characterSize(int width, int height);
    EscPosBuilder &qrCode(const QByteArray &data, int moduleSize = 6, EscPosQrLevel level = EscPosQrLevel::M);
    EscPosBuilder &rasterImage(int bytesPerRow, int rows, const QByteArray &bits);
    EscPosBuilder &rasterImage(const EscPosRasterBits &raster); // refused with raster.error
    EscPosBuilder &barcodeCode128(const QByteArray &data, int heightDots = 64, int moduleWidth = 2);
    EscPosBuilder &cut(EscPosCut kind);
    EscPosBuilder &feedAndCut(int dots, EscPosCut kind = EscPosCut::Partial);
    EscPosBuilder &raw(const QByteArray &bytes);

    QByteArray bytes() const { return m_bytes; }
    bool ok() const { return m_error.isEmpty(); }
    // "command N: <what is wrong>" (N counts from 1), empty when ok.
    QString error() const { return m_error; }

private:
    EscPosBuilder &append(const EscPosEncoded &encoded);
    EscPosBuilder &append(const QByteArray &bytes);

    QByteArray m_bytes;
    QString m_error;
    int m_commands = 0;
    bool m_chineseMode = false;
};
