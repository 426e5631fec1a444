#include "OutboxBodies.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QString storedTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseStoredTime(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QByteArray caseOutboxBody(const CaseSubmission &submission, const QVector<StoredAttachment> &attachments)
{
    QJsonArray attachmentList;
    for (const StoredAttachment &attachment : attachments) {
        attachmentList.append(QJsonObject{
            {QStringLiteral("name"), attachment.name},
            {QStringLiteral("mime_type"), attachment.mimeType},
            {QStringLiteral("size"), qint64(attachment.data.size())},
            {QStringLiteral("sha256"),
             QString::fromLatin1(
                 QCryptographicHash::hash(attachment.data, QCryptographicHash::Sha256).toHex())},
        });
    }
    const QJsonObject body{
        {QStringLiteral("case_id"), submission.id},
        {QStringLiteral("case_number"), submission.caseNumber},
        {QStringLiteral("service_id"), submission.serviceId},
        {QStringLiteral("center_id"), submission.centerId},
        {QStringLiteral("submitted_at"), storedTime(submission.submittedAt)},
        {QStringLiteral("language"), submission.language},
        {QStringLiteral("form"), submission.form},
        {QStringLiteral("attachments"), attachmentList},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray ratingOutboxBody(const QString &caseId, int level, const QString &comment,
                            const QDateTime &ratedAt)
{
    const QJsonObject body{
        {QStringLiteral("case_id"), caseId},
        {QStringLiteral("level"), level},
        {QStringLiteral("comment"), comment},
        {QStringLiteral("rated_at"), storedTime(ratedAt)},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}
