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

QString attachmentKind(const StoredAttachment &attachment)
{
    if (!attachment.kind.isEmpty())
        return attachment.kind;
    return attachment.mimeType == QLatin1String("application/pdf") ? QStringLiteral("pdf") : QStringLiteral("page");
}

QString attachmentSha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QByteArray caseOutboxBody(const CaseSubmission &submission, const QVector<StoredAttachment> &attachments)
{
    QJsonArray attachmentList;
    for (int i = 0; i < attachments.size(); ++i) {
        const StoredAttachment &attachment = attachments[i];
        attachmentList.append(QJsonObject{
            {QStringLiteral("sequence"), i + 1},
            {QStringLiteral("kind"), attachmentKind(attachment)},
            {QStringLiteral("name"), attachment.name},
            {QStringLiteral("mime_type"), attachment.mimeType},
            {QStringLiteral("size"), qint64(attachment.data.size())},
            {QStringLiteral("sha256"), attachmentSha256(attachment.data)},
            {QStringLiteral("data"), QString::fromLatin1(attachment.data.toBase64())},
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
