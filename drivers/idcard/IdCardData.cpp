#include "IdCardData.h"

QString IdCardData::sexCode(Sex sex)
{
    switch (sex) {
    case Sex::Unknown:
        return QStringLiteral("unknown");
    case Sex::Male:
        return QStringLiteral("male");
    case Sex::Female:
        return QStringLiteral("female");
    case Sex::Unspecified:
        return QStringLiteral("unspecified");
    }
    return QStringLiteral("unknown");
}

QString IdCardData::cardTypeCode(CardType type)
{
    switch (type) {
    case CardType::Resident:
        return QStringLiteral("resident");
    case CardType::HkMoTwPermit:
        return QStringLiteral("hk_mo_tw_permit");
    case CardType::Foreign2017:
        return QStringLiteral("foreign_2017");
    case CardType::Foreign2023:
        return QStringLiteral("foreign_2023");
    }
    return QStringLiteral("resident");
}
