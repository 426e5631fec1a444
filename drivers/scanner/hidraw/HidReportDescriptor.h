#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// HID report descriptors (USB HID 1.11 §6.2.2): just enough to tell which top-level (application)
// collections a device has, e.g. usage page 0x8C (bar code scanner) / usage 0x02 for HID POS scanners.
// Pure code, no I/O, any thread. Handles short items (0, 1, 2 or 4 data bytes), long items (0xFE),
// Usage Page, extended 32-bit usages (page in the upper 16 bits), Push / Pop of the global state, and
// local state cleared after every main item.
namespace HidDescriptor {

struct Collection
{
    quint16 usagePage = 0;
    quint16 usage = 0;
    int type = 0;  // 0x00 physical, 0x01 application, 0x02 logical, ...
    int depth = 0; // 0 = top level
};

struct ParseResult
{
    QList<Collection> collections; // in descriptor order
    QString error; // "item at offset 12 runs past the end (needs 2 bytes, 1 left)"; empty = ok
    bool ok() const { return error.isEmpty(); }
};

ParseResult parse(const QByteArray &descriptor);

// True when the descriptor parses and has an application collection with usage page 0x8C, usage 0x02.
bool isHidPosScanner(const QByteArray &descriptor);

inline constexpr quint16 kBarCodeScannerPage = 0x8C;
inline constexpr quint16 kBarCodeScannerUsage = 0x02;

} // namespace HidDescriptor
