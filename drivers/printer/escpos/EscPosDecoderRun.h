#pragma once

// Private to the decoder (EscPosDecoder.cpp: the main loop, text and modes; EscPosDecoderSymbols.cpp: the
// variable-length commands: QR, graphics, raster images, barcodes, cuts). Not part of the public API.

#include "EscPosCommandTable.h"
#include "EscPosDecoder.h"

#include <QStringDecoder>

namespace escpos_detail {

inline constexpr unsigned char LF = 0x0A;
inline constexpr unsigned char ESC = 0x1B;
inline constexpr unsigned char GS = 0x1D;
inline constexpr unsigned char FS = 0x1C;
inline constexpr unsigned char DLE = 0x10;

inline QString hexByte(unsigned char b)
{
    return QStringLiteral("0x%1").arg(b, 2, 16, QLatin1Char('0'));
}

// One pass over one stream: the printer's modes, the line being assembled, and the elements so far.
class DecoderRun
{
public:
    DecoderRun(const QByteArray &in, const EscPosDecodeOptions &options)
        : m_in(in), m_options(options), m_chinese(options.chineseModeAtStart)
    {
    }

    EscPosElements run();

private:
    unsigned char at(int i) const { return static_cast<unsigned char>(m_in.at(i)); }
    int left() const { return int(m_in.size()) - m_pos; }
    // false (and an Error, and the rest of the input consumed) when fewer than `needed` bytes are left.
    bool need(qint64 needed, const QString &what);

    void add(EscPosElement element) { m_out.append(std::move(element)); }
    void error(int offset, const QString &message);
    void command(int offset, int length, const QString &name);
    void unknown(int offset, int length);

    void takeText();
    void appendTextBytes(int offset, int length);
    void appendInvalidByte(int offset, const QString &message);
    void flushRun();
    void printLine(int lfOffset);
    void printPendingLine()
    {
        if (m_lineOffset >= 0)
            printLine(m_pos);
    }
    void resetModes();

    void takePrefixed();
    void applyFixed(const EscPosFixedCommand &command, int offset, int length);
    void takeParenFunction();
    void takeLongGraphics();
    void takeQrFunction(int offset, int length);
    void takeGraphicsFunction(int offset, int length, int parameterStart);
    void takeRaster();
    void takeBarcode();
    void takeCut();
    void takeColumnImage();
    void takeTabPositions();
    void takeDleDc4();

    const QByteArray &m_in;
    const EscPosDecodeOptions m_options;
    int m_pos = 0;
    EscPosElements m_out;

    // printer modes
    bool m_chinese;
    EscPosAlign m_align = EscPosAlign::Left;
    EscPosTextStyle m_style;
    int m_qrModuleSize = 3;
    EscPosQrLevel m_qrLevel = EscPosQrLevel::L;
    QByteArray m_qrData;
    EscPosElement m_graphic; // GS ( L / GS 8 L stored graphic, kind Image when one is stored

    // the line in the print buffer
    int m_lineOffset = -1; // offset of its first text byte, -1 when empty
    EscPosAlign m_lineAlign = EscPosAlign::Left;
    QByteArray m_lineRaw;
    QList<EscPosTextSpan> m_spans;
    bool m_runActive = false;
    EscPosTextSpan m_run;
    QByteArray m_runPending; // valid bytes of m_run not yet decoded
    QStringDecoder m_gb18030{"GB18030", QStringConverter::Flag::Stateless};
};
} // namespace escpos_detail
