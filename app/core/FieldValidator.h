#pragma once

#include "Catalog.h"

#include <QCoreApplication>
#include <QString>

// Checks one form value against its field spec. Returns the message for the resident (translated into the
// current UI language), or an empty string when the value is acceptable. Pure: no state.
class FieldValidator
{
    Q_DECLARE_TR_FUNCTIONS(FieldValidator)
public:
    static QString check(const FormFieldSpec &field, const QString &value, const QString &language);
    // The canonical form stored for a value (trimmed; ID numbers with an upper-case X).
    static QString normalized(const FormFieldSpec &field, const QString &value);

private:
    static QString numberProblem(const FormFieldSpec &field, const QString &value);
};
