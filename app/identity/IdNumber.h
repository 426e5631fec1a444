#pragma once

#include <QChar>
#include <QDate>
#include <QString>

// The outcome of IdNumber::check. It never repeats the number itself (message() is safe to log).
struct IdNumberCheck
{
    // Why a number was rejected. The checks run in this order; the first failing one is reported.
    enum class Problem {
        None,
        WrongLength,       // not exactly 18 characters
        BadCharacter,      // a non-digit in the first 17, or a last character other than 0-9 / X / x
        BadRegion,         // the region code starts with 0
        BadBirthDate,      // the birth date is not a real date, is before 1900-01-01 or after today
        BadCheckCharacter, // the check character does not match the first 17 digits
    };

    Problem problem = Problem::None;
    QString normalized;  // the number with a trailing 'x' made 'X'; empty unless valid
    int length = 0;      // the length that was checked (WrongLength)
    int position = -1;   // 0-based index of the first bad character (BadCharacter)
    QChar expectedCheck; // BadCheckCharacter: what the first 17 digits call for
    QChar actualCheck;   // BadCheckCharacter: what the number has

    bool isValid() const { return problem == Problem::None; }
    // English, e.g. "bad check character: found 5, expected X". Contains no digits of the number but the check
    // character, so it may be logged.
    QString message() const;
};

// Resident identity numbers (GB 11643-1999), also used by the Hong Kong / Macao / Taiwan residence permits
// (region prefixes 810000, 820000, 830000). Pure functions; safe on any thread.
class IdNumber
{
public:
    enum class Sex { Unknown, Male, Female };

    // Checks length, characters, region, birth date (1900-01-01 .. today) and the check character.
    // No whitespace is trimmed: callers trim user input first.
    static IdNumberCheck check(const QString &number, const QDate &today = QDate::currentDate());
    static bool isValid(const QString &number, const QDate &today = QDate::currentDate())
    {
        return check(number, today).isValid();
    }

    // The check character for 17 digits ('0'-'9' or 'X'); a null QChar if first17 is not 17 digits.
    static QChar checkCharacter(const QString &first17);

    // Upper-cases a final 'x'; everything else is returned unchanged.
    static QString normalized(const QString &number);

    // True for the residence-permit prefixes 810000 (Hong Kong), 820000 (Macao), 830000 (Taiwan).
    static bool isHkMoTwPermit(const QString &number);

    // From a number that passes check(); Unknown / an invalid QDate otherwise.
    static Sex sex(const QString &number); // the 17th character: odd = male, even = female
    static QDate birthDate(const QString &number);

    // Masking for screens and receipts other than the review screen. All lengths are in characters
    // (Unicode code points), and the masked text keeps the length of the original:
    //   mask:      >= 11 characters: first 6 and last 4 kept ("310104********0025");
    //              5..10 characters: last 2 kept ("*****67"); <= 4 characters: all masked.
    //   maskName:  first character kept ("张**"); a one-character name is fully masked ("*").
    //   maskPhone: >= 8 characters: first 3 and last 4 kept ("138****5678"); shorter: as mask().
    static QString mask(const QString &text);
    static QString maskName(const QString &name);
    static QString maskPhone(const QString &phone);
};
