#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

// A certificate as the platform issued it (the 201/200 answer of POST /api/v1/certificates/{type},
// docs/platform-api.md): its number, the document's values as the platform holds them, the dates and
// the verification code and URL the paper carries as QR. Personal (the values): kept only until the
// journey's reset(). Pure; thread: any.
struct IssuedCertificate
{
    QString documentId;
    QString type;
    QString certificateNumber;
    QMap<QString, QString> values; // {placeholder} -> text, e.g. name, id_number, address, since
    QDateTime issuedAt;
    QDate validUntil;
    QString verificationCode;
    QString verificationUrl;

    // The certificate in an answer, checked: every field present and of its kind, the type the one asked
    // for, an https verification URL. No value and *problem ("garbage: no certificate_number") otherwise.
    static std::optional<IssuedCertificate> fromAnswer(const QJsonObject &body, const QString &expectedType,
                                                       QString *problem);
};
