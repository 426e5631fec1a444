#pragma once

#include <QStringList>

// The closed vocabularies of the configuration files. Adding a word here is a code change on purpose:
// the kiosk must know how to handle every value it accepts.
class ConfigVocabulary
{
public:
    static const QStringList &deviceKinds(); // idcard receipt_printer scanner camera
    static const QStringList &fieldTypes();  // text id_number phone date number choice textarea
    static const QStringList &
    prefillSources(); // card.name card.id_number card.sex card.birth card.address card.ethnicity
    static const QStringList &languages(); // zh_CN en
    // E-licence (电子证照) types a service may accept (catalog e_licences; docs/platform-api.md "E-licences"):
    // resident_id_card household_register marriage_certificate property_certificate business_licence
    // birth_certificate social_security_card driving_licence
    static const QStringList &eLicenceTypes();

    // The field types a prefill source may fill (e.g. card.birth only fills date fields).
    static QStringList fieldTypesFor(const QString &prefillSource);
};
