#include "IdNumber.h"

#include <QRegularExpression>
#include <QStringList>

namespace {

constexpr int kLength = 18;
constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckCharacters[] = "10X98765432"; // indexed by (weighted sum mod 11)
const QDate kEarliestBirth(1900, 1, 1);

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// Splits text into Unicode code points, so a surrogate pair is never cut in half by masking.
QStringList codePoints(const QString &text)
{
    QStringList out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out << text.mid(i, 2);
            ++i;
        } else {
            out << QString(text.at(i));
        }
    }
    return out;
}

QString keepHeadAndTail(const QString &text, int head, int tail)
{
    const QStringList points = codePoints(text);
    const int n = int(points.size());
    QString out;
    for (int i = 0; i < n; ++i)
        out += (i < head || i >= n - tail) ? points.at(i) : QStringLiteral("*");
    return out;
}

bool isAsciiUpper(QChar c)
{
    return c >= QLatin1Char('A') && c <= QLatin1Char('Z');
}

constexpr int kForeign2017Length = 15;

// The 2-digit year of a 2017 foreigner card as a full date: 20yy unless that is after today.
QDate foreign2017Birth(const QString &yyMMdd, const QDate &today)
{
    const QDate in2000s = QDate::fromString(QStringLiteral("20") + yyMMdd, QStringLiteral("yyyyMMdd"));
    if (in2000s.isValid() && in2000s <= today)
        return in2000s;
    return QDate::fromString(QStringLiteral("19") + yyMMdd, QStringLiteral("yyyyMMdd"));
}

int codePointCount(const QString &text)
{
    return int(codePoints(text).size());
}

} // namespace

QString IdNumberCheck::message() const
{
    switch (problem) {
    case IdNumberCheck::Problem::None:
        return QStringLiteral("valid");
    case IdNumberCheck::Problem::WrongLength:
        return QStringLiteral("wrong length: %1 characters, expected %2")
            .arg(length)
            .arg(kind == IdNumberKind::Foreign2017 ? kForeign2017Length : kLength);
    case IdNumberCheck::Problem::BadCharacter:
        if (kind == IdNumberKind::Foreign2017)
            return position < 3 ? QStringLiteral("bad character at position %1: expected a letter A-Z").arg(position + 1)
                                : QStringLiteral("bad character at position %1: expected a digit").arg(position + 1);
        return position == kLength - 1
                   ? QStringLiteral("bad character at position 18: expected a digit or X")
                   : QStringLiteral("bad character at position %1: expected a digit").arg(position + 1);
    case IdNumberCheck::Problem::BadRegion:
        return kind == IdNumberKind::Foreign2017
                   ? QStringLiteral("bad acceptance place code: must not start with 0")
                   : QStringLiteral("bad region code: must not start with 0");
    case IdNumberCheck::Problem::BadBirthDate:
        return QStringLiteral("bad birth date: not a real date between 1900-01-01 and today");
    case IdNumberCheck::Problem::BadCheckCharacter:
        return QStringLiteral("bad check character: found %1, expected %2").arg(actualCheck, expectedCheck);
    }
    return QString();
}

QChar IdNumber::checkCharacter(const QString &first17)
{
    if (first17.size() != 17)
        return QChar();
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const QChar c = first17.at(i);
        if (!isAsciiDigit(c))
            return QChar();
        sum += (c.unicode() - '0') * kWeights[i];
    }
    return QLatin1Char(kCheckCharacters[sum % 11]);
}

QString IdNumber::normalized(const QString &number)
{
    if (number.endsWith(QLatin1Char('x'))) {
        QString out = number;
        out[out.size() - 1] = QLatin1Char('X');
        return out;
    }
    return number;
}

IdNumberCheck IdNumber::check(const QString &number, const QDate &today)
{
    IdNumberCheck result;
    result.length = int(number.size());
    if (number.size() != kLength) {
        result.problem = IdNumberCheck::Problem::WrongLength;
        return result;
    }
    const QString id = normalized(number);
    for (int i = 0; i < kLength; ++i) {
        const QChar c = id.at(i);
        const bool ok = isAsciiDigit(c) || (i == kLength - 1 && c == QLatin1Char('X'));
        if (!ok) {
            result.problem = IdNumberCheck::Problem::BadCharacter;
            result.position = i;
            return result;
        }
    }
    if (id.at(0) == QLatin1Char('0')) {
        result.problem = IdNumberCheck::Problem::BadRegion;
        return result;
    }
    const QDate birth = QDate::fromString(id.mid(6, 8), QStringLiteral("yyyyMMdd"));
    if (!birth.isValid() || birth < kEarliestBirth || birth > today) {
        result.problem = IdNumberCheck::Problem::BadBirthDate;
        return result;
    }
    const QChar expected = checkCharacter(id.left(17));
    if (id.at(17) != expected) {
        result.problem = IdNumberCheck::Problem::BadCheckCharacter;
        result.expectedCheck = expected;
        result.actualCheck = id.at(17);
        return result;
    }
    result.normalized = id;
    return result;
}

bool IdNumber::isHkMoTwPermit(const QString &number)
{
    return number.startsWith(QLatin1String("810000")) || number.startsWith(QLatin1String("820000")) ||
           number.startsWith(QLatin1String("830000"));
}

IdNumberKind IdNumber::kindOf(const QString &number)
{
    if (number.size() == kForeign2017Length && number.at(0).isLetter())
        return IdNumberKind::Foreign2017;
    if (number.size() != kLength)
        return IdNumberKind::Unknown;
    if (isHkMoTwPermit(number))
        return IdNumberKind::HkMoTwPermit;
    if (number.startsWith(QLatin1Char('9')))
        return IdNumberKind::Foreign2023;
    return IdNumberKind::ResidentId;
}

IdNumberCheck IdNumber::checkAny(const QString &number, const QDate &today)
{
    const IdNumberKind kind = kindOf(number);
    if (kind == IdNumberKind::Foreign2017)
        return checkForeign2017(number, today);
    IdNumberCheck result = check(number, today);
    if (kind != IdNumberKind::Unknown)
        result.kind = kind;
    return result;
}

QChar IdNumber::foreign2017CheckDigit(const QString &first14)
{
    if (first14.size() != kForeign2017Length - 1)
        return QChar();
    static constexpr int kIcaoWeights[3] = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < first14.size(); ++i) {
        const QChar c = first14.at(i);
        int value = 0;
        if (i < 3 && isAsciiUpper(c))
            value = c.unicode() - 'A' + 10;
        else if (i >= 3 && isAsciiDigit(c))
            value = c.unicode() - '0';
        else
            return QChar();
        sum += value * kIcaoWeights[i % 3];
    }
    return QLatin1Char(char('0' + sum % 10));
}

IdNumberCheck IdNumber::checkForeign2017(const QString &number, const QDate &today)
{
    IdNumberCheck result;
    result.kind = IdNumberKind::Foreign2017;
    result.length = int(number.size());
    if (number.size() != kForeign2017Length) {
        result.problem = IdNumberCheck::Problem::WrongLength;
        return result;
    }
    const QString id = number.left(3).toUpper() + number.mid(3);
    for (int i = 0; i < kForeign2017Length; ++i) {
        const QChar c = id.at(i);
        if (i < 3 ? !isAsciiUpper(c) : !isAsciiDigit(c)) {
            result.problem = IdNumberCheck::Problem::BadCharacter;
            result.position = i;
            return result;
        }
    }
    if (id.at(3) == QLatin1Char('0')) {
        result.problem = IdNumberCheck::Problem::BadRegion;
        return result;
    }
    const QDate birth = foreign2017Birth(id.mid(7, 6), today);
    if (!birth.isValid() || birth < kEarliestBirth || birth > today) {
        result.problem = IdNumberCheck::Problem::BadBirthDate;
        return result;
    }
    const QChar expected = foreign2017CheckDigit(id.left(14));
    if (id.at(14) != expected) {
        result.problem = IdNumberCheck::Problem::BadCheckCharacter;
        result.expectedCheck = expected;
        result.actualCheck = id.at(14);
        return result;
    }
    result.normalized = id;
    return result;
}

IdNumber::Sex IdNumber::sex(const QString &number)
{
    if (!isValid(number))
        return Sex::Unknown;
    return ((number.at(16).unicode() - '0') % 2 == 1) ? Sex::Male : Sex::Female;
}

QDate IdNumber::birthDate(const QString &number, const QDate &today)
{
    const IdNumberCheck result = checkAny(number, today);
    if (!result.isValid())
        return QDate();
    if (result.kind == IdNumberKind::Foreign2017)
        return foreign2017Birth(result.normalized.mid(7, 6), today);
    return QDate::fromString(number.mid(6, 8), QStringLiteral("yyyyMMdd"));
}

QString IdNumber::mask(const QString &text)
{
    static const QRegularExpression foreign2017(QStringLiteral("^[A-Za-z]{3}[0-9]{12}$"));
    if (foreign2017.match(text).hasMatch())
        return keepHeadAndTail(text, 3, 3);
    const int n = codePointCount(text);
    if (n >= 11)
        return keepHeadAndTail(text, 6, 4);
    if (n >= 5)
        return keepHeadAndTail(text, 0, 2);
    return keepHeadAndTail(text, 0, 0);
}

QString IdNumber::maskName(const QString &name)
{
    return codePointCount(name) <= 1 ? keepHeadAndTail(name, 0, 0) : keepHeadAndTail(name, 1, 0);
}

QString IdNumber::maskPhone(const QString &phone)
{
    return codePointCount(phone) >= 8 ? keepHeadAndTail(phone, 3, 4) : mask(phone);
}
