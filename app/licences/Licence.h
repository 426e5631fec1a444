#pragma once

#include "LocalizedText.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// One e-licence (电子证照) the platform holds for a resident, as POST /api/v1/residents/licences answers it
// (docs/platform-api.md, "E-licences"). number_masked is masked by the platform: the kiosk never sees the
// full licence number.
struct Licence
{
    enum class Status { Valid, Expired, Revoked };

    QString licenceId;    // the platform's id, what a case references
    QString type;         // a type of ConfigVocabulary::eLicenceTypes()
    LocalizedText name;   // "不动产权证书" / "Property certificate"
    QString issuer;       // "上海市不动产登记局"
    QString numberMasked; // "沪(2019)徐汇区不动产权第****321号"
    QDate validUntil;     // invalid: no end date
    Status status = Status::Valid;

    bool isSelectable() const { return status == Status::Valid; }
    static QString statusCode(Status status); // "valid" | "expired" | "revoked"
};

// The answer's "licences" array, every entry checked: a licence_id of 1..64 of [A-Za-z0-9._-], a type the
// kiosk asked for, a name in both languages, a known status, valid_until a date or null. Anything else is
// garbage: nullopt-like (false) with the reason in *error (for the log; never personal data).
bool parseLicences(const QJsonObject &answer, const QStringList &askedTypes, QList<Licence> *out, QString *error);
