#pragma once

#include "EscPosElement.h"

#include <QByteArray>

struct EscPosDecodeOptions
{
    // Most printers sold in China power on in Chinese mode; ESC @ returns to this.
    bool chineseModeAtStart = false;
};

// ESC/POS bytes -> what a printer would do with them: printed lines (with the style they were printed in),
// QR codes, barcodes, raster images, feeds, cuts, other recognised commands, unknown bytes, and errors.
// It is the test oracle for the encoder and the input of the simulated printer's renderer.
//
// Never reads out of bounds and never throws: truncated or malformed input yields Error elements that name
// the offset and what is wrong, and decoding continues where that is possible. Text that is not followed
// by LF (or by a command that prints the buffer) is not printed; it is reported as an Error.
//
// Modelled state: alignment (taken when a line's first character arrives, as printers do), bold,
// underline, character size (GS ! and ESC !), Chinese mode (FS & / FS .), QR module size / level / data.
// Not modelled (reported as Command only): FS ! and FS - (Chinese-only print modes), code tables, line
// spacing, margins, fonts. Thread: any; no state between calls.
struct EscPosDecoder
{
    static EscPosElements decode(const QByteArray &bytes, const EscPosDecodeOptions &options = {});

    // The Error elements only, as "offset N: message" lines; empty for a clean stream.
    static QStringList problems(const EscPosElements &elements);
};
