#pragma once

#include "IdCardData.h"

#include <QByteArray>
#include <QString>

// The reverse of decodeTextBlock: IdCardData -> the 256-byte UTF-16LE text block of its card type, with the
// layouts of drivers/idcard/README.md. For device models (SamModuleModel), simulators and tests.
// Pure functions, any thread.
namespace Sam {

struct TextBlockEncoding
{
    QByteArray block; // 256 bytes when ok
    QString error; // names the field that does not fit ("name: 16 characters, room for 15"); never its value
    bool ok() const { return error.isEmpty(); }
};

// Fields that are too long fail (never truncated silently); an ethnicity name that is not in GB 3304 fails.
// Dates are written YYYYMMDD; longTerm writes 长期; an invalid date writes spaces.
TextBlockEncoding encodeTextBlock(const IdCardData &card);

} // namespace Sam
