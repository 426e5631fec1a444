#include "UploadOutcome.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

constexpr int maxServerTextChars = 300;
constexpr qint64 maxRetryAfterMs = 3600 * 1000;

QString capped(QString text)
{
    text = text.simplified();
    if (text.size() > maxServerTextChars)
        text = text.left(maxServerTextChars) + QStringLiteral("...");
    return text;
}

// {"error": "...", "detail": "..."} -> "error: detail"; anything else -> empty.
QString errorText(const QByteArray &body, QString *code)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return {};
    const QJsonObject o = document.object();
    *code = capped(o.value(QStringLiteral("error")).toString());
    const QString detail = capped(o.value(QStringLiteral("detail")).toString());
    if (code->isEmpty())
        return detail;
    return detail.isEmpty() ? *code : *code + QStringLiteral(": ") + detail;
}

std::optional<qint64> parseRetryAfter(const QByteArray &value)
{
    bool ok = false;
    const qint64 seconds = value.trimmed().toLongLong(&ok);
    if (!ok || seconds < 0)
        return std::nullopt; // an HTTP-date is ignored: the backoff still applies
    return std::min(seconds * 1000, maxRetryAfterMs);
}

} // namespace

UploadOutcome classifyUpload(const UploadResult &result, const QString &expectedCaseId)
{
    UploadOutcome out;
    if (!result.httpStatus) {
        out.kind = UploadOutcome::Kind::Retry;
        out.reason = result.timedOut
                ? QStringLiteral("timeout: no answer within %1 ms").arg(result.timeoutMs)
                : QStringLiteral("network: %1").arg(result.transportError);
        out.logSummary = result.timedOut ? QStringLiteral("timeout") : QStringLiteral("network error");
        return out;
    }
    const int status = *result.httpStatus;
    out.logSummary = QStringLiteral("HTTP %1").arg(status);

    if (status == 200 || status == 201) {
        const QJsonDocument document = QJsonDocument::fromJson(result.body);
        const QJsonValue caseId = document.object().value(QStringLiteral("case_id"));
        if (document.isObject() && caseId.isString() && caseId.toString() == expectedCaseId) {
            out.kind = UploadOutcome::Kind::Synced;
            return out;
        }
        out.kind = UploadOutcome::Kind::Retry;
        out.reason = QStringLiteral("HTTP %1: the answer is not a platform receipt for this case").arg(status);
        out.logSummary += QStringLiteral(" (not a receipt)");
        return out;
    }

    QString code;
    const QString text = errorText(result.body, &code);
    out.reason = QStringLiteral("HTTP %1: %2").arg(status).arg(text.isEmpty() ? QStringLiteral("(no error body)") : text);
    if (!code.isEmpty())
        out.logSummary += QStringLiteral(" ") + code;

    const bool permanent = status >= 400 && status < 500 && status != 408 && status != 429;
    out.kind = permanent ? UploadOutcome::Kind::Rejected : UploadOutcome::Kind::Retry;
    if (status == 429 || status == 503)
        out.retryAfterMs = parseRetryAfter(result.retryAfter);
    return out;
}
