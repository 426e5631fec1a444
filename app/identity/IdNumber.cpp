#include "IdNumber.h"

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
        return QStringLiteral("wrong length: %1 characters, expected 18").arg(length);
    case IdNumberCheck::Problem::BadCharacter:
        return position == kLength - 1
                   ? QStringLiteral("bad character at position 18: expected a digit or X")
                   : QStringLiteral("bad character at position %1: expected a digit").arg(position + 1);
    case IdNumberCheck::Problem::BadRegion:
        return QStringLiteral("bad region code: must not start with 0");
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

IdNumber::Sex IdNumber::sex(const QString &number)
{
    if (!isValid(number))
        return Sex::Unknown;
    return ((number.at(16).unicode() - '0') % 2 == 1) ? Sex::Male : Sex::Female;
}

QDate IdNumber::birthDate(const QString &number)
{
    if (!isValid(number))
        return QDate();
    return QDate::fromString(number.mid(6, 8), QStringLiteral("yyyyMMdd"));
}

QString IdNumber::mask(const QString &text)
{
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
