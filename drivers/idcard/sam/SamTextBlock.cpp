#include "SamTextBlock.h"

#include "SamEthnicity.h"

namespace Sam {

namespace {
const int kFlagOffset = 248;

bool isPadding(QChar c)
{
    return c == QLatin1Char(' ') || c.unicode() == 0;
}

QString rawField(const QByteArray &block, int offset, int bytes)
{
    QString text;
    text.reserve(bytes / 2);
    for (int i = offset; i + 1 < offset + bytes; i += 2)
        text.append(QChar(char16_t(quint8(block.at(i)) | (quint8(block.at(i + 1)) << 8))));
    return text;
}

QString trimPadding(const QString &text)
{
    int begin = 0;
    int end = text.size();
    while (begin < end && isPadding(text.at(begin)))
        ++begin;
    while (end > begin && isPadding(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

bool isAsciiDigits(const QString &text)
{
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return !text.isEmpty();
}

// One decoding pass; the first failure is kept and later fields are still read (and ignored).
class Decoder
{
public:
    explicit Decoder(const QByteArray &block) : m_block(block) {}

    QString text(int offset, int bytes) const { return textField(m_block, offset, bytes); }

    QDate date(int offset, const char *field)
    {
        const QString value = text(offset, 16);
        const QDate date = QDate::fromString(value, QStringLiteral("yyyyMMdd"));
        if (value.size() != 8 || !isAsciiDigits(value) || !date.isValid())
            fail(TextBlockError::Kind::BadDate, field);
        return date;
    }

    // A validity end: a date, or 长期.
    void validTo(int offset, IdCardData &card)
    {
        if (text(offset, 16) == QStringLiteral("长期")) {
            card.longTerm = true;
            card.validTo = QDate();
        } else {
            card.validTo = date(offset, "valid to");
        }
    }

    IdCardData::Sex sex(int offset)
    {
        const QString code = text(offset, 2);
        if (code == QLatin1String("1"))
            return IdCardData::Sex::Male;
        if (code == QLatin1String("2"))
            return IdCardData::Sex::Female;
        if (code == QLatin1String("9"))
            return IdCardData::Sex::Unspecified;
        if (code != QLatin1String("0"))
            fail(TextBlockError::Kind::BadSex, "sex");
        return IdCardData::Sex::Unknown;
    }

    QString ethnicity(int offset)
    {
        const QString name = ethnicityName(text(offset, 4));
        if (name.isNull())
            fail(TextBlockError::Kind::BadEthnicity, "ethnicity");
        return name;
    }

    int count(int offset, int bytes, const char *field)
    {
        const QString value = text(offset, bytes);
        if (!isAsciiDigits(value)) {
            fail(TextBlockError::Kind::BadNumber, field);
            return -1;
        }
        return value.toInt();
    }

    void fail(TextBlockError::Kind kind, const char *field)
    {
        if (error.kind != TextBlockError::Kind::None)
            return;
        error.kind = kind;
        error.field = QString::fromLatin1(field);
    }

    const QByteArray &m_block;
    TextBlockError error;
};

void decodeResident(Decoder &d, IdCardData &card)
{
    card.cardType = IdCardData::CardType::Resident;
    card.name = d.text(0, 30);
    card.sex = d.sex(30);
    card.ethnicity = d.ethnicity(32);
    card.birth = d.date(36, "birth");
    card.address = d.text(52, 70);
    card.idNumber = d.text(122, 36);
    card.issuer = d.text(158, 30);
    card.validFrom = d.date(188, "valid from");
    d.validTo(204, card);
}

void decodeHkMoTwPermit(Decoder &d, IdCardData &card)
{
    card.cardType = IdCardData::CardType::HkMoTwPermit;
    card.name = d.text(0, 30);
    card.sex = d.sex(30);
    card.birth = d.date(36, "birth");
    card.address = d.text(52, 70);
    card.idNumber = d.text(122, 36);
    card.issuer = d.text(158, 30);
    card.validFrom = d.date(188, "valid from");
    d.validTo(204, card);
    card.passNumber = d.text(220, 18);
    card.issueCount = d.count(238, 4, "issue count");
}

void decodeForeign2017(Decoder &d, IdCardData &card)
{
    card.cardType = IdCardData::CardType::Foreign2017;
    card.englishName = d.text(0, 120);
    card.sex = d.sex(120);
    card.idNumber = d.text(122, 30);
    card.nationality = d.text(152, 6);
    card.chineseName = d.text(158, 30);
    card.validFrom = d.date(188, "issue date");
    d.validTo(204, card);
    card.birth = d.date(220, "birth");
    card.issuer = d.text(240, 8); // the issuing authority code
}

void decodeForeign2023(Decoder &d, IdCardData &card)
{
    card.cardType = IdCardData::CardType::Foreign2023;
    card.chineseName = d.text(0, 30);
    card.sex = d.sex(30);
    card.renewalCount = d.count(32, 4, "renewal count");
    card.birth = d.date(36, "birth");
    // English name characters 1-35 and 36-46, joined before trimming so a space at the seam survives.
    card.englishName = trimPadding(rawField(d.m_block, 52, 70) + rawField(d.m_block, 220, 22));
    card.idNumber = d.text(122, 36);
    card.validFrom = d.date(188, "issue date");
    d.validTo(204, card);
    card.nationality = d.text(242, 6);
}
} // namespace

QString textField(const QByteArray &block, int offset, int bytes)
{
    if (offset < 0 || bytes < 0 || offset + bytes > block.size())
        return {};
    return trimPadding(rawField(block, offset, bytes));
}

QString TextBlockError::message() const
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("ok");
    case Kind::WrongSize:
        return QStringLiteral("text block: %1 bytes, expected %2").arg(size).arg(kTextBlockSize);
    case Kind::UnknownCardType:
        return QStringLiteral("card type flag: unknown 0x%1").arg(flag, 4, 16, QLatin1Char('0'));
    case Kind::BadDate:
        return field + QStringLiteral(": not a YYYYMMDD date");
    case Kind::BadSex:
        return field + QStringLiteral(": not a sex code (0, 1, 2, 9)");
    case Kind::BadEthnicity:
        return field + QStringLiteral(": not a GB 3304 code");
    case Kind::BadNumber:
        return field + QStringLiteral(": not a number");
    }
    return QStringLiteral("text block: unknown error");
}

TextBlockResult decodeTextBlock(const QByteArray &block)
{
    TextBlockResult result;
    if (block.size() != kTextBlockSize) {
        result.error.kind = TextBlockError::Kind::WrongSize;
        result.error.size = block.size();
        return result;
    }
    const quint16 flag = quint16(quint8(block.at(kFlagOffset)) | (quint8(block.at(kFlagOffset + 1)) << 8));
    Decoder decoder(block);
    IdCardData card;
    switch (flag) {
    case 0x0000:
    case ' ':
        decodeResident(decoder, card);
        break;
    case 'J':
        decodeHkMoTwPermit(decoder, card);
        break;
    case 'I':
        decodeForeign2017(decoder, card);
        break;
    case 'Y':
        decodeForeign2023(decoder, card);
        break;
    default:
        result.error.kind = TextBlockError::Kind::UnknownCardType;
        result.error.flag = flag;
        return result;
    }
    if (card.cardType == IdCardData::CardType::Foreign2017 || card.cardType == IdCardData::CardType::Foreign2023)
        card.name = card.chineseName.isEmpty() ? card.englishName : card.chineseName;
    result.error = decoder.error;
    if (result.ok())
        result.card = card;
    return result;
}

} // namespace Sam
