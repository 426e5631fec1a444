#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// The platform's checks on request bodies (docs/platform-api.md, "Bodies"). Each returns an empty string
// when the body is acceptable, otherwise "<field>: <what is wrong>" for the 400 answer's detail.
// Values are never echoed back (they may be personal data); only field names are.

// 1..128 characters from [A-Za-z0-9._~-] (URL-unreserved, so ids never need escaping).
bool isValidCaseId(const QString &caseId);
// An ISO 8601 date-time with "Z" or a numeric offset (local times without zone are ambiguous).
bool isZonedTimestamp(const QString &text);

// A case's attachment, decoded and checked (size and SHA-256 match the bytes).
struct CaseAttachment
{
    int sequence = 0;
    QString kind;     // "page" | "photo" | "pdf"
    QString name;
    QString mimeType; // "image/jpeg" | "image/png" | "application/pdf"
    QByteArray data;
    QString sha256;
};

constexpr int maxAttachmentsPerCase = 20;
constexpr qsizetype maxAttachmentBytes = 4 * 1024 * 1024; // decoded

// Fills *attachments (when given) with the decoded attachments of an acceptable body.
QString validateCaseBody(const QJsonObject &body, QList<CaseAttachment> *attachments = nullptr);
QString validateRatingBody(const QJsonObject &body);
// An attachment declaration (docs/platform-api.md, "Attachment uploads"):
// {"case_id", "sequence", "kind", "name", "mime_type", "size", "sha256"}; `sequence` must equal the path's.
// Fills *out (without data) and *size.
QString validateAttachmentDeclaration(const QJsonObject &body, int sequence, CaseAttachment *out, qint64 *size);
