#pragma once

#include <QChar>
#include <QDate>
#include <QString>

// What a card number is, from its shape alone (see IdNumber::kindOf).
enum class IdNumberKind {
    Unknown,      // neither 15 nor 18 characters
    ResidentId,   // GB 11643 citizen number (first digit 1-8)
    HkMoTwPermit, // GB 11643 number with prefix 810000 / 820000 / 830000
    Foreign2017,  // 15 characters, starting with a letter: foreigner permanent residence card, 2017 version
    Foreign2023,  // 18 characters, starting with 9: foreigner permanent residence ID card, 2023 version
};

// The outcome of IdNumber::check. It never repeats the number itself (message() is safe to log).
struct IdNumberCheck
{
    // Why a number was rejected. The checks run in this order; the first failing one is reported.
    enum class Problem {
        None,
        WrongLength,       // not exactly 18 characters (15 for a 2017 foreigner card)
        BadCharacter,      // a non-digit in the first 17, or a last character other than 0-9 / X / x;
                           // 2017 foreigner card: not 3 letters A-Z followed by 12 digits
        BadRegion,         // the region code starts with 0 (2017 foreigner card: the acceptance-place code)
        BadBirthDate,      // the birth date is not a real date, is before 1900-01-01 or after today
        BadCheckCharacter, // the check character does not match the first 17 digits
    };

    Problem problem = Problem::None;
    IdNumberKind kind = IdNumberKind::ResidentId; // which rules were applied
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

    // The kind of card a number belongs to, from its shape: 15 characters starting with a letter is a 2017
    // foreigner card; 18 characters: prefix 810000/820000/830000 a residence permit, first digit 9 a 2023
    // foreigner card, anything else a resident ID number. Nothing is validated here.
    static IdNumberKind kindOf(const QString &number);

    // Checks a number by the rules of its kind (kindOf): check() for the three 18-character kinds,
    // checkForeign2017() for 15 characters starting with a letter.
    static IdNumberCheck checkAny(const QString &number, const QDate &today = QDate::currentDate());

    // Foreigner permanent residence card, 2017 version (外国人永久居留身份证, 2017 版), 15 characters:
    //   1-3   nationality, ISO 3166-1 alpha-3 letters ("USA")
    //   4-7   acceptance place: the province + prefecture part of a GB/T 2260 region code ("3100" Shanghai)
    //   8-13  birth date, yyMMdd
    //   14    sequence digit
    //   15    check digit: ICAO 9303 (the MRZ rule) over characters 1-14, weights 7 3 1 repeating,
    //         digits count as their value and letters A-Z as 10-35, sum mod 10.
    // Sources: the National Immigration Administration's 2023 notice on the new card (read-out rules,
    // 2023 版机读信息规则: "由 15 位(3 位拉丁字母+12 位数字)调整为 18 位", the letters being the nationality),
    // /work/shared/reference/idcard-sam.md ('I' cards carry a 15-character number), and the field layout
    // used by public validators of the card (e.g. credentialkit's ForeignerPermanentResidenceIdNumber
    // processor). GA/T 1711 itself was not available to us: the split 4 + 6 + 1 + 1 of the 12 digits and
    // the ICAO check come from those validators, not from the standard's text.
    // The 2-digit year is read as 20yy when that is not after `today`, else 19yy.
    // Lower-case letters are accepted and upper-cased in `normalized`.
    static IdNumberCheck checkForeign2017(const QString &number, const QDate &today = QDate::currentDate());
    // The ICAO 9303 check digit of the first 14 characters; a null QChar if they are not 3 letters + 11 digits.
    static QChar foreign2017CheckDigit(const QString &first14);

    // The check character for 17 digits ('0'-'9' or 'X'); a null QChar if first17 is not 17 digits.
    static QChar checkCharacter(const QString &first17);

    // Upper-cases a final 'x'; everything else is returned unchanged.
    static QString normalized(const QString &number);

    // True for the residence-permit prefixes 810000 (Hong Kong), 820000 (Macao), 830000 (Taiwan).
    static bool isHkMoTwPermit(const QString &number);

    // From a number that passes check(); Unknown / an invalid QDate otherwise.
    static Sex sex(const QString &number); // the 17th character: odd = male, even = female
    // From a number that passes checkAny() (all four kinds); an invalid QDate otherwise.
    static QDate birthDate(const QString &number, const QDate &today = QDate::currentDate());

    // Masking for screens and receipts other than the review screen. All lengths are in characters
    // (Unicode code points), and the masked text keeps the length of the original:
    //   mask:      a 2017 foreigner card number (3 letters + 12 digits): the nationality and the last 3 kept
    //              ("USA*********511"), so neither the acceptance place nor the birth date shows;
    //              otherwise >= 11 characters: first 6 and last 4 kept ("310104********0025"; this also
    //              covers the residence permits and the 2023 foreigner card, whose first 6 are
    //              9 + province + nationality);
    //              5..10 characters: last 2 kept ("*****67"); <= 4 characters: all masked.
    //   maskName:  first character kept ("张**"); a one-character name is fully masked ("*").
    //   maskPhone: >= 8 characters: first 3 and last 4 kept ("138****5678"); shorter: as mask().
    static QString mask(const QString &text);
    static QString maskName(const QString &name);
    static QString maskPhone(const QString &phone);
};
