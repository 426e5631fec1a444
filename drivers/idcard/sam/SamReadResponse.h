#pragma once

#include "SamFrame.h"
#include "SamStatus.h"

#include <QByteArray>
#include <QString>

// The data parts of the read responses. Pure functions, safe on any thread.
//   30 01 (read text + photo): text length, photo length (big-endian u16 each), text, photo.
//   30 10 (read text + photo + fingerprint): text, photo and fingerprint lengths, then the three parts.
//   30 03 (read appended address): 70 bytes UCS-2 with SW3 0x90, or SW3 0x91 when there is none.
namespace Sam {

inline constexpr int kAppendedAddressSize = 70;

struct ReadError
{
    enum class Kind {
        None,
        Status,        // SW3 is not success (`status`)
        ShortHeader,   // `got` data bytes, fewer than the `expected` header
        LengthMismatch // the header announces `expected` data bytes, the frame has `got`
    };
    Kind kind = Kind::None;
    SamStatus status;
    int expected = 0;
    int got = 0;

    // "SW3 0x41: read card failed", "length header: 3 bytes, expected 4",
    // "lengths: header announces 1284 data bytes, frame has 1200"
    QString message() const;
};

struct ReadTextParts
{
    QByteArray text;        // normally 256 bytes: decode with decodeTextBlock()
    QByteArray photo;       // normally 1024 bytes of WLT, kept raw (only a vendor plugin decodes it)
    QByteArray fingerprint; // 30 10 only: 0, 512 or 1024 bytes
    bool withFingerprint = false; // the response had the 30 10 three-length header
    ReadError error;
    bool ok() const { return error.kind == ReadError::Kind::None; }
};

ReadTextParts splitReadText(const SamResponse &response);            // 30 01
ReadTextParts splitReadWithFingerprint(const SamResponse &response); // 30 10

struct AppendedAddress
{
    bool present = false; // false with SW3 0x91: the card has no appended address
    QString address;      // trimmed
    ReadError error;      // Status for SW3 other than 0x90 / 0x91; LengthMismatch unless 70 bytes
    bool ok() const { return error.kind == ReadError::Kind::None; }
};

AppendedAddress decodeAppendedAddress(const SamResponse &response);

} // namespace Sam
