#include "ConfigVocabulary.h"

const QStringList &ConfigVocabulary::deviceKinds()
{
    static const QStringList kinds = {QStringLiteral("idcard"), QStringLiteral("receipt_printer"),
                                      QStringLiteral("scanner"), QStringLiteral("camera"),
                                      QStringLiteral("document_printer")};
    return kinds;
}

const QStringList &ConfigVocabulary::fieldTypes()
{
    static const QStringList types = {QStringLiteral("text"),    QStringLiteral("id_number"),
                                      QStringLiteral("phone"),   QStringLiteral("date"),
                                      QStringLiteral("number"),  QStringLiteral("choice"),
                                      QStringLiteral("textarea")};
    return types;
}

const QStringList &ConfigVocabulary::prefillSources()
{
    static const QStringList sources = {QStringLiteral("card.name"),    QStringLiteral("card.id_number"),
                                        QStringLiteral("card.sex"),     QStringLiteral("card.birth"),
                                        QStringLiteral("card.address"), QStringLiteral("card.ethnicity")};
    return sources;
}

const QStringList &ConfigVocabulary::languages()
{
    static const QStringList languages = {QStringLiteral("zh_CN"), QStringLiteral("en")};
    return languages;
}

QStringList ConfigVocabulary::fieldTypesFor(const QString &prefillSource)
{
    if (prefillSource == QLatin1String("card.name"))
        return {QStringLiteral("text")};
    if (prefillSource == QLatin1String("card.id_number"))
        return {QStringLiteral("id_number")};
    if (prefillSource == QLatin1String("card.sex"))
        return {QStringLiteral("choice"), QStringLiteral("text")};
    if (prefillSource == QLatin1String("card.birth"))
        return {QStringLiteral("date")};
    if (prefillSource == QLatin1String("card.address"))
        return {QStringLiteral("text"), QStringLiteral("textarea")};
    if (prefillSource == QLatin1String("card.ethnicity"))
        return {QStringLiteral("text"), QStringLiteral("choice")};
    return {};
}

const QStringList &ConfigVocabulary::eLicenceTypes()
{
    static const QStringList types = {QStringLiteral("resident_id_card"),     QStringLiteral("household_register"),
                                      QStringLiteral("marriage_certificate"), QStringLiteral("property_certificate"),
                                      QStringLiteral("business_licence"),     QStringLiteral("birth_certificate"),
                                      QStringLiteral("social_security_card"), QStringLiteral("driving_licence")};
    return types;
}
