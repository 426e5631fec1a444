#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// What one PUT to the platform ended in, decided from the transport result alone (pure, no I/O), per
// docs/platform-api.md "Client behaviour":
//   Synced   200/201 with a JSON object whose "case_id" is the item's case id
//   Rejected 4xx other than 408/429: a permanent refusal; kept for staff, the queue goes on
//   Retry    no HTTP answer (network error, timeout), 5xx, 408, 429, any other status, or a 2xx whose
//            body is not the platform's receipt ("garbage")
struct UploadOutcome
{
    enum class Kind { Synced, Rejected, Retry };
    Kind kind = Kind::Retry;
    // For Rejected/Retry: "HTTP 422: conflict: <detail>", "network: <Qt error>", "timeout: ...".
    // Server texts are capped; the body itself is never included.
    QString reason;
    // For logs: the status and the error code only, never server-provided detail.
    QString logSummary;
    // Retry-After (delta-seconds) of a 429/503, in ms, capped at one hour; empty if none.
    std::optional<qint64> retryAfterMs;
};

struct UploadResult
{
    std::optional<int> httpStatus; // empty: no HTTP answer
    QString transportError;        // Qt's error text when there was no HTTP answer
    bool timedOut = false;
    int timeoutMs = 0;
    QByteArray body;
    QByteArray retryAfter;         // the Retry-After header, raw
};

UploadOutcome classifyUpload(const UploadResult &result, const QString &expectedCaseId);
