#pragma once

#include "Backoff.h"
#include "SiteConfig.h"

#include "AttachmentUpload.h"
#include "SyncStatus.h"

#include <QDateTime>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

class CaseStore;
class QNetworkAccessManager;
class QNetworkReply;
struct OutboxItem;
struct UploadResult;

// Uploads the store's outbox to the central platform (docs/platform-api.md), one request in flight, the
// item that CaseStore::nextDueOutboxItem says is due (a rating after its case; independent cases never wait
// for each other's retries):
//   case   -> PUT <base>/api/v1/cases/{case_id}          Idempotency-Key: {case_id}
//   rating -> PUT <base>/api/v1/cases/{case_id}/rating   Idempotency-Key: {the rating's own key}
//   attachment (after its case) -> PUT .../attachments/{seq} (the declaration; skipped when the store holds
//             an acknowledged offset and the platform's chunk limit is known), then
//             PUT .../attachments/{seq}/content one chunk at a time from the offset the platform
//             acknowledged (persisted after every chunk: CaseStore::recordUploadOffset), until the platform
//             says "received" (AttachmentUpload.h)
// with the stored body bytes (identical on every retry). The answer decides (see UploadOutcome.h):
// synced -> CaseStore::markSynced; rejected (only the platform's own 400/422 error) -> markRejected (the
// item is parked for staff) and on to the next item; anything else -> recordFailedAttempt with the next
// attempt time from a full-jitter Backoff over the persisted attempt count (a Retry-After raises it, capped),
// an alert naming the cause (alert, alertCause), and the same item is tried again then. All state lives in
// the store, so a new SyncClient over the same file resumes where the last one stopped (start() honours
// next_attempt_at, but never waits longer than maxBackoffMs + maxRetryAfterMs from now).
// Each request has a whole-request deadline (requestDeadlineMs; the transfer timeout alone restarts on
// every byte) and its answer is read up to maxAnswerBytes, never more.
// Transport rules (SyncTransport): https with the pinned platform CA and the kiosk's client certificate;
// an http:// URL without allowInsecureHttp, or unreadable TLS files, stop sync ("misconfigured") with an
// alert, and nothing is sent.
// Logs (onestop.sync) name seq, kind, case id and status, never body content.
// Thread: the thread of the store and the QNetworkAccessManager (the store's thread in the kiosk: the GUI
// follows through SyncMonitor).
class SyncClient : public QObject
{
    Q_OBJECT
    // No Q_PROPERTYs: QML follows the client through SyncMonitor, on the GUI thread.

public:
    SyncClient(CaseStore &store, QNetworkAccessManager &nam, const SyncSettings &settings,
               QUrl platformBaseUrl, QObject *parent = nullptr);
    ~SyncClient() override;

    // Outbox items not yet synced or rejected (-1 if the store cannot be read).
    int pendingCount() const { return m_pendingCount; }
    // "idle" (nothing to send, or not started) | "syncing" (a request is in flight) |
    // "waiting_retry" (the head item failed; timer running) | "offline" (network marked unavailable) |
    // "misconfigured" (the platform URL or TLS files are refused: nothing is sent; see alert)
    QString state() const;
    // For staff: why items are not reaching the platform ("HTTP 403: ...", "identity: ...", "timeout: ..."),
    // set by every failed attempt that will be retried and by a refused configuration; cleared once the
    // platform answers again. Empty when all is well.
    QString alert() const { return m_alert; }
    // The kind of the alert: "identity" | "tls" | "network" | "timeout" | "configuration" | "proxy" |
    // "too_large" | "conflict" | "server" | "garbage"; empty without an alert.
    QString alertCause() const { return m_alertCause; }
    // The reason of the most recent failed or rejected upload; cleared by the next successful one.
    QString lastError() const { return m_lastError; }
    bool networkAvailable() const { return m_networkAvailable; }
    // All of the above in one value (statusChanged carries it to other threads: SyncMonitor).
    SyncStatus status() const;

    // The URL an item is PUT to.
    QUrl endpointFor(const QString &kind, const QString &caseId) const;

public slots:
    // Begins uploading; before start() nothing is sent.
    void start();
    // Something was added to the outbox: upload it unless a request is in flight or the head item waits.
    void kick();
    // false: aborts the request in flight (not counted as a failed attempt) and sends nothing;
    // true: tries the head item at once, even if its backoff has not expired.
    void setNetworkAvailable(bool available);

signals:
    void pendingCountChanged();
    void stateChanged();
    void lastErrorChanged();
    void alertChanged();
    // Emitted after any of the changes above, with the whole status.
    void statusChanged(const SyncStatus &status);
    void itemSynced(const QString &kind, const QString &caseId);
    void itemRejected(const QString &kind, const QString &caseId, const QString &reason);

private:
    enum class State { Idle, Syncing, WaitingRetry, Offline, Misconfigured };

    void processNext(bool ignoreSchedule);
    void send(const OutboxItem &item);
    bool beginAttachment(const OutboxItem &item);
    void sendAttachmentRequest();
    void dispatch(QNetworkRequest request, const QByteArray &body);
    QNetworkRequest baseRequest(const QUrl &url) const;
    bool concludeAttachmentStep(const UploadResult &result, UploadOutcome *outcome);
    void onReplyFinished(QNetworkReply *reply);
    void readCapped(QNetworkReply *reply);
    void conclude(const UploadResult &result);
    void abortReply(QNetworkReply *reply);
    void scheduleRetry(const QString &reason, qint64 minimumDelayMs);
    void waitFor(qint64 ms);
    void setState(State state);
    void setLastError(const QString &error);
    void setAlert(const QString &cause, const QString &text);
    void refreshPendingCount();
    void publish();

    struct InFlight
    {
        qint64 seq = 0;
        QString kind;
        QString caseId;
        int attempts = 0;         // failed attempts before this one
        QByteArray answer;        // the answer's body so far, at most maxAnswerBytes
        bool tooLarge = false;    // the answer passed maxAnswerBytes: aborted
        bool deadlineHit = false; // requestDeadlineMs passed: aborted
        bool tlsErrors = false;   // the platform's certificate failed verification
        // An attachment item (kind "attachment"): its declaration, bytes and upload position.
        AttachmentUpload::Declaration declaration;
        QByteArray declarationBody;
        QByteArray bytes;       // the attachment's bytes, read from the store once per attempt
        qint64 offset = 0;      // acknowledged by the platform (as persisted)
        qint64 chunkLimit = 0;  // min(our chunk size, the platform's)
        bool declaring = false; // the request in flight is the declaration
        int stalls = 0;         // offset_mismatch answers in a row without progress
    };

    CaseStore &m_store;
    QNetworkAccessManager &m_nam;
    const SyncSettings m_settings;
    const QUrl m_baseUrl;
    Backoff m_backoff;
    QTimer m_retryTimer;
    QTimer m_deadlineTimer;
    QString m_configProblem; // why nothing may be sent (SyncTransport); empty when usable
    QSslConfiguration m_tls;
    QPointer<QNetworkReply> m_reply;
    InFlight m_inFlight;
    State m_state = State::Idle;
    QString m_lastError;
    QString m_alert;
    QString m_alertCause;
    int m_pendingCount = 0;
    qint64 m_platformChunkBytes = 0; // the platform's chunk limit, from its last upload state (0 = not known)
    bool m_started = false;
    bool m_networkAvailable = true;
    SyncStatus m_published;
};
