#pragma once

#include <QDate>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

// What the A4 documents say, as plain values (no GUI controller, no catalog object). Personal values arrive
// here already masked where the document shows them masked (IdNumber::mask / maskName): the document code
// prints what it is given and never sees the full ID number of an application summary.

// One "label: value" line of the form, in the resident's language.
struct DocumentField
{
    QString label;
    QString value;
};

// The application summary of a case (A4): what was applied for, by whom (masked), the form and the
// materials, and a QR code to follow the case.
struct ApplicationSummaryContent
{
    QString language = QStringLiteral("zh_CN"); // "zh_CN" or "en": the labels' language
    QString centerName;
    QString serviceName;
    QString serviceCode; // the catalog code; may be empty
    QString caseNumber;
    QDateTime submittedAt; // printed in local time
    QString maskedName;
    QString maskedIdNumber;
    QVector<DocumentField> formFields; // personal fields already masked by the caller
    QStringList materials;             // the materials list of the service's guide
    QString trackingUrl;               // the QR code's content; no QR when empty
};

// A certificate filled from a template (CertificateTemplate): {placeholder} -> value.
struct CertificateContent
{
    QString language = QStringLiteral("zh_CN");
    QString issuingCenter;
    QDate issuedOn;
    QString referenceNumber; // e.g. the case number; printed under the title when set
    QMap<QString, QString> values;
    // A certificate the platform issued (app/journeys/certificate): the verification QR (its content is
    // verificationUrl; none when empty), the code printed under it, and the last day it is valid.
    QString verificationUrl;
    QString verificationCode;
    QDate validUntil; // not printed when invalid
};
