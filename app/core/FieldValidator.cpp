#include "FieldValidator.h"

#include "IdNumber.h"

#include <QDate>
#include <QRegularExpression>

QString FieldValidator::normalized(const FormFieldSpec &field, const QString &value)
{
    QString v = field.type == QLatin1String("textarea") ? value : value.trimmed();
    if (field.type == QLatin1String("id_number"))
        v = v.toUpper();
    return v;
}

static QString idNumberProblem(const QString &value)
{
    // Any of the four card numbers (resident, HK/MO/TW permit, 2017 and 2023 foreigner cards).
    const IdNumberCheck result = IdNumber::checkAny(value);
    switch (result.problem) {
    case IdNumberCheck::Problem::None:
        return QString();
    case IdNumberCheck::Problem::WrongLength:
        return FieldValidator::tr("An ID number has 18 characters; this one has %1.").arg(value.size());
    case IdNumberCheck::Problem::BadCharacter:
        return FieldValidator::tr("An ID number has 17 digits followed by a digit or X.");
    case IdNumberCheck::Problem::BadRegion:
        return FieldValidator::tr("The first six digits are not a region code.");
    case IdNumberCheck::Problem::BadBirthDate:
        return FieldValidator::tr("The birth date inside this ID number is not a real date.");
    case IdNumberCheck::Problem::BadCheckCharacter:
        return FieldValidator::tr("This ID number is not valid: please check each digit.");
    }
    return FieldValidator::tr("This ID number is not valid.");
}

QString FieldValidator::numberProblem(const FormFieldSpec &field, const QString &value)
{
    // Plain decimal notation only: no exponent, no thousands separator, no sign (counts and amounts).
    static const QRegularExpression number(QStringLiteral("^(\\d+)(?:\\.(\\d+))?$"));
    const QRegularExpressionMatch match = number.match(value);
    if (!match.hasMatch())
        return field.decimals > 0 ? tr("Please enter a number, such as 12 or 12.5.") : tr("Please enter a whole number.");
    if (match.captured(2).size() > field.decimals)
        return field.decimals == 0 ? tr("Please enter a whole number.")
                                   : tr("Please use at most %n digit(s) after the decimal point.", nullptr, field.decimals);
    const double amount = value.toDouble();
    if (field.minimum && amount < *field.minimum)
        return tr("The smallest accepted value is %1.").arg(*field.minimum);
    if (field.maximum && amount > *field.maximum)
        return tr("The largest accepted value is %1.").arg(*field.maximum);
    return QString();
}

QString FieldValidator::check(const FormFieldSpec &field, const QString &raw, const QString &language)
{
    const QString value = normalized(field, raw);
    if (value.isEmpty())
        return field.required ? tr("This field is required.") : QString();
    if (field.minLength > 0 && value.size() < field.minLength)
        return tr("Please enter at least %n character(s).", nullptr, field.minLength);
    if (field.maxLength > 0 && value.size() > field.maxLength)
        return tr("Please enter at most %n character(s).", nullptr, field.maxLength);

    const QString &type = field.type;
    if (type == QLatin1String("id_number")) {
        const QString problem = idNumberProblem(value);
        if (!problem.isEmpty())
            return problem;
    } else if (type == QLatin1String("phone")) {
        static const QRegularExpression phone(QStringLiteral("^1[3-9]\\d{9}$|^0\\d{2,3}-?\\d{7,8}$"));
        if (!phone.match(value).hasMatch())
            return tr("Please enter an 11-digit mobile number or a landline number with its area code.");
    } else if (type == QLatin1String("date")) {
        if (!QDate::fromString(value, Qt::ISODate).isValid())
            return tr("Please enter a date as YYYY-MM-DD.");
    } else if (type == QLatin1String("number")) {
        const QString problem = numberProblem(field, value);
        if (!problem.isEmpty())
            return problem;
    } else if (type == QLatin1String("choice")) {
        bool known = false;
        for (const auto &choice : field.choices)
            known = known || choice.first == value;
        if (!known)
            return tr("Please choose one of the options.");
    }

    if (!field.pattern.isEmpty()) {
        const QRegularExpression re(QRegularExpression::anchoredPattern(field.pattern));
        if (!re.match(value).hasMatch()) {
            const QString hint = field.patternHint.in(language);
            return hint.isEmpty() ? tr("The format of this entry is not accepted.") : hint;
        }
    }
    return QString();
}
