#pragma once

#include <QString>

// The fixed-length ESC/POS commands the decoder knows by name: prefix byte, function byte, number of
// parameter bytes. Commands whose length depends on their content (GS ( k, GS v 0, GS k, GS V, ESC *,
// ESC D, DLE DC4) are decoded by hand in EscPosDecoder.cpp. Thread: any.
struct EscPosFixedCommand
{
    unsigned char prefix;   // ESC, GS, FS or DLE
    unsigned char function; // the byte after the prefix
    int parameters;         // parameter bytes after the function byte
    const char *name;       // what it does, e.g. "align"
};

struct EscPosCommandTable
{
    // nullptr when prefix + function is not a fixed-length command we know.
    static const EscPosFixedCommand *find(unsigned char prefix, unsigned char function);
    // "ESC a", "GS !", "DLE EOT", "FS &"; non-printable function bytes as hex ("GS 0x7f").
    static QString mnemonic(unsigned char prefix, unsigned char function);
    // GS k barcode system m (0..6 and 65..79) -> "CODE128" etc.; empty when unknown.
    static QString barcodeSystem(int m);
};
