#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// What one PUT to the platform ended in, decided from the transport result alone (pure, no I/O), per
// docs/platform-api.md "Client behaviour":
//   Synced   200/201 with a JSON object whose "case_id" is the item's case id
//   Rejected only 400 or 422 carrying the platform's JSON error body {"error": "<code>", ...}: the
//            platform itself looked at the item and refused it for good; it is parked for staff
//   Retry    everything else: no HTTP answer (network error, reset, timeout, deadline, TLS), 1xx, 3xx,
//            401, 403, 404, 405, 407, 408, 409, 413, 429 and any other 4xx, 5xx, a 400/422 without the
//            platform's error body (a proxy's HTML page), an oversized answer, or a 2xx whose body is not
//            the platform's receipt ("garbage")
// Every Retry names a cause (Cause) for the staff alert.
struct UploadOutcome
{
    enum class Kind { Synced, Rejected, Retry };
    // Why a Retry happened, for the staff alert (SyncClient::alertCause):
    enum class Cause {
        None,          // synced or rejected
        Network,       // no connection, connection refused or reset, DNS
        Timeout,       // no answer within the request deadline
        Identity,      // 401/403, or the TLS peer closed during the handshake (a refused client certificate)
        Tls,           // the platform's certificate is not trusted (pinned CA) or TLS failed otherwise
        Configuration, // 3xx, 404, 405: the platform URL is probably wrong
        Proxy,         // 407, or a 400/422/other error page that is not the platform's
        TooLarge,      // 413: the request is too large for the platform or a proxy
        Conflict,      // 409: the platform holds this case number or id for another kiosk/case
        Server,        // 5xx, 408, 429 and other statuses
        Garbage        // a 2xx that is not a receipt for this case, an oversized or unreadable answer
    };
    Kind kind = Kind::Retry;
    Cause cause = Cause::None;
    // For Rejected/Retry: "HTTP 422: conflict: <detail>", "network: <Qt error>", "timeout: ...".
    // Server texts are capped; the body itself is never included.
    QString reason;
    // For logs: the status and the error code only, never server-provided detail.
    QString logSummary;
    // Retry-After (delta-seconds) of any non-success answer, in ms, capped at maxRetryAfterMs; empty if none.
    std::optional<qint64> retryAfterMs;
};

struct UploadResult
{
    std::optional<int> httpStatus; // empty: no HTTP answer
    QString transportError;        // Qt's error text when there was no HTTP answer
    bool timedOut = false;
    int timeoutMs = 0;
    // The TLS peer closed the connection during or right after the handshake without any answer (a refused
    // client certificate looks like this from the client: RemoteHostClosedError, not a TLS error).
    bool closedDuringHandshake = false;
    bool tlsError = false;     // the platform's certificate failed verification, or another TLS error
    bool bodyTooLarge = false; // the answer exceeded the body cap; body is empty
    qint64 bodyCapBytes = 0;
    QByteArray body;
    QByteArray retryAfter; // the Retry-After header, raw
};

UploadOutcome classifyUpload(const UploadResult &result, const QString &expectedCaseId,
                             qint64 maxRetryAfterMs = 3600 * 1000);
// "identity", "network", ... ; empty for Cause::None.
QString causeName(UploadOutcome::Cause cause);
