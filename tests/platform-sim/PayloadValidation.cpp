#include "PayloadValidation.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

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

QString validateCaseBody(const QJsonObject &body)
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
    const QJsonValue attachments = body.value(QStringLiteral("attachments"));
    if (!attachments.isArray())
        return QStringLiteral("attachments: missing or not an array");
    const QJsonArray list = attachments.toArray();
    for (qsizetype i = 0; i < list.size(); ++i)
        if (!list.at(i).isObject())
            return QStringLiteral("attachments[%1]: not an object").arg(i);
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
    return requireTimestamp(body, QStringLiteral("rated_at"));
}
