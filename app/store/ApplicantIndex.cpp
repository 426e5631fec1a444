#include "ApplicantIndex.h"

#include "FieldCipher.h"

namespace ApplicantIndex {

static constexpr quint64 kPurposeApplicantIdNumber = 1;

QString idNumberOf(const QJsonObject &form)
{
    return form.value(QStringLiteral("id_number")).toString().trimmed().toUpper();
}

QByteArray of(const FieldCipher &cipher, const QString &idNumber)
{
    const QString normalized = idNumber.trimmed().toUpper();
    if (normalized.isEmpty())
        return {};
    return cipher.blindIndex(kPurposeApplicantIdNumber, normalized.toUtf8());
}

} // namespace ApplicantIndex
