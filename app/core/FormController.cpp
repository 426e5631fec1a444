#include "FormController.h"

#include "FieldValidator.h"
#include "IdNumber.h"

#include <QVariantMap>

FormController::FormController(QObject *parent) : QAbstractListModel(parent) {}

int FormController::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

static QString prefillFrom(const QString &source, const IdCardData &card)
{
    if (source == QLatin1String("card.name"))
        return card.name;
    if (source == QLatin1String("card.id_number"))
        return card.idNumber;
    if (source == QLatin1String("card.address"))
        return card.address;
    if (source == QLatin1String("card.birth"))
        return card.birth.isValid() ? card.birth.toString(Qt::ISODate) : QString();
    if (source == QLatin1String("card.sex")) {
        const QString code = IdCardData::sexCode(card.sex);
        return (code == QLatin1String("male") || code == QLatin1String("female")) ? code : QString();
    }
    if (source == QLatin1String("card.ethnicity"))
        return card.ethnicity;
    return QString();
}

void FormController::load(const ServiceSpec &service, const IdCardData &card, const QString &language)
{
    beginResetModel();
    m_fields.clear();
    m_serviceId = service.id;
    m_language = language;
    for (const FormFieldSpec &spec : service.fields) {
        Field field;
        field.spec = spec;
        if (!spec.prefill.isEmpty()) {
            field.value = prefillFrom(spec.prefill, card);
            // A value read from the card cannot be mistyped: it is locked. An empty one stays editable.
            field.locked = !field.value.isEmpty();
            field.touched = field.locked;
        }
        revalidate(field);
        m_fields.append(field);
    }
    endResetModel();
    emit fieldsChanged();
    m_lastValid = !isValid();
    emit validityChanged();
    m_lastValid = isValid();
}

void FormController::setLanguage(const QString &language)
{
    m_language = language;
    for (Field &f : m_fields)
        revalidate(f);
    if (!m_fields.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1));
}

void FormController::clear()
{
    beginResetModel();
    m_fields.clear();
    m_serviceId.clear();
    endResetModel();
    emit fieldsChanged();
    m_lastValid = false;
    emit validityChanged();
}

int FormController::indexOf(const QString &fieldId) const
{
    for (int i = 0; i < m_fields.size(); ++i)
        if (m_fields.at(i).spec.id == fieldId)
            return i;
    return -1;
}

QString FormController::problemOf(const Field &field) const
{
    // A locked value was checked where it came from: a card's number by its card type's rules, a personal
    // code by its signature, staff-confirmed details by their document's rules (a passport number in the
    // ID number field is not a resident ID number, and the resident cannot change it here anyway).
    if (field.locked)
        return QString();
    return FieldValidator::check(field.spec, field.value, m_language);
}

void FormController::revalidate(Field &field)
{
    const QString problem = problemOf(field);
    // Required-but-empty is only shown once the resident touched the field or tried to go on.
    field.error = (field.touched || !field.value.isEmpty()) ? problem : QString();
}

void FormController::setValue(const QString &fieldId, const QString &value)
{
    const int row = indexOf(fieldId);
    if (row < 0) {
        qWarning("form: no field '%s' in service '%s'", qPrintable(fieldId), qPrintable(m_serviceId));
        return;
    }
    Field &field = m_fields[row];
    if (field.locked || field.value == value)
        return;
    field.value = value;
    field.touched = true;
    revalidate(field);
    emit dataChanged(index(row), index(row));
    const bool valid = isValid();
    if (valid != m_lastValid) {
        m_lastValid = valid;
        emit validityChanged();
    }
}

QString FormController::value(const QString &fieldId) const
{
    const int row = indexOf(fieldId);
    return row < 0 ? QString() : m_fields.at(row).value;
}

QString FormController::error(const QString &fieldId) const
{
    const int row = indexOf(fieldId);
    return row < 0 ? QString() : m_fields.at(row).error;
}

bool FormController::validateAll()
{
    for (Field &f : m_fields) {
        f.touched = true;
        revalidate(f);
    }
    if (!m_fields.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1), {ErrorRole});
    return isValid();
}

bool FormController::isValid() const
{
    if (m_fields.isEmpty())
        return false;
    for (const Field &f : m_fields)
        if (!problemOf(f).isEmpty())
            return false;
    return true;
}

QStringList FormController::invalidFieldIds() const
{
    QStringList ids;
    for (const Field &f : m_fields)
        if (!problemOf(f).isEmpty())
            ids << f.spec.id;
    return ids;
}

QJsonObject FormController::values() const
{
    QJsonObject out;
    for (const Field &f : m_fields)
        out.insert(f.spec.id, FieldValidator::normalized(f.spec, f.value));
    return out;
}

QString FormController::choiceLabel(const Field &field) const
{
    for (const auto &choice : field.spec.choices)
        if (choice.first == field.value)
            return choice.second.in(m_language);
    return field.value;
}

QString FormController::displayValue(const Field &field) const
{
    if (field.spec.type == QLatin1String("choice"))
        return choiceLabel(field);
    if (field.locked && field.spec.type == QLatin1String("id_number"))
        return IdNumber::mask(field.value);
    if (field.locked && field.spec.personal && field.spec.prefill == QLatin1String("card.name"))
        return IdNumber::maskName(field.value);
    return field.value;
}

QVariantList FormController::reviewRows() const
{
    QVariantList rows;
    for (const Field &f : m_fields) {
        rows.append(QVariantMap{{QStringLiteral("fieldId"), f.spec.id},
                                {QStringLiteral("label"), f.spec.label.in(m_language)},
                                {QStringLiteral("value"), f.spec.type == QLatin1String("choice") ? choiceLabel(f) : f.value}});
    }
    return rows;
}

QVariant FormController::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Field &f = m_fields.at(index.row());
    switch (role) {
    case FieldIdRole:
        return f.spec.id;
    case LabelRole:
        return f.spec.label.in(m_language);
    case TypeRole:
        return f.spec.type;
    case RequiredRole:
        return f.spec.required;
    case ValueRole:
        return f.locked ? displayValue(f) : f.value; // a locked personal value never reaches QML in full
    case DisplayValueRole:
        return displayValue(f);
    case LockedRole:
        return f.locked;
    case ErrorRole:
        return f.error;
    case ChoicesRole: {
        QVariantList choices;
        for (const auto &c : f.spec.choices)
            choices.append(QVariantMap{{QStringLiteral("value"), c.first}, {QStringLiteral("label"), c.second.in(m_language)}});
        return choices;
    }
    }
    return {};
}

QHash<int, QByteArray> FormController::roleNames() const
{
    return {{FieldIdRole, "fieldId"},   {LabelRole, "label"},   {TypeRole, "type"},
            {RequiredRole, "required"}, {ValueRole, "value"},   {DisplayValueRole, "displayValue"},
            {LockedRole, "locked"},     {ErrorRole, "error"},   {ChoicesRole, "choices"}};
}
