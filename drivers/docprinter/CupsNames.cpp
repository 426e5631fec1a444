#include "CupsNames.h"

namespace CupsNames {

namespace {
constexpr int kMaxDocumentName = 64;
constexpr int kMaxName = 255; // IPP "name" attributes: 255 octets

bool isTokenChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '.' ||
           u == '_' || u == '-';
}
} // namespace

QByteArray documentName(const QString &requestId)
{
    static const QByteArray prefix("onestop-");
    static const QByteArray suffix(".pdf");
    QByteArray token;
    for (const QChar c : requestId) {
        if (token.size() + prefix.size() + suffix.size() >= kMaxDocumentName)
            break;
        token.append(isTokenChar(c) ? char(c.unicode()) : '-');
    }
    if (token.isEmpty())
        return QByteArray("onestop") + suffix;
    return prefix + token + suffix;
}

QByteArray jobName(const QString &name)
{
    QString cleaned;
    cleaned.reserve(name.size());
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029;
        cleaned.append(control ? QChar(u' ') : c);
    }
    cleaned = cleaned.simplified(); // collapses every run of whitespace into one space, trims both ends
    if (cleaned.isEmpty())
        return QByteArrayLiteral("onestop");
    QByteArray utf8 = cleaned.toUtf8();
    if (utf8.size() <= kMaxName)
        return utf8;
    int cut = kMaxName;
    while (cut > 0 && (uchar(utf8.at(cut)) & 0xC0) == 0x80) // never split a UTF-8 sequence
        --cut;
    return utf8.left(cut).trimmed();
}

} // namespace CupsNames
