#pragma once

#include "IdCardData.h"

#include <QByteArray>
#include <QString>

// The 256-byte text block of a read-text response: UTF-16LE fields padded with spaces, the card type flag
// at offset 248. Layouts (offset/bytes) are in drivers/idcard/README.md. Pure functions, any thread.
//
// Mapping to IdCardData:
//   resident ID card (flag ' ' or 0): every field; ethnicity is the GB 3304 name ("汉").
//   'J' HK/MO/TW residence permit:    no ethnicity; passNumber, issueCount.
//   'I' foreigner card (2017):        idNumber = the 15-character card number, issuer = the issuing
//                                     authority code, validFrom/validTo = issue date/expiry.
//   'Y' foreigner card (2023):        idNumber = the 18-character card number, englishName = both parts
//                                     joined, renewalCount; no issuer on the card.
//   Foreigner cards: chineseName as on the card; name = chineseName, or englishName when that is empty.
// Text is trimmed of space and NUL padding. A validity end of 长期 sets longTerm (validTo stays invalid).
namespace Sam {

inline constexpr int kTextBlockSize = 256;

// Why a text block could not be decoded. message() names the field, never its content.
struct TextBlockError
{
    enum class Kind {
        None,
        WrongSize,       // `size` bytes instead of 256
        UnknownCardType, // `flag` at offset 248 is none of ' ', 0, 'J', 'I', 'Y'
        BadDate,         // `field` is not a YYYYMMDD date (nor 长期 where that is allowed)
        BadSex,          // `field` is not 0, 1, 2 or 9
        BadEthnicity,    // `field` is not a GB 3304 code
        BadNumber,       // `field` is not a decimal count
    };
    Kind kind = Kind::None;
    QString field; // "birth", "valid to", "sex", "ethnicity", "issue count", ...
    int size = 0;
    quint16 flag = 0;

    // "birth: not a YYYYMMDD date", "card type flag: unknown 0x0051", "text block: 200 bytes, expected 256"
    QString message() const;
};

struct TextBlockResult
{
    IdCardData card; // empty unless ok
    TextBlockError error;
    bool ok() const { return error.kind == TextBlockError::Kind::None; }
};

TextBlockResult decodeTextBlock(const QByteArray &block);

// The UTF-16LE text of block[offset, offset + bytes), trimmed of spaces and NULs at both ends.
QString textField(const QByteArray &block, int offset, int bytes);

} // namespace Sam
