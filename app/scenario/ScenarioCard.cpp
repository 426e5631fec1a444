#include "ScenarioCard.h"

#include "IdNumber.h"

IdCardData scenarioCard(const QJsonObject &o)
{
    auto str = [&](const char *key) { return o.value(QLatin1String(key)).toString(); };
    auto date = [&](const char *key) { return QDate::fromString(str(key), Qt::ISODate); };
    IdCardData card;
    card.name = str("name");
    const QString sex = str("sex");
    card.sex = sex == QLatin1String("male")     ? IdCardData::Sex::Male
               : sex == QLatin1String("female") ? IdCardData::Sex::Female
               : sex == QLatin1String("unspecified") ? IdCardData::Sex::Unspecified
                                                     : IdCardData::Sex::Unknown;
    card.ethnicity = str("ethnicity");
    card.birth = date("birth");
    card.address = str("address");
    card.idNumber = str("id_number");
    // The card type: "card_type" (resident | hk_mo_tw_permit | foreign_2017 | foreign_2023) when given, so a
    // scenario can place a forged card whose number does not fit its type; else from the number's shape.
    const QString type = str("card_type");
    const IdNumberKind kind = IdNumber::kindOf(card.idNumber);
    if (type == QLatin1String("hk_mo_tw_permit") || (type.isEmpty() && kind == IdNumberKind::HkMoTwPermit))
        card.cardType = IdCardData::CardType::HkMoTwPermit;
    else if (type == QLatin1String("foreign_2017") || (type.isEmpty() && kind == IdNumberKind::Foreign2017))
        card.cardType = IdCardData::CardType::Foreign2017;
    else if (type == QLatin1String("foreign_2023") || (type.isEmpty() && kind == IdNumberKind::Foreign2023))
        card.cardType = IdCardData::CardType::Foreign2023;
    card.englishName = str("english_name");
    card.nationality = str("nationality");
    if (card.cardType == IdCardData::CardType::Foreign2017 || card.cardType == IdCardData::CardType::Foreign2023) {
        card.chineseName = card.name;
        if (card.name.isEmpty())
            card.name = card.englishName;
    }
    card.issuer = str("issuer");
    card.validFrom = date("valid_from");
    card.longTerm = str("valid_to") == QLatin1String("long-term");
    if (!card.longTerm)
        card.validTo = date("valid_to");
    return card;
}
