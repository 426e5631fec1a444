#include "PayloadValidation.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>

bool isValidCaseId(const QString &caseId)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._~-]{1,128}$"));
    return pattern.match(caseId).hasMatch();
}

bool isZonedTimestamp(const QString &text)
{
    static const QRegularExpression zone(QStringLiteral("(Z|[+-]\\d\\d:\\d\\d)$"));
    if (!zone.match(text).hasMatch())
        return false;
    return QDateTime::fromString(text, Qt::ISODateWithMs).isValid();
}

static QString requireString(const QJsonObject &body, const QString &key, bool allowEmpty = false)
{
    const QJsonValue v = body.value(key);
    if (v.isUndefined())
        return key + QStringLiteral(": missing");
    if (!v.isString())
        return key + QStringLiteral(": not a string");
    if (!allowEmpty && v.toString().isEmpty())
        return key + QStringLiteral(": empty");
    return {};
}

static QString requireTimestamp(const QJsonObject &body, const QString &key)
{
    QString problem = requireString(body, key);
    if (problem.isEmpty() && !isZonedTimestamp(body.value(key).toString()))
        problem = key + QStringLiteral(": not an ISO 8601 date-time with Z or an offset");
    return problem;
}

static QString validateAttachment(const QJsonObject &a, int index, CaseAttachment *out)
{
    const QString at = QStringLiteral("attachments[%1].").arg(index);
    for (const char *key : {"kind", "name", "mime_type", "sha256"}) {
        const QString problem = requireString(a, QString::fromLatin1(key));
        if (!problem.isEmpty())
            return at + problem;
    }
    if (QString problem = requireString(a, QStringLiteral("data"), true); !problem.isEmpty())
        return at + problem;
    const double sequence = a.value(QStringLiteral("sequence")).toDouble(-1);
    if (sequence != index + 1)
        return at + QStringLiteral("sequence: not %1 (attachments are numbered 1, 2, ... in order)").arg(index + 1);
    out->sequence = index + 1;
    out->kind = a.value(QStringLiteral("kind")).toString();
    if (out->kind != QLatin1String("page") && out->kind != QLatin1String("photo") && out->kind != QLatin1String("pdf"))
        return at + QStringLiteral("kind: not page, photo or pdf");
    out->mimeType = a.value(QStringLiteral("mime_type")).toString();
    if (out->mimeType != QLatin1String("image/jpeg") && out->mimeType != QLatin1String("image/png") &&
        out->mimeType != QLatin1String("application/pdf"))
        return at + QStringLiteral("mime_type: not image/jpeg, image/png or application/pdf");
    out->name = a.value(QStringLiteral("name")).toString();
    const QByteArray base64 = a.value(QStringLiteral("data")).toString().toLatin1();
    if (base64.size() > (maxAttachmentBytes / 3 + 1) * 4)
        return at + QStringLiteral("data: more than %1 bytes").arg(maxAttachmentBytes);
    const auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return at + QStringLiteral("data: not base64");
    out->data = *decoded;
    if (out->data.size() > maxAttachmentBytes)
        return at + QStringLiteral("data: more than %1 bytes").arg(maxAttachmentBytes);
    const QJsonValue size = a.value(QStringLiteral("size"));
    if (!size.isDouble() || size.toDouble() != double(out->data.size()))
        return at + QStringLiteral("size: not the number of bytes in data");
    out->sha256 = QString::fromLatin1(QCryptographicHash::hash(out->data, QCryptographicHash::Sha256).toHex());
    if (a.value(QStringLiteral("sha256")).toString() != out->sha256)
        return at + QStringLiteral("sha256: does not match the bytes in data");
    return {};
}

QString validateCaseBody(const QJsonObject &body, QList<CaseAttachment> *attachmentsOut)
{
    for (const char *key : {"case_id", "case_number", "service_id", "center_id", "language"}) {
        const QString problem = requireString(body, QString::fromLatin1(key));
        if (!problem.isEmpty())
            return problem;
    }
    if (QString problem = requireTimestamp(body, QStringLiteral("submitted_at")); !problem.isEmpty())
        return problem;
    if (!body.value(QStringLiteral("form")).isObject())
        return QStringLiteral("form: missing or not an object");
    // Optional: how the kiosk identified the resident (docs/platform-api.md).
    if (const QJsonValue method = body.value(QStringLiteral("identity_method")); !method.isUndefined()) {
        static const QStringList methods{QStringLiteral("card"), QStringLiteral("personal_code"),
                                         QStringLiteral("staff_confirmed")};
        if (!method.isString() || !methods.contains(method.toString()))
            return QStringLiteral("identity_method: not card, personal_code or staff_confirmed");
    }
    // Optional: the e-licences the case references instead of paper, and whose they are (docs/platform-api.md).
    if (const QJsonValue licences = body.value(QStringLiteral("licences")); !licences.isUndefined()) {
        static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
        if (!licences.isArray() || licences.toArray().isEmpty() || licences.toArray().size() > 20)
            return QStringLiteral("licences: an array of 1 to 20 licence ids");
        QStringList seen;
        for (qsizetype i = 0; i < licences.toArray().size(); ++i) {
            const QString id = licences.toArray().at(i).toString();
            if (!idPattern.match(id).hasMatch())
                return QStringLiteral("licences[%1]: not a licence id").arg(i);
            if (seen.contains(id))
                return QStringLiteral("licences[%1]: listed twice").arg(i);
            seen.append(id);
        }
        if (!body.value(QStringLiteral("licence_holder")).isObject())
            return QStringLiteral("licence_holder: missing or not an object (required with licences)");
    } else if (body.contains(QStringLiteral("licence_holder"))) {
        return QStringLiteral("licence_holder: only with licences");
    }
    const QJsonValue attachments = body.value(QStringLiteral("attachments"));
    if (!attachments.isArray())
        return QStringLiteral("attachments: missing or not an array");
    const QJsonArray list = attachments.toArray();
    if (list.size() > maxAttachmentsPerCase)
        return QStringLiteral("attachments: more than %1").arg(maxAttachmentsPerCase);
    QList<CaseAttachment> decoded;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject())
            return QStringLiteral("attachments[%1]: not an object").arg(i);
        CaseAttachment attachment;
        if (QString problem = validateAttachment(list.at(i).toObject(), int(i), &attachment); !problem.isEmpty())
            return problem;
        decoded.append(attachment);
    }
    if (attachmentsOut)
        *attachmentsOut = decoded;
    return {};
}

QString validateRatingBody(const QJsonObject &body)
{
    if (QString problem = requireString(body, QStringLiteral("case_id")); !problem.isEmpty())
        return problem;
    const QJsonValue level = body.value(QStringLiteral("level"));
    if (level.isUndefined())
        return QStringLiteral("level: missing");
    const double number = level.toDouble(-1);
    if (!level.isDouble() || number < 1 || number > 5 || number != std::floor(number))
        return QStringLiteral("level: not an integer from 1 to 5");
    if (QString problem = requireString(body, QStringLiteral("comment"), true); !problem.isEmpty())
        return problem;
    if (body.value(QStringLiteral("comment")).toString().size() > 500)
        return QStringLiteral("comment: longer than 500 characters");
    // GB/T 39734: what a poor rating says was wrong (docs/platform-api.md, the rating PUT).
    static const QStringList known{QStringLiteral("efficiency"), QStringLiteral("attitude"),
                                   QStringLiteral("materials"),  QStringLiteral("process"),
                                   QStringLiteral("guidance"),   QStringLiteral("facilities")};
    const QJsonValue indicators = body.value(QStringLiteral("indicators"));
    if (!indicators.isUndefined()) {
        if (!indicators.isArray())
            return QStringLiteral("indicators: not an array");
        QStringList seen;
        for (const QJsonValue &entry : indicators.toArray()) {
            if (!known.contains(entry.toString()))
                return QStringLiteral("indicators: unknown indicator");
            if (seen.contains(entry.toString()))
                return QStringLiteral("indicators: repeated indicator");
            seen.append(entry.toString());
        }
        if (!seen.isEmpty() && number > 3)
            return QStringLiteral("indicators: only a rating of 3 or less names indicators");
    }
    return requireTimestamp(body, QStringLiteral("rated_at"));
}

QString validateAttachmentDeclaration(const QJsonObject &body, int sequence, CaseAttachment *out, qint64 *size)
{
    for (const char *key : {"case_id", "kind", "name", "mime_type", "sha256"}) {
        const QString problem = requireString(body, QString::fromLatin1(key));
        if (!problem.isEmpty())
            return problem;
    }
    if (body.value(QStringLiteral("sequence")).toDouble(-1) != sequence)
        return QStringLiteral("sequence: missing or not the sequence in the path");
    out->sequence = sequence;
    out->kind = body.value(QStringLiteral("kind")).toString();
    if (out->kind != QLatin1String("page") && out->kind != QLatin1String("photo") && out->kind != QLatin1String("pdf"))
        return QStringLiteral("kind: not page, photo or pdf");
    out->mimeType = body.value(QStringLiteral("mime_type")).toString();
    if (out->mimeType != QLatin1String("image/jpeg") && out->mimeType != QLatin1String("image/png") &&
        out->mimeType != QLatin1String("application/pdf"))
        return QStringLiteral("mime_type: not image/jpeg, image/png or application/pdf");
    out->name = body.value(QStringLiteral("name")).toString();
    const QJsonValue declaredSize = body.value(QStringLiteral("size"));
    const double number = declaredSize.toDouble(-1);
    if (!declaredSize.isDouble() || number < 0 || number > double(maxAttachmentBytes) || number != std::floor(number))
        return QStringLiteral("size: not an integer from 0 to %1").arg(maxAttachmentBytes);
    *size = qint64(number);
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    out->sha256 = body.value(QStringLiteral("sha256")).toString();
    if (!hex.match(out->sha256).hasMatch())
        return QStringLiteral("sha256: not 64 lowercase hex digits");
    if (*size == 0 && out->sha256 != QString::fromLatin1(QCryptographicHash::hash({}, QCryptographicHash::Sha256).toHex()))
        return QStringLiteral("sha256: not the SHA-256 of zero bytes");
    return {};
}
