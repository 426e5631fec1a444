#include "UploadOutcome.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

constexpr int maxServerTextChars = 300;

QString capped(QString text)
{
    text = text.simplified();
    if (text.size() > maxServerTextChars)
        text = text.left(maxServerTextChars) + QStringLiteral("...");
    return text;
}

// The platform's error body {"error": "<code>", "detail": "..."}: true and the texts; anything else
// (HTML, text, JSON without a string "error") -> false.
bool platformError(const QByteArray &body, QString *code, QString *text)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return false;
    const QJsonObject o = document.object();
    const QJsonValue error = o.value(QStringLiteral("error"));
    if (!error.isString() || error.toString().trimmed().isEmpty())
        return false;
    *code = capped(error.toString());
    const QString detail = capped(o.value(QStringLiteral("detail")).toString());
    *text = detail.isEmpty() ? *code : *code + QStringLiteral(": ") + detail;
    return true;
}

std::optional<qint64> parseRetryAfter(const QByteArray &value, qint64 maxMs)
{
    bool ok = false;
    const qint64 seconds = value.trimmed().toLongLong(&ok);
    if (!ok || seconds < 0)
        return std::nullopt; // an HTTP-date is ignored: the backoff still applies
    return std::min(std::min<qint64>(seconds, 1000000) * 1000, maxMs);
}

UploadOutcome::Cause causeOfStatus(int status, bool isPlatformError)
{
    using C = UploadOutcome::Cause;
    if (status == 401 || status == 403)
        return C::Identity;
    if ((status >= 300 && status < 400) || status == 404 || status == 405)
        return C::Configuration;
    if (status == 407)
        return C::Proxy;
    if (status == 413)
        return C::TooLarge;
    if (status == 409)
        return C::Conflict;
    if (status >= 400 && status < 500 && status != 408 && status != 429 && !isPlatformError)
        return C::Proxy; // someone else's error page
    return C::Server;
}

} // namespace

QString causeName(UploadOutcome::Cause cause)
{
    using C = UploadOutcome::Cause;
    switch (cause) {
    case C::None:
        return {};
    case C::Network:
        return QStringLiteral("network");
    case C::Timeout:
        return QStringLiteral("timeout");
    case C::Identity:
        return QStringLiteral("identity");
    case C::Tls:
        return QStringLiteral("tls");
    case C::Configuration:
        return QStringLiteral("configuration");
    case C::Proxy:
        return QStringLiteral("proxy");
    case C::TooLarge:
        return QStringLiteral("too_large");
    case C::Conflict:
        return QStringLiteral("conflict");
    case C::Server:
        return QStringLiteral("server");
    case C::Garbage:
        return QStringLiteral("garbage");
    }
    return {};
}

UploadOutcome classifyUpload(const UploadResult &result, const QString &expectedCaseId,
                             qint64 maxRetryAfterMs)
{
    UploadOutcome out;
    out.kind = UploadOutcome::Kind::Retry;
    if (result.bodyTooLarge) {
        out.cause = UploadOutcome::Cause::Garbage;
        out.reason =
            QStringLiteral("%1answer larger than %2 bytes")
                .arg(result.httpStatus ? QStringLiteral("HTTP %1: ").arg(*result.httpStatus) : QString())
                .arg(result.bodyCapBytes);
        out.logSummary = QStringLiteral("oversized answer");
        return out;
    }
    if (!result.httpStatus) {
        if (result.timedOut) {
            out.cause = UploadOutcome::Cause::Timeout;
            out.reason = QStringLiteral("timeout: no answer within %1 ms").arg(result.timeoutMs);
            out.logSummary = QStringLiteral("timeout");
        } else if (result.closedDuringHandshake) {
            out.cause = UploadOutcome::Cause::Identity;
            out.reason =
                QStringLiteral(
                    "identity: the platform closed the connection during the TLS handshake without an answer "
                    "(is the kiosk's client certificate accepted?): %1")
                    .arg(result.transportError);
            out.logSummary = QStringLiteral("closed during TLS handshake");
        } else if (result.tlsError) {
            out.cause = UploadOutcome::Cause::Tls;
            out.reason = QStringLiteral("tls: %1").arg(result.transportError);
            out.logSummary = QStringLiteral("TLS error");
        } else {
            out.cause = UploadOutcome::Cause::Network;
            out.reason = QStringLiteral("network: %1").arg(result.transportError);
            out.logSummary = QStringLiteral("network error");
        }
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
        out.cause = UploadOutcome::Cause::Garbage;
        out.reason =
            QStringLiteral("HTTP %1: the answer is not a platform receipt for this case").arg(status);
        out.logSummary += QStringLiteral(" (not a receipt)");
        return out;
    }

    QString code, text;
    const bool isPlatformError = platformError(result.body, &code, &text);
    out.reason = QStringLiteral("HTTP %1: %2")
                     .arg(status)
                     .arg(isPlatformError ? text : QStringLiteral("(not the platform's error body)"));
    if (isPlatformError)
        out.logSummary += QStringLiteral(" ") + code;

    if ((status == 400 || status == 422) && isPlatformError) {
        out.kind = UploadOutcome::Kind::Rejected;
        return out;
    }
    out.cause = status >= 200 && status < 300 ? UploadOutcome::Cause::Garbage
                                              : causeOfStatus(status, isPlatformError);
    out.retryAfterMs = parseRetryAfter(result.retryAfter, maxRetryAfterMs);
    return out;
}
