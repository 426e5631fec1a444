#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The vocabulary shared by the ESC/POS encoder, decoder and renderer. Plain values, no Qt object model.

enum class EscPosAlign { Left = 0, Centre = 1, Right = 2 };

// QR error correction levels; the value is the byte GS ( k function 169 takes (48 + level).
enum class EscPosQrLevel { L = 0, M = 1, Q = 2, H = 3 };

enum class EscPosCut { Full, Partial };

struct EscPosTextStyle
{
    bool bold = false;
    int underline = 0; // dots: 0, 1 or 2
    int width = 1;     // character width multiplier 1..8
    int height = 1;    // character height multiplier 1..8

    bool operator==(const EscPosTextStyle &o) const
    {
        return bold == o.bold && underline == o.underline && width == o.width && height == o.height;
    }
    bool operator!=(const EscPosTextStyle &o) const { return !(*this == o); }
};

// A run of text on one printed line that shares one style. chineseMode: the bytes were decoded as
// GB18030, so every non-ASCII character is a double-byte (24-dot wide) character.
struct EscPosTextSpan
{
    QString text;
    EscPosTextStyle style;
    bool chineseMode = false;
};

// One decoded element of an ESC/POS stream. Which fields mean something depends on kind (see each field).
struct EscPosElement
{
    enum class Kind {
        TextLine, // a printed line: text, spans, style (of its first span), align, raw = the text bytes
        Qr,       // a printed QR code: data, qrModuleSize, qrLevel, align
        Barcode,  // a printed 1D barcode (GS k): data, name = symbology, align
        Feed,     // ESC d n: count = lines
        Cut,      // GS V: partial, count = extra feed in dots before the cut (function B), else 0
        Image,    // GS v 0 / GS ( L raster: imageWidth (dots), imageHeight (rows), data, scaleX/scaleY, align
        Command,  // any other recognised command: name, raw
        Unknown,  // a control byte (or prefix + function byte) that is not recognised: raw
        Error,    // malformed or truncated input: name = what is wrong; offset says where
    };

    Kind kind = Kind::Unknown;
    int offset = 0; // byte offset of the element's first byte in the decoded stream
    QByteArray raw; // the bytes the element came from
    QString name;   // Command: command name; Barcode: symbology; Error: message
    EscPosAlign align = EscPosAlign::Left;

    QString text;                // TextLine
    EscPosTextStyle style;       // TextLine
    QList<EscPosTextSpan> spans; // TextLine

    // Qr / Barcode: payload; Image: raster rows of ceil(imageWidth / 8) bytes, MSB = leftmost dot, 1 = black
    QByteArray data;
    int qrModuleSize = 3;
    EscPosQrLevel qrLevel = EscPosQrLevel::L;

    int count = 0; // Feed: lines; Cut: feed dots before cutting
    bool partial = false;

    int imageWidth = 0;  // dots
    int imageHeight = 0; // rows
    int scaleX = 1;      // 1 or 2: double width / double height
    int scaleY = 1;

    static QString kindName(Kind kind);
};

using EscPosElements = QList<EscPosElement>;
