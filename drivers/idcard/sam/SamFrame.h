#pragma once

#include <QByteArray>
#include <QString>

// GA/T 467 SAM frames (resident ID card readers): building commands and parsing responses.
// Pure functions, safe on any thread. See drivers/idcard/README.md for the frame layout.
//   command:  AA AA AA 96 69 | LEN_H LEN_L | CMD PARA | data | CHK
//   response: AA AA AA 96 69 | LEN_H LEN_L | SW1 SW2 SW3 | data | CHK
// LEN (big-endian) counts every byte after itself including CHK; CHK is the XOR of LEN_H..last data byte.
namespace Sam {

inline constexpr int kPreambleSize = 5;
inline constexpr int kHeaderSize = 7;           // preamble + LEN
inline constexpr int kMinResponseLength = 4;    // LEN of a bare response: SW1 SW2 SW3 CHK
inline constexpr int kDefaultMaxFrameSize = 4096; // the largest real frame (text + photo + 2 prints) is 2321
QByteArray preamble();

// XOR of bytes[from, to) — the SAM checksum when from = 5 (LEN_H) and to = the CHK position.
quint8 xorChecksum(const QByteArray &bytes, int from, int to);

QByteArray buildCommand(quint8 cmd, quint8 para, const QByteArray &data = {});
QByteArray resetCommand();               // 10 FF
QByteArray statusCommand();              // 11 FF
QByteArray samIdCommand();               // 12 FF
QByteArray findCardCommand();            // 20 01
QByteArray selectCardCommand();          // 20 02
QByteArray readTextCommand();            // 30 01: text + photo
QByteArray readAppendedAddressCommand(); // 30 03
QByteArray readWithFingerprintCommand(); // 30 10: text + photo + fingerprints

// Why bytes are not (yet) a response frame. Messages never contain frame data, so they may be logged.
struct FrameError
{
    enum class Kind {
        None,
        Truncated,   // `needed` more bytes at least
        BadPreamble, // byte `offset` does not continue AA AA AA 96 69
        BadLength,   // LEN `length` is below 4 (SW1 SW2 SW3 CHK)
        BadChecksum, // CHK is `got`, the bytes call for `expected`
        TooLong,     // the frame would be `length` bytes, over the maximum
    };
    Kind kind = Kind::None;
    int needed = 0;
    int offset = 0;
    int length = 0;
    quint8 expected = 0;
    quint8 got = 0;
    int maximum = 0; // TooLong: the limit

    // "truncated: need 12 more bytes", "bad preamble at offset 3", "bad length: LEN=2 (at least 4)",
    // "checksum: expected 0x22, got 0x23", "too long: 70000-byte frame (maximum 4096)"
    QString message() const;
};

// One response frame (or why there is none).
struct SamResponse
{
    FrameError error;
    quint8 sw1 = 0;
    quint8 sw2 = 0;
    quint8 sw3 = 0;
    QByteArray data; // between SW3 and CHK
    int consumed = 0; // bytes of the input taken: the frame when ok; 0 for parseResponse errors; what
                      // FrameAssembler dropped for its errors

    bool ok() const { return error.kind == FrameError::Kind::None; }
};

// Parses the response frame at the start of `bytes`; bytes after it are left alone (see `consumed`).
SamResponse parseResponse(const QByteArray &bytes, int maxFrameSize = kDefaultMaxFrameSize);

// Builds a response frame (for simulators and tests).
QByteArray buildResponse(quint8 sw3, const QByteArray &data = {}, quint8 sw1 = 0, quint8 sw2 = 0);

} // namespace Sam
