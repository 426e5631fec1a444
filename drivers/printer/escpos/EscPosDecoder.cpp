#include "EscPosDecoder.h"

#include "EscPosDecoderRun.h"

#include <QStringList>

using namespace escpos_detail;

bool DecoderRun::need(qint64 needed, const QString &what)
{
    if (left() >= needed)
        return true;
    error(m_pos, QStringLiteral("truncated %1: %2 bytes needed, %3 left").arg(what).arg(needed).arg(left()));
    m_pos = int(m_in.size());
    return false;
}

void DecoderRun::error(int offset, const QString &message)
{
    EscPosElement e;
    e.kind = EscPosElement::Kind::Error;
    e.offset = offset;
    e.name = message;
    add(e);
}

void DecoderRun::command(int offset, int length, const QString &name)
{
    EscPosElement e;
    e.kind = EscPosElement::Kind::Command;
    e.offset = offset;
    e.raw = m_in.mid(offset, length);
    e.name = name;
    add(e);
}

void DecoderRun::unknown(int offset, int length)
{
    EscPosElement e;
    e.kind = EscPosElement::Kind::Unknown;
    e.offset = offset;
    e.raw = m_in.mid(offset, length);
    add(e);
    m_pos = offset + length;
}

EscPosElements DecoderRun::run()
{
    while (m_pos < m_in.size()) {
        const unsigned char b = at(m_pos);
        if (b == LF) {
            printLine(m_pos);
            ++m_pos;
        } else if (b >= 0x20 && b != 0x7F) {
            takeText();
        } else if (b == ESC || b == GS || b == FS || b == DLE) {
            takePrefixed();
        } else if (b == 0x09 || b == 0x0D || b == 0x0C || b == 0x18) {
            static const char *const names[] = {"horizontal tab", "carriage return", "form feed", "cancel"};
            const int index = b == 0x09 ? 0 : b == 0x0D ? 1 : b == 0x0C ? 2 : 3;
            command(m_pos, 1, QString::fromLatin1(names[index]));
            ++m_pos;
        } else {
            unknown(m_pos, 1);
        }
    }
    if (m_lineOffset >= 0)
        error(m_lineOffset, QStringLiteral("truncated line: %1 text bytes not followed by LF, not printed")
                                .arg(m_lineRaw.size()));
    return m_out;
}

// One character: one byte, or in Chinese mode a whole GB18030 character (2 or 4 bytes).
void DecoderRun::takeText()
{
    const int offset = m_pos;
    const unsigned char lead = at(offset);
    if (!m_chinese || lead < 0x80) {
        appendTextBytes(offset, 1);
        return;
    }
    if (lead == 0x80 || lead == 0xFF) {
        appendInvalidByte(offset, QStringLiteral("byte %1 is not a GB18030 lead byte").arg(hexByte(lead)));
        return;
    }
    if (left() < 2) {
        appendInvalidByte(offset, QStringLiteral("truncated GB18030 character: 1 of 2 bytes"));
        return;
    }
    const unsigned char second = at(offset + 1);
    if ((second >= 0x40 && second <= 0x7E) || (second >= 0x80 && second <= 0xFE)) {
        appendTextBytes(offset, 2);
        return;
    }
    if (second >= 0x30 && second <= 0x39) {
        if (left() < 4) {
            appendInvalidByte(offset,
                              QStringLiteral("truncated GB18030 character: %1 of 4 bytes").arg(left()));
            return;
        }
        const unsigned char third = at(offset + 2);
        const unsigned char fourth = at(offset + 3);
        if (third >= 0x81 && third <= 0xFE && fourth >= 0x30 && fourth <= 0x39) {
            appendTextBytes(offset, 4);
            return;
        }
        appendInvalidByte(offset, QStringLiteral("invalid GB18030 four-byte character"));
        return;
    }
    appendInvalidByte(offset, QStringLiteral("incomplete GB18030 character: lead byte %1 followed by %2")
                                  .arg(hexByte(lead), hexByte(second)));
}

void DecoderRun::appendTextBytes(int offset, int length)
{
    if (m_lineOffset < 0) {
        m_lineOffset = offset;
        m_lineAlign = m_align; // printers take the alignment at the start of a line
    }
    if (m_runActive && (m_run.style != m_style || m_run.chineseMode != m_chinese))
        flushRun();
    if (!m_runActive) {
        m_runActive = true;
        m_run = EscPosTextSpan{QString(), m_style, m_chinese};
    }
    const QByteArray bytes = m_in.mid(offset, length);
    m_runPending.append(bytes);
    m_lineRaw.append(bytes);
    m_pos = offset + length;
}

// A byte that cannot start a character: reported, printed as U+FFFD.
void DecoderRun::appendInvalidByte(int offset, const QString &message)
{
    error(offset, message);
    appendTextBytes(offset, 1);
    m_runPending.chop(1);
    m_run.text += QString(m_gb18030.decode(m_runPending));
    m_runPending.clear();
    m_run.text += QChar::ReplacementCharacter;
}

void DecoderRun::flushRun()
{
    if (!m_runActive)
        return;
    m_run.text +=
        m_run.chineseMode ? QString(m_gb18030.decode(m_runPending)) : QString::fromLatin1(m_runPending);
    m_runPending.clear();
    if (!m_run.text.isEmpty())
        m_spans.append(m_run);
    m_runActive = false;
}

void DecoderRun::printLine(int lfOffset)
{
    flushRun();
    EscPosElement e;
    e.kind = EscPosElement::Kind::TextLine;
    e.offset = m_lineOffset >= 0 ? m_lineOffset : lfOffset;
    e.align = m_lineOffset >= 0 ? m_lineAlign : m_align;
    e.style = m_spans.isEmpty() ? m_style : m_spans.first().style;
    e.spans = m_spans;
    for (const EscPosTextSpan &span : m_spans)
        e.text += span.text;
    e.raw = m_lineRaw;
    add(e);
    m_lineOffset = -1;
    m_lineRaw.clear();
    m_spans.clear();
}

void DecoderRun::resetModes()
{
    m_chinese = m_options.chineseModeAtStart;
    m_align = EscPosAlign::Left;
    m_style = EscPosTextStyle();
    m_qrModuleSize = 3;
    m_qrLevel = EscPosQrLevel::L;
    m_qrData.clear();
    m_graphic = EscPosElement();
}

void DecoderRun::takePrefixed()
{
    const int offset = m_pos;
    const unsigned char prefix = at(offset);
    if (left() < 2) {
        error(offset, QStringLiteral("truncated command: %1 at the end of the data without its function byte")
                          .arg(EscPosCommandTable::mnemonic(prefix, 0).section(QLatin1Char(' '), 0, 0)));
        m_pos = int(m_in.size());
        return;
    }
    const unsigned char function = at(offset + 1);
    if ((prefix == GS || prefix == FS) && function == '(')
        return takeParenFunction();
    if (prefix == GS && function == '8')
        return takeLongGraphics();
    if (prefix == GS && function == 'v')
        return takeRaster();
    if (prefix == GS && function == 'k')
        return takeBarcode();
    if (prefix == GS && function == 'V')
        return takeCut();
    if (prefix == ESC && function == '*')
        return takeColumnImage();
    if (prefix == ESC && function == 'D')
        return takeTabPositions();
    if (prefix == DLE && function == 0x14)
        return takeDleDc4();
    const EscPosFixedCommand *fixed = EscPosCommandTable::find(prefix, function);
    if (!fixed)
        return unknown(offset, 2);
    const int length = 2 + fixed->parameters;
    const QString what = QStringLiteral("%1 (%2)").arg(EscPosCommandTable::mnemonic(prefix, function),
                                                       QLatin1String(fixed->name));
    if (!need(length, what))
        return;
    m_pos = offset + length;
    applyFixed(*fixed, offset, length);
}

void DecoderRun::applyFixed(const EscPosFixedCommand &fixed, int offset, int length)
{
    const unsigned char prefix = fixed.prefix;
    const unsigned char function = fixed.function;
    const int n = length > 2 ? at(offset + 2) : 0;
    const QString name = QString::fromLatin1(fixed.name);
    const auto ignored = [&](const QString &why) {
        error(offset, QStringLiteral("%1 (%2): %3, ignored")
                          .arg(EscPosCommandTable::mnemonic(prefix, function), name, why));
    };

    if (prefix == ESC && function == 'd') {
        printPendingLine();
        EscPosElement e;
        e.kind = EscPosElement::Kind::Feed;
        e.offset = offset;
        e.raw = m_in.mid(offset, length);
        e.count = n;
        add(e);
        return;
    }
    if (prefix == ESC && (function == 'i' || function == 'm')) {
        printPendingLine();
        EscPosElement e;
        e.kind = EscPosElement::Kind::Cut;
        e.offset = offset;
        e.raw = m_in.mid(offset, length);
        e.partial = true;
        add(e);
        return;
    }
    if (prefix == ESC && (function == 'J' || function == 'e'))
        printPendingLine();

    if (prefix == ESC && function == '@') {
        if (m_lineOffset >= 0)
            error(offset, QStringLiteral("initialize discarded %1 unprinted text bytes from offset %2")
                              .arg(m_lineRaw.size())
                              .arg(m_lineOffset));
        m_runActive = false;
        m_runPending.clear();
        m_spans.clear();
        m_lineRaw.clear();
        m_lineOffset = -1;
        resetModes();
    } else if (prefix == ESC && function == '!') {
        m_style.bold = n & 0x08;
        m_style.height = (n & 0x10) ? 2 : 1;
        m_style.width = (n & 0x20) ? 2 : 1;
        m_style.underline = (n & 0x80) ? 1 : 0;
    } else if (prefix == ESC && function == '-') {
        if (n <= 2 || (n >= '0' && n <= '2'))
            m_style.underline = n % 48;
        else
            ignored(QStringLiteral("n=%1 is not 0..2 or 48..50").arg(n));
    } else if (prefix == ESC && function == 'E') {
        m_style.bold = n & 0x01;
    } else if (prefix == ESC && function == 'a') {
        if (n <= 2 || (n >= '0' && n <= '2'))
            m_align = EscPosAlign(n % 48);
        else
            ignored(QStringLiteral("n=%1 is not 0..2 or 48..50").arg(n));
    } else if (prefix == GS && function == '!') {
        const int width = (n >> 4) + 1;
        const int height = (n & 0x0F) + 1;
        if (width <= 8 && height <= 8) {
            m_style.width = width;
            m_style.height = height;
        } else {
            ignored(QStringLiteral("size %1x%2 is beyond 8x8").arg(width).arg(height));
        }
    } else if (prefix == FS && function == '&') {
        m_chinese = true;
    } else if (prefix == FS && function == '.') {
        m_chinese = false;
    }
    command(offset, length, name);
}

EscPosElements EscPosDecoder::decode(const QByteArray &bytes, const EscPosDecodeOptions &options)
{
    return DecoderRun(bytes, options).run();
}

QStringList EscPosDecoder::problems(const EscPosElements &elements)
{
    QStringList out;
    for (const EscPosElement &e : elements) {
        if (e.kind == EscPosElement::Kind::Error)
            out.append(QStringLiteral("offset %1: %2").arg(e.offset).arg(e.name));
    }
    return out;
}
