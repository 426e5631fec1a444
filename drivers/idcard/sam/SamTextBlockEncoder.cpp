#include "SamTextBlockEncoder.h"

#include "SamEthnicity.h"
#include "SamTextBlock.h"

namespace Sam {

namespace {
class Encoder
{
public:
    Encoder()
    {
        for (int i = 0; i < kTextBlockSize / 2; ++i)
            m_block.append(' ').append('\0');
    }

    void put(int offset, int bytes, const QString &text, const char *field)
    {
        if (text.size() * 2 > bytes) {
            fail(QStringLiteral("%1: %2 characters, room for %3")
                     .arg(QLatin1String(field))
                     .arg(text.size())
                     .arg(bytes / 2));
            return;
        }
        for (int i = 0; i < text.size(); ++i) {
            const char16_t c = text.at(i).unicode();
            m_block[offset + 2 * i] = char(c & 0xFF);
            m_block[offset + 2 * i + 1] = char(c >> 8);
        }
    }

    void date(int offset, const QDate &date, const char *field)
    {
        if (date.isValid())
            put(offset, 16, date.toString(QStringLiteral("yyyyMMdd")), field);
    }

    void validTo(int offset, const IdCardData &card, const char *field)
    {
        if (card.longTerm)
            put(offset, 16, QStringLiteral("长期"), field);
        else
            date(offset, card.validTo, field);
    }

    void sex(int offset, IdCardData::Sex sex)
    {
        switch (sex) {
        case IdCardData::Sex::Unknown:
            put(offset, 2, QStringLiteral("0"), "sex");
            break;
        case IdCardData::Sex::Male:
            put(offset, 2, QStringLiteral("1"), "sex");
            break;
        case IdCardData::Sex::Female:
            put(offset, 2, QStringLiteral("2"), "sex");
            break;
        case IdCardData::Sex::Unspecified:
            put(offset, 2, QStringLiteral("9"), "sex");
            break;
        }
    }

    void count(int offset, int bytes, int value, const char *field)
    {
        if (value >= 0)
            put(offset, bytes, QString::number(value), field);
    }

    void fail(const QString &error)
    {
        if (m_error.isEmpty())
            m_error = error;
    }

    QByteArray m_block;
    QString m_error;
};
} // namespace

TextBlockEncoding encodeTextBlock(const IdCardData &card)
{
    Encoder e;
    switch (card.cardType) {
    case IdCardData::CardType::Resident: {
        e.put(0, 30, card.name, "name");
        e.sex(30, card.sex);
        const QString code = ethnicityCode(card.ethnicity);
        if (code.isNull())
            e.fail(QStringLiteral("ethnicity: not a GB 3304 name"));
        else
            e.put(32, 4, code, "ethnicity");
        e.date(36, card.birth, "birth");
        e.put(52, 70, card.address, "address");
        e.put(122, 36, card.idNumber, "id number");
        e.put(158, 30, card.issuer, "issuer");
        e.date(188, card.validFrom, "valid from");
        e.validTo(204, card, "valid to");
        break;
    }
    case IdCardData::CardType::HkMoTwPermit:
        e.put(0, 30, card.name, "name");
        e.sex(30, card.sex);
        e.date(36, card.birth, "birth");
        e.put(52, 70, card.address, "address");
        e.put(122, 36, card.idNumber, "id number");
        e.put(158, 30, card.issuer, "issuer");
        e.date(188, card.validFrom, "valid from");
        e.validTo(204, card, "valid to");
        e.put(220, 18, card.passNumber, "pass number");
        e.count(238, 4, card.issueCount, "issue count");
        e.put(248, 2, QStringLiteral("J"), "flag");
        break;
    case IdCardData::CardType::Foreign2017:
        e.put(0, 120, card.englishName, "english name");
        e.sex(120, card.sex);
        e.put(122, 30, card.idNumber, "card number");
        e.put(152, 6, card.nationality, "nationality");
        e.put(158, 30, card.chineseName, "chinese name");
        e.date(188, card.validFrom, "issue date");
        e.validTo(204, card, "expiry");
        e.date(220, card.birth, "birth");
        e.put(240, 8, card.issuer, "authority code");
        e.put(248, 2, QStringLiteral("I"), "flag");
        break;
    case IdCardData::CardType::Foreign2023:
        e.put(0, 30, card.chineseName, "chinese name");
        e.sex(30, card.sex);
        e.count(32, 4, card.renewalCount, "renewal count");
        e.date(36, card.birth, "birth");
        if (card.englishName.size() > 46)
            e.fail(QStringLiteral("english name: %1 characters, room for 46").arg(card.englishName.size()));
        else {
            e.put(52, 70, card.englishName.left(35), "english name");
            e.put(220, 22, card.englishName.mid(35), "english name");
        }
        e.put(122, 36, card.idNumber, "card number");
        e.date(188, card.validFrom, "issue date");
        e.validTo(204, card, "expiry");
        e.put(242, 6, card.nationality, "nationality");
        e.put(248, 2, QStringLiteral("Y"), "flag");
        break;
    }
    TextBlockEncoding result;
    result.error = e.m_error;
    if (result.ok())
        result.block = e.m_block;
    return result;
}

} // namespace Sam
