#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// CODE128 symbols as pure functions, shared by the encoder (to refuse data a printer cannot print) and
// the renderer (to draw the bars). Only code set B is produced: printable ASCII 0x20..0x7E, which is what
// queue tickets and case numbers use. Thread: any; no state.
struct Code128
{
    static constexpr int maxDataBytes = 253; // GS k m=73 takes n <= 255 bytes, "{B" included

    // The widths of the bars and spaces, starting with a bar, in modules (1..4), quiet zones excluded:
    // start B, the data, the checksum, stop. Empty and *error set when data is empty, too long, or holds
    // a byte outside 0x20..0x7E ("barcode: byte 0xe4 at position 2 is not printable ASCII").
    static QList<int> modules(const QByteArray &data, QString *error = nullptr);
    // The same for the payload of a printed GS k 73 symbol ("{B" + data); a payload that does not start
    // with a code set selection is an error. Other code sets ({A, {C, shifts) are refused, not guessed.
    static QList<int> modulesForPrinterPayload(const QByteArray &payload, QString *error = nullptr);
    // The human-readable text of a printer payload: "{BA-017" -> "A-017"; other payloads unchanged.
    static QByteArray humanReadable(const QByteArray &payload);
    // The checksum symbol value of data in code set B (start value 104).
    static int checksumB(const QByteArray &data);
};
