#include "FormFieldReader.h"

#include "ConfigVocabulary.h"

#include <QRegularExpression>

namespace {

const QString kChoice = QStringLiteral("choice");
const QString kNumber = QStringLiteral("number");

void readLengths(JsonObjectReader &object, FormFieldSpec &field)
{
    field.minLength = object.integer(QStringLiteral("min_length"), 0, 0, 2000);
    field.maxLength = object.integer(QStringLiteral("max_length"), 0, 0, 2000);
    if (field.maxLength > 0 && field.maxLength < field.minLength)
        object.diagnostics().add(
            object.placeOf(QStringLiteral("max_length")),
            QStringLiteral("must not be less than min_length (%1)").arg(field.minLength));
}

void readPattern(JsonObjectReader &object, FormFieldSpec &field)
{
    field.pattern = object.string(QStringLiteral("pattern"), Need::Optional);
    const bool hasHint = object.contains(QStringLiteral("pattern_hint"));
    if (field.pattern.isEmpty()) {
        if (hasHint)
            object.diagnostics().add(object.placeOf(QStringLiteral("pattern_hint")),
                                     QStringLiteral("pattern_hint is only allowed together with a pattern"));
        return;
    }
    const QRegularExpression re(field.pattern);
    if (!re.isValid())
        object.diagnostics().add(object.placeOf(QStringLiteral("pattern")),
                                 QStringLiteral("invalid regular expression: %1 at offset %2")
                                     .arg(re.errorString())
                                     .arg(re.patternErrorOffset()));
    if (field.type == kChoice)
        object.diagnostics().add(object.placeOf(QStringLiteral("pattern")),
                                 QStringLiteral("a choice field cannot have a pattern"));
    if (!hasHint)
        object.diagnostics().add(
            object.placeOf(QStringLiteral("pattern_hint")),
            QStringLiteral("required key \"pattern_hint\" is missing (a pattern needs a hint "
                           "that tells the resident what to type)"));
    else
        field.patternHint = object.text(QStringLiteral("pattern_hint"));
}

void readChoices(JsonObjectReader &object, FormFieldSpec &field)
{
    const QString place = object.placeOf(QStringLiteral("choices"));
    const auto array = object.array(QStringLiteral("choices"), Need::Optional);
    if (field.type.isEmpty()) // unknown type, reported already: no follow-on errors
        return;
    if (field.type != kChoice) {
        if (array)
            object.diagnostics().add(place, QStringLiteral("choices are only allowed on choice fields"));
        return;
    }
    if (!array) {
        if (!object.json().contains(QStringLiteral("choices"))) // a wrong type was reported already
            object.diagnostics().add(place,
                                     QStringLiteral("required key \"choices\" is missing (a choice field "
                                                    "needs at least one choice)"));
        return;
    }
    if (array->isEmpty())
        object.diagnostics().add(place, QStringLiteral("a choice field needs at least one choice"));
    for (int i = 0; i < array->size(); ++i) {
        auto choice = JsonObjectReader::from(array->at(i), jsonPointer(place, i), object.diagnostics());
        if (!choice)
            continue;
        const QString value = choice->string(QStringLiteral("value"));
        const LocalizedText label = choice->text(QStringLiteral("label"));
        choice->rejectUnknownKeys();
        for (int j = 0; j < field.choices.size(); ++j)
            if (!value.isEmpty() && field.choices.at(j).first == value)
                object.diagnostics().add(choice->placeOf(QStringLiteral("value")),
                                         QStringLiteral("duplicate choice value \"%1\"").arg(value));
        field.choices.append({value, label});
    }
}

void readPrefill(JsonObjectReader &object, FormFieldSpec &field)
{
    field.prefill = object.oneOf(QStringLiteral("prefill"), ConfigVocabulary::prefillSources(),
                                 QStringLiteral("prefill source"), Need::Optional);
    if (field.prefill.isEmpty() || field.type.isEmpty())
        return;
    const QStringList types = ConfigVocabulary::fieldTypesFor(field.prefill);
    const QString place = object.placeOf(QStringLiteral("prefill"));
    if (!types.contains(field.type)) {
        object.diagnostics().add(place,
                                 QStringLiteral("%1 can only fill a field of type %2, not %3")
                                     .arg(field.prefill, types.join(QLatin1String(" or ")), field.type));
        return;
    }
    if (field.prefill == QLatin1String("card.sex") && field.type == kChoice) {
        for (const QString &needed : {QStringLiteral("male"), QStringLiteral("female")}) {
            bool found = false;
            for (const auto &choice : field.choices)
                found = found || choice.first == needed;
            if (!found)
                object.diagnostics().add(place,
                                         QStringLiteral("card.sex fills a choice field only if it has a "
                                                        "choice with value \"%1\"")
                                             .arg(needed));
        }
    }
}

void readPersonal(JsonObjectReader &object, FormFieldSpec &field)
{
    const bool alwaysPersonal = field.type == QLatin1String("id_number") ||
                                field.type == QLatin1String("phone") || !field.prefill.isEmpty();
    const std::optional<bool> personal = object.optionalBoolean(QStringLiteral("personal"));
    if (personal == false && alwaysPersonal)
        object.diagnostics().add(
            object.placeOf(QStringLiteral("personal")),
            QStringLiteral("cannot be false: id_number, phone and card-prefilled fields always "
                           "hold personal data"));
    field.personal = personal.value_or(false) || alwaysPersonal;
}

void readNumberRange(JsonObjectReader &object, FormFieldSpec &field)
{
    field.minimum = object.number(QStringLiteral("minimum"));
    field.maximum = object.number(QStringLiteral("maximum"));
    field.decimals = object.integer(QStringLiteral("decimals"), 0, 0, 6);
    if (field.type.isEmpty())
        return;
    if (field.type != kNumber) {
        for (const QString &key :
             {QStringLiteral("minimum"), QStringLiteral("maximum"), QStringLiteral("decimals")})
            if (object.json().contains(key))
                object.diagnostics().add(object.placeOf(key),
                                         QStringLiteral("only allowed on number fields"));
        return;
    }
    if (field.minimum && field.maximum && *field.maximum < *field.minimum)
        object.diagnostics().add(object.placeOf(QStringLiteral("maximum")),
                                 QStringLiteral("must not be less than minimum (%1)").arg(*field.minimum));
}

} // namespace

FormFieldSpec readFormField(JsonObjectReader &object)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
    FormFieldSpec field;
    field.id = object.string(QStringLiteral("id"));
    if (!field.id.isEmpty() && !idPattern.match(field.id).hasMatch())
        object.diagnostics().add(
            object.placeOf(QStringLiteral("id")),
            QStringLiteral("a field id is lower case letters, digits and _, starting with a "
                           "letter; found \"%1\"")
                .arg(field.id));
    field.label = object.text(QStringLiteral("label"));
    field.type =
        object.oneOf(QStringLiteral("type"), ConfigVocabulary::fieldTypes(), QStringLiteral("field type"));
    field.required = object.boolean(QStringLiteral("required"), false);
    readLengths(object, field);
    readPattern(object, field);
    readChoices(object, field);
    readPrefill(object, field);
    readPersonal(object, field);
    readNumberRange(object, field);
    object.rejectUnknownKeys();
    return field;
}
