#pragma once

#include <QDate>
#include <QImage>
#include <QString>

// What a reader gives us from one card. Personal data: never log it, wipe it at session end.
struct IdCardData
{
    enum class CardType { Resident, HkMoTwPermit, Foreign2017, Foreign2023 };
    enum class Sex { Unknown, Male, Female, Unspecified };

    CardType cardType = CardType::Resident;
    QString name;
    Sex sex = Sex::Unknown;
    QString ethnicity; // name, e.g. "汉"
    QDate birth;
    QString address;
    QString appendedAddress; // 30 03: the address endorsed after a move, when asked for and present
    QString idNumber;
    QString issuer;
    QDate validFrom;
    QDate validTo;          // invalid when longTerm
    bool longTerm = false;  // "长期"
    QString englishName;    // foreigner cards
    QString nationality;    // ISO 3166-1 alpha-3, foreigner cards
    QString chineseName;    // foreigner cards, as on the card (may be empty); `name` falls back to englishName
    QString passNumber;     // HK/MO/TW residence permit: the travel permit number
    int issueCount = -1;    // HK/MO/TW residence permit: times issued; -1 when the card type has none
    int renewalCount = -1;  // foreigner card 2023: times renewed; -1 when the card type has none
    QImage photo;           // null when no WLT decoder is configured

    bool isEmpty() const { return idNumber.isEmpty() && name.isEmpty(); }
    static QString sexCode(Sex sex); // "male" / "female" / "unknown" / "unspecified"
    static QString cardTypeCode(CardType type); // "resident" / "hk_mo_tw_permit" / "foreign_2017" / "foreign_2023"
};
