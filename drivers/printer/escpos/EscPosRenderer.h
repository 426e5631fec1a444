#pragma once

#include "EscPosElement.h"

#include <QImage>
#include <QStringList>

struct EscPosRenderOptions
{
    int widthDots = 384;       // printable width: 384 (58 mm) or 576 (80 mm)
    int maxHeightDots = 16000; // longer receipts are clipped (and say so in problems)
    QString fontFamily = QStringLiteral("Noto Sans CJK SC");
};

struct EscPosRendering
{
    QImage image;         // white paper, black print, one pixel per dot
    QStringList problems; // "offset N: what was not printed and why", decoder errors included
};

// Decoded elements -> the paper a thermal printer would produce, approximately: font A cells (12 x 24
// dots; a double-byte character takes two cells), character size multipliers, bold, underline, alignment,
// QR codes at their module size (libqrencode, no quiet zone: printers leave only the margin), raster
// images, feeds (30 dots a line) and cuts (a dashed line; a partial cut leaves the middle uncut). Lines
// wider than the paper wrap. Barcodes are drawn as a framed box with their human-readable text, not as
// bars. A missing font falls back (fontconfig) to another; the tests check it is installed.
// Needs a QGuiApplication (fonts). Thread: any thread once the application exists.
struct EscPosRenderer
{
    static constexpr int cellWidth = 12;
    static constexpr int cellHeight = 24;
    static constexpr int lineSpacing = 30; // ESC 2: the default line pitch in dots

    static EscPosRendering render(const EscPosElements &elements, const EscPosRenderOptions &options = {});
};
