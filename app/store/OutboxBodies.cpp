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
    return attachment.mimeType == QLatin1String("application/pdf") ? QStringLiteral("pdf")
                                                                   : QStringLiteral("page");
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
    QJsonObject body{
        {QStringLiteral("case_id"), submission.id},
        {QStringLiteral("case_number"), submission.caseNumber},
        {QStringLiteral("service_id"), submission.serviceId},
        {QStringLiteral("center_id"), submission.centerId},
        {QStringLiteral("submitted_at"), storedTime(submission.submittedAt)},
        {QStringLiteral("language"), submission.language},
        {QStringLiteral("form"), submission.form},
        {QStringLiteral("attachments"), attachmentList},
    };
    if (!submission.identityMethod.isEmpty())
        body.insert(QStringLiteral("identity_method"), submission.identityMethod);
    if (!submission.licenceIds.isEmpty()) {
        body.insert(QStringLiteral("licences"), QJsonArray::fromStringList(submission.licenceIds));
        body.insert(QStringLiteral("licence_holder"),
                    QJsonObject{{QStringLiteral("id_type"), submission.licenceHolderIdType},
                                {QStringLiteral("id_number"), submission.licenceHolderIdNumber}});
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray caseSubmissionBody(const CaseSubmission &submission)
{
    return caseOutboxBody(submission, {});
}

QByteArray attachmentOutboxBody(const QString &caseId, int sequence, const StoredAttachment &attachment)
{
    const QJsonObject body{
        {QStringLiteral("case_id"), caseId},
        {QStringLiteral("sequence"), sequence},
        {QStringLiteral("kind"), attachmentKind(attachment)},
        {QStringLiteral("name"), attachment.name},
        {QStringLiteral("mime_type"), attachment.mimeType},
        {QStringLiteral("size"), qint64(attachment.data.size())},
        {QStringLiteral("sha256"), attachmentSha256(attachment.data)},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray ratingOutboxBody(const QString &caseId, int level, const QStringList &indicators, const QString &comment,
                            const QDateTime &ratedAt)
{
    QJsonObject body{
        {QStringLiteral("case_id"), caseId},
        {QStringLiteral("level"), level},
        {QStringLiteral("comment"), comment},
        {QStringLiteral("rated_at"), storedTime(ratedAt)},
    };
    // Only when there are some: the body of a rating without indicators stays what it was before version 7
    // (a rating recovered from an older store is the same request again).
    if (!indicators.isEmpty())
        body.insert(QStringLiteral("indicators"), QJsonArray::fromStringList(indicators));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

static bool hasSequencedAttachments(const QJsonObject &body)
{
    for (const QJsonValue &entry : body.value(QStringLiteral("attachments")).toArray()) {
        if (entry.toObject().contains(QStringLiteral("sequence")))
            return true;
    }
    return false;
}

QByteArray stripAttachmentData(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    QJsonObject object = document.object();
    if (!hasSequencedAttachments(object))
        return body;
    QJsonArray entries = object.value(QStringLiteral("attachments")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QJsonObject entry = entries.at(i).toObject();
        entry.remove(QStringLiteral("data"));
        entries.replace(i, entry);
    }
    object.insert(QStringLiteral("attachments"), entries);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<QByteArray> assembleCaseBody(const QByteArray &storedBody,
                                           const QVector<AttachmentRecord> &attachments, QString *error)
{
    QJsonObject object = QJsonDocument::fromJson(storedBody).object();
    if (!hasSequencedAttachments(object))
        return storedBody;
    QJsonArray entries = object.value(QStringLiteral("attachments")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QJsonObject entry = entries.at(i).toObject();
        if (entry.contains(QStringLiteral("data")))
            continue;
        const int sequence = entry.value(QStringLiteral("sequence")).toInt();
        const AttachmentRecord *record = nullptr;
        for (const AttachmentRecord &candidate : attachments) {
            if (candidate.sequence == sequence)
                record = &candidate;
        }
        if (!record) {
            if (error)
                *error = QStringLiteral("attachment %1 of the body is not in the store").arg(sequence);
            return std::nullopt;
        }
        if (attachmentSha256(record->data) != entry.value(QStringLiteral("sha256")).toString()) {
            if (error)
                *error = QStringLiteral("attachment %1: the stored bytes do not match the body's sha256")
                             .arg(sequence);
            return std::nullopt;
        }
        entry.insert(QStringLiteral("data"), QString::fromLatin1(record->data.toBase64()));
        entries.replace(i, entry);
    }
    object.insert(QStringLiteral("attachments"), entries);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
