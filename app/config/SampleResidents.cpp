#include "SampleResidents.h"

#include "IdNumber.h"
#include "JsonConfigReader.h"

#include <QRegularExpression>

namespace {

QDate readDate(JsonObjectReader &object, const QString &key)
{
    const QString text = object.string(key);
    if (text.isEmpty())
        return QDate();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid() || text.size() != 10)
        object.diagnostics().add(object.placeOf(key), QStringLiteral("expected a date as YYYY-MM-DD"));
    return date.isValid() ? date : QDate();
}

void readValidity(JsonObjectReader &object, IdCardData &card)
{
    const QString key = QStringLiteral("valid_to");
    card.validFrom = readDate(object, QStringLiteral("valid_from"));
    const QString validTo = object.string(key);
    if (validTo == QLatin1String("long-term") || validTo == QStringLiteral("长期")) {
        card.longTerm = true;
    } else if (!validTo.isEmpty()) {
        card.validTo = QDate::fromString(validTo, Qt::ISODate);
        if (!card.validTo.isValid() || validTo.size() != 10)
            object.diagnostics().add(object.placeOf(key),
                                     QStringLiteral("expected a date as YYYY-MM-DD or \"long-term\""));
        else if (card.validFrom.isValid() && card.validTo <= card.validFrom)
            object.diagnostics().add(object.placeOf(key), QStringLiteral("must be after valid_from"));
    }
}

void checkAgainstNumber(JsonObjectReader &object, const IdCardData &card, const QDate &today)
{
    if (card.idNumber.isEmpty())
        return;
    const IdNumberCheck check = IdNumber::checkAny(card.idNumber, today);
    if (!check.isValid()) {
        object.diagnostics().add(object.placeOf(QStringLiteral("id_number")),
                                 QStringLiteral("not a valid ID number: %1").arg(check.message()));
        return;
    }
    if (card.birth.isValid() && card.birth != IdNumber::birthDate(card.idNumber, today))
        object.diagnostics().add(object.placeOf(QStringLiteral("birth")),
                                 QStringLiteral("does not match the birth date inside id_number"));
    if (card.cardType == IdCardData::CardType::Foreign2017)
        return; // the 2017 number has no sex digit we can rely on (IdNumber::checkForeign2017)
    const IdNumber::Sex numberSex = IdNumber::sex(card.idNumber);
    const bool sexMatches = (card.sex == IdCardData::Sex::Male && numberSex == IdNumber::Sex::Male) ||
                            (card.sex == IdCardData::Sex::Female && numberSex == IdNumber::Sex::Female);
    if (card.sex != IdCardData::Sex::Unknown && !sexMatches)
        object.diagnostics().add(object.placeOf(QStringLiteral("sex")),
                                 QStringLiteral("does not match the sex digit of id_number (odd = male)"));
    if (card.validFrom.isValid() && card.birth.isValid() && card.validFrom < card.birth)
        object.diagnostics().add(object.placeOf(QStringLiteral("valid_from")),
                                 QStringLiteral("must not be before the birth date"));
}

IdCardData::CardType cardTypeOf(const QString &number)
{
    switch (IdNumber::kindOf(number)) {
    case IdNumberKind::HkMoTwPermit: return IdCardData::CardType::HkMoTwPermit;
    case IdNumberKind::Foreign2017: return IdCardData::CardType::Foreign2017;
    case IdNumberKind::Foreign2023: return IdCardData::CardType::Foreign2023;
    case IdNumberKind::ResidentId:
    case IdNumberKind::Unknown: break;
    }
    return IdCardData::CardType::Resident;
}

IdCardData readResident(JsonObjectReader &object, const QDate &today)
{
    IdCardData card;
    // Which fields a card has depends on its type, and the type on the number's shape.
    const IdNumberKind kind = IdNumber::kindOf(object.json().value(QStringLiteral("id_number")).toString());
    const bool foreignCard = kind == IdNumberKind::Foreign2017 || kind == IdNumberKind::Foreign2023;
    card.name = object.string(QStringLiteral("name"), foreignCard ? Need::Optional : Need::Required);
    const QString sex = object.oneOf(
        QStringLiteral("sex"), {QStringLiteral("male"), QStringLiteral("female")}, QStringLiteral("sex"));
    card.sex = sex == QLatin1String("male")     ? IdCardData::Sex::Male
               : sex == QLatin1String("female") ? IdCardData::Sex::Female
                                                : IdCardData::Sex::Unknown;
    card.birth = readDate(object, QStringLiteral("birth"));
    card.address = object.string(QStringLiteral("address"), foreignCard ? Need::Optional : Need::Required);
    card.idNumber = IdNumber::normalized(object.string(QStringLiteral("id_number")));
    card.cardType = cardTypeOf(card.idNumber);
    // Residence permits and foreigner cards have no ethnicity on the card.
    card.ethnicity =
        object.string(QStringLiteral("ethnicity"),
                      card.cardType == IdCardData::CardType::Resident ? Need::Required : Need::Optional);
    // Foreigner cards: the English name and the nationality always, the Chinese name when there is one
    // (`name` is then the Chinese name, else the English one, as the SAM decoder does); no address.
    if (foreignCard) {
        card.chineseName = card.name;
        card.englishName = object.string(QStringLiteral("english_name"));
        card.nationality = object.string(QStringLiteral("nationality"));
        static const QRegularExpression alpha3(QStringLiteral("^[A-Z]{3}$"));
        if (!card.nationality.isEmpty() && !alpha3.match(card.nationality).hasMatch())
            object.diagnostics().add(object.placeOf(QStringLiteral("nationality")),
                                     QStringLiteral("expected an ISO 3166-1 alpha-3 code (three capital letters)"));
        if (card.name.isEmpty())
            card.name = card.englishName;
    }
    // The 2023 foreigner card carries no issuer; the 2017 one an issuing authority code.
    card.issuer = object.string(QStringLiteral("issuer"),
                                card.cardType == IdCardData::CardType::Foreign2023 ? Need::Optional : Need::Required);
    readValidity(object, card);
    object.rejectUnknownKeys();
    checkAgainstNumber(object, card, today);
    return card;
}

} // namespace

ConfigResult<QVector<IdCardData>> SampleResidents::load(const QString &path, const QDate &today)
{
    ConfigDiagnostics diag(path);
    const auto data = readConfigFile(path, diag);
    return data ? parse(*data, path, today) : ConfigResult<QVector<IdCardData>>::failure(diag.errors());
}

ConfigResult<QVector<IdCardData>> SampleResidents::parse(const QByteArray &json, const QString &fileName,
                                                         const QDate &today)
{
    ConfigDiagnostics diag(fileName);
    const auto document = parseConfigDocument(json, diag);
    if (!document)
        return ConfigResult<QVector<IdCardData>>::failure(diag.errors());

    JsonObjectReader root(*document, QStringLiteral("/"), diag);
    QVector<IdCardData> residents;
    root.string(QStringLiteral("$schema"), Need::Optional); // editors' hint, ignored
    if (const auto array = root.array(QStringLiteral("residents"))) {
        const QString place = root.placeOf(QStringLiteral("residents"));
        if (array->isEmpty())
            diag.add(place, QStringLiteral("must list at least one resident"));
        for (int i = 0; i < array->size(); ++i) {
            auto object = JsonObjectReader::from(array->at(i), jsonPointer(place, i), diag);
            if (object)
                residents.append(readResident(*object, today));
        }
    }
    root.rejectUnknownKeys();

    if (diag.hasErrors())
        return ConfigResult<QVector<IdCardData>>::failure(diag.errors());
    return ConfigResult<QVector<IdCardData>>::success(residents);
}
