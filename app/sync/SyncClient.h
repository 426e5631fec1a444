#pragma once

#include "Backoff.h"
#include "SiteConfig.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class CaseStore;
class QNetworkAccessManager;
class QNetworkReply;
struct OutboxItem;

// Uploads the store's outbox to the central platform (docs/platform-api.md), one request in flight, the
// item that CaseStore::nextDueOutboxItem says is due (a rating after its case; independent cases never wait
// for each other's retries):
//   case   -> PUT <base>/api/v1/cases/{case_id}          Idempotency-Key: {case_id}
//   rating -> PUT <base>/api/v1/cases/{case_id}/rating   Idempotency-Key: {case_id}
// with the stored body bytes (identical on every retry). The answer decides (see UploadOutcome.h):
// synced -> CaseStore::markSynced; rejected (4xx but 408/429) -> markRejected and on to the next item;
// anything else -> recordFailedAttempt with the next attempt time from a full-jitter Backoff over the
// persisted attempt count, and the same item is tried again then. All state lives in the store, so a new
// SyncClient over the same file resumes where the last one stopped (start() honours next_attempt_at).
// Logs (onestop.sync) name seq, kind, case id and status, never body content.
// Thread: the thread of the store and the QNetworkAccessManager (the GUI thread).
class SyncClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(bool networkAvailable READ networkAvailable WRITE setNetworkAvailable NOTIFY stateChanged)

public:
    SyncClient(CaseStore &store, QNetworkAccessManager &nam, const SyncSettings &settings,
               QUrl platformBaseUrl, QObject *parent = nullptr);
    ~SyncClient() override;

    // Outbox items not yet synced or rejected (-1 if the store cannot be read).
    int pendingCount() const { return m_pendingCount; }
    // "idle" (nothing to send, or not started) | "syncing" (a request is in flight) |
    // "waiting_retry" (the head item failed; timer running) | "offline" (network marked unavailable)
    QString state() const;
    // The reason of the most recent failed or rejected upload; cleared by the next successful one.
    QString lastError() const { return m_lastError; }
    bool networkAvailable() const { return m_networkAvailable; }

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
    void itemSynced(const QString &kind, const QString &caseId);
    void itemRejected(const QString &kind, const QString &caseId, const QString &reason);

private:
    enum class State { Idle, Syncing, WaitingRetry, Offline };

    void processNext(bool ignoreSchedule);
    void send(const OutboxItem &item);
    void onReplyFinished(QNetworkReply *reply);
    void scheduleRetry(const QString &reason, qint64 minimumDelayMs);
    void waitFor(qint64 ms);
    void setState(State state);
    void setLastError(const QString &error);
    void refreshPendingCount();

    struct InFlight
    {
        qint64 seq = 0;
        QString kind;
        QString caseId;
        int attempts = 0; // failed attempts before this one
    };

    CaseStore &m_store;
    QNetworkAccessManager &m_nam;
    const SyncSettings m_settings;
    const QUrl m_baseUrl;
    Backoff m_backoff;
    QTimer m_retryTimer;
    QPointer<QNetworkReply> m_reply;
    InFlight m_inFlight;
    State m_state = State::Idle;
    QString m_lastError;
    int m_pendingCount = 0;
    bool m_started = false;
    bool m_networkAvailable = true;
};
