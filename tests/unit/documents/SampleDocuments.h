#pragma once

#include "DocumentContent.h"

// The documents the tests print: a residence-permit case of a sample resident. The full ID number is
// kFullIdNumber; the documents get only its masked form, and the tests check the full one never appears.
namespace SampleDocuments {
inline const QString kFullIdNumber = QStringLiteral("11010519491231002X");
inline const QString kFullName = QStringLiteral("张三丰");
inline const QString kCaseNumber = QStringLiteral("SH-XH-20261127-0042");
inline const QString kServiceName = QStringLiteral("居住证申领");

// formRows: how many extra form rows (to make the summary run over several pages).
ApplicationSummaryContent summary(const QString &language = QStringLiteral("zh_CN"), int formRows = 0);
CertificateContent certificate(const QString &language = QStringLiteral("zh_CN"));
} // namespace SampleDocuments
