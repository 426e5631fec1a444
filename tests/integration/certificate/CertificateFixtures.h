#pragma once

#include "IdCardData.h"
#include "Journey.h"

#include <QByteArray>
#include <QImage>
#include <QJsonObject>
#include <QString>

// What the certificate tests share: the residents the platform holds a record of (seeded with the test
// hook POST /test/resident-record), the catalog with the shipped certificate services, the QR read back
// from a printed page (pdftoppm + ZXing), and the platform's verify endpoint.
namespace CertificateFixtures {
// 王秀英: at her address since 2008, household registered there: both certificates.
inline const QString kEligibleId = QStringLiteral("310104194803120025");
inline const QString kEligibleName = QStringLiteral("王秀英");
inline const QString kEligibleAddress = QStringLiteral("上海市徐汇区田林路200弄18号302室");
// 李建国: moved in two months ago, household registered elsewhere: neither (409 not_eligible).
inline const QString kNewcomerId = QStringLiteral("310110197604203013");
// 陈思雨: the platform holds no record (404 no_record).
inline const QString kUnknownId = QStringLiteral("310105199203050042");

// Seeds the two records above; false and *error on failure.
bool seedResidents(quint16 platformPort, QString *error);
// Another resident eligible for both certificates (at 王秀英's address since 2008); false and *error on failure.
bool seedEligible(quint16 platformPort, const QString &idNumber, const QString &name, QString *error);
// A resident identified by card (method "card").
JourneyResident resident(const QString &idNumber, const QString &name,
                         const QString &method = QStringLiteral("card"));
// GET /api/v1/certificates/verify/{code}: the status and the answer.
QJsonObject verify(quint16 platformPort, const QString &code, int *status);
// The first page of a PDF at 150 dpi (pdftoppm); null image and *error on failure.
QImage firstPage(const QByteArray &pdf, QString *error);
// The QR codes' texts ZXing reads in an image.
QStringList qrTexts(const QImage &image);
} // namespace CertificateFixtures
