#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

class FieldCipher;

// The blind index of a case's applicant (store schema 8, docs/store.md "Progress lookup"): the keyed hash
// of the applicant's ID number (FieldCipher::blindIndex), kept in cases.applicant_index so that a resident's
// card finds their cases offline without the store keeping the number in the clear. The applicant's number
// is the form's `id_number` field (every catalog service has it, prefilled from the card).
// Thread: any.
namespace ApplicantIndex {

// The form's applicant ID number, normalized (trimmed, upper-case); empty when the form has none.
QString idNumberOf(const QJsonObject &form);
// The index of a normalized number; empty for an empty number.
QByteArray of(const FieldCipher &cipher, const QString &idNumber);

} // namespace ApplicantIndex
