#pragma once

#include <QJsonObject>
#include <QString>

// The platform's checks on request bodies (docs/platform-api.md, "Bodies"). Each returns an empty string
// when the body is acceptable, otherwise "<field>: <what is wrong>" for the 400 answer's detail.
// Values are never echoed back (they may be personal data); only field names are.

// 1..128 characters from [A-Za-z0-9._~-] (URL-unreserved, so ids never need escaping).
bool isValidCaseId(const QString &caseId);
// An ISO 8601 date-time with "Z" or a numeric offset (local times without zone are ambiguous).
bool isZonedTimestamp(const QString &text);

QString validateCaseBody(const QJsonObject &body);
QString validateRatingBody(const QJsonObject &body);
