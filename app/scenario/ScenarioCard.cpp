#include "ScenarioCard.h"

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
    card.issuer = str("issuer");
    card.validFrom = date("valid_from");
    card.longTerm = str("valid_to") == QLatin1String("long-term");
    if (!card.longTerm)
        card.validTo = date("valid_to");
    return card;
}
