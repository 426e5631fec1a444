#pragma once

#include "DocumentContent.h"

#include <QByteArray>

// The A4 application summary of a case: title, centre, service, case number, date and time, the applicant
// (masked name and ID), the form as label/value rows, the materials list, and a QR code to follow the case.
// Labels are in content.language ("zh_CN" or "en"). Thread: any thread once a QGuiApplication exists.
namespace ApplicationSummaryDocument {
// The PDF's bytes (in memory); empty and *error set ("application summary: ...") on failure.
QByteArray render(const ApplicationSummaryContent &content, QString *error = nullptr);
// The PDF's title: carries no personal data.
QString title(const ApplicationSummaryContent &content);
} // namespace ApplicationSummaryDocument
