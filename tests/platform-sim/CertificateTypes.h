#pragma once

#include <QDate>
#include <QJsonObject>
#include <QMap>
#include <QString>

// The certificates the simulated platform issues (docs/platform-api.md, "Certificates"), each with its
// rule of eligibility and the values its document is filled with, taken from the resident's record.
//   residence  居住证明: the record's address and since; eligible after six months at the address
//   household  户籍证明: the record's registered_address (户籍地址), household_head and relationship;
//              eligible only for residents whose household is registered here
// Pure; thread: any.
struct CertificateType
{
    QString type;      // "residence"
    QString prefix;    // of the certificate number: "JZ" -> "JZ-20261204-000001"
    int validDays = 0; // valid_until = issued day + validDays

    // Whether the record allows the certificate on `today`; empty = eligible, else the reason
    // ("lived at the address for less than six months").
    QString refusal(const QJsonObject &record, const QDate &today) const;
    // The document's values (name, id_number, ...), as the platform holds them.
    QMap<QString, QString> values(const QJsonObject &record, const QString &idNumber) const;

    static const CertificateType *find(const QString &type);
    // A resident record as the test hook takes it: id_type, id_number, name and optional address, since
    // (YYYY-MM-DD), registered_address, household_head, relationship. Empty = valid, else what is wrong.
    static QString checkRecord(const QJsonObject &record);
};
