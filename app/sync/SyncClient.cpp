#include "SyncClient.h"

#include "CaseStore.h"
#include "UploadOutcome.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcSync, "onestop.sync")

SyncClient::SyncClient(CaseStore &store, QNetworkAccessManager &nam, const SyncSettings &settings,
                       QUrl platformBaseUrl, QObject *parent)
    : QObject(parent),
      m_store(store),
      m_nam(nam),
      m_settings(settings),
      m_baseUrl(std::move(platformBaseUrl)),
      m_backoff(settings.initialBackoffMs, settings.maxBackoffMs, Backoff::Jitter::Full)
{
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer);
    // The timer runs until the earliest waiting item is due; the store says which item that is.
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { processNext(false); });
    m_pendingCount = m_store.pendingCount();
}

SyncClient::~SyncClient()
{
    if (m_reply) {
        m_reply->disconnect(this);
        // A reply that already failed (a garbage answer) must not be aborted again: Qt 6.4 reports the error
        // a second time ("Internal problem, this method must only be called once") and can leave the
        // connection in a bad state for the next request.
        if (m_reply->isRunning() && m_reply->error() == QNetworkReply::NoError)
            m_reply->abort();
        m_reply->deleteLater();
    }
}

QString SyncClient::state() const
{
    switch (m_state) {
    case State::Idle: return QStringLiteral("idle");
    case State::Syncing: return QStringLiteral("syncing");
    case State::WaitingRetry: return QStringLiteral("waiting_retry");
    case State::Offline: return QStringLiteral("offline");
    }
    return {};
}

QUrl SyncClient::endpointFor(const QString &kind, const QString &caseId) const
{
    QString path = m_baseUrl.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    path += QStringLiteral("/api/v1/cases/") + caseId;
    if (kind == QLatin1String("rating"))
        path += QStringLiteral("/rating");
    QUrl url = m_baseUrl;
    url.setPath(path, QUrl::DecodedMode);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

void SyncClient::start()
{
    if (m_started)
        return;
    m_started = true;
    qCInfo(lcSync).noquote() << "sync started towards" << m_baseUrl.toDisplayString(QUrl::RemoveUserInfo)
                             << "pending:" << m_pendingCount;
    processNext(false);
}

void SyncClient::kick()
{
    refreshPendingCount();
    if (!m_started || m_reply)
        return; // the running request leads on to the new item
    processNext(false); // a new item does not wait for another item's retry time
}

void SyncClient::setNetworkAvailable(bool available)
{
    if (available == m_networkAvailable)
        return;
    m_networkAvailable = available;
    qCInfo(lcSync) << "network" << (available ? "available" : "unavailable");
    if (!available) {
        m_retryTimer.stop();
        if (QNetworkReply *reply = m_reply.data()) {
            // Not the platform's fault: no failed attempt is recorded; the PUT is repeated later.
            m_reply = nullptr;
            reply->disconnect(this);
            if (reply->isRunning() && reply->error() == QNetworkReply::NoError)
                reply->abort(); // not twice: see ~SyncClient
            reply->deleteLater();
        }
        setState(State::Offline);
        return;
    }
    if (m_started)
        processNext(true);
    else
        setState(State::Idle);
}

void SyncClient::processNext(bool ignoreSchedule)
{
    if (!m_started || m_reply)
        return;
    m_retryTimer.stop();
    refreshPendingCount();
    if (!m_networkAvailable) {
        setState(State::Offline);
        return;
    }
    // The store answers which item is due now: one failing item never blocks the others, a rating waits for
    // its case, and a failed read is an error (retried later), not an empty queue.
    // An item of an unknown kind is refused and kept for staff.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    OutboxRead next = m_store.nextDueOutboxItem(now, m_backoff.maxMs(), ignoreSchedule);
    while (next.status == OutboxRead::Status::Due && next.item.kind != QLatin1String("case") &&
           next.item.kind != QLatin1String("rating")) {
        const QString reason = QStringLiteral("unknown outbox kind '%1'").arg(next.item.kind);
        QString error;
        if (!m_store.markRejected(next.item.seq, reason, &error)) {
            setLastError(error);
            waitFor(m_backoff.maxMs());
            return;
        }
        setLastError(reason);
        emit itemRejected(next.item.kind, next.item.refId, reason);
        next = m_store.nextDueOutboxItem(now, m_backoff.maxMs(), ignoreSchedule);
    }
    refreshPendingCount();
    switch (next.status) {
    case OutboxRead::Status::Failed:
        qCWarning(lcSync).noquote() << "outbox not readable:" << next.error;
        setLastError(next.error);
        waitFor(m_backoff.maxMs());
        return;
    case OutboxRead::Status::NothingDue:
        if (next.nextDueAt.isValid())
            waitFor(std::max<qint64>(0, now.msecsTo(next.nextDueAt)));
        else
            setState(State::Idle);
        return;
    case OutboxRead::Status::Due:
        break;
    }
    send(next.item);
}

void SyncClient::send(const OutboxItem &item)
{
    m_inFlight = {item.seq, item.kind, item.refId, item.attempts};
    QNetworkRequest request(endpointFor(item.kind, item.refId));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Idempotency-Key", item.refId.toUtf8());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(m_settings.requestTimeoutMs);

    qCInfo(lcSync).noquote() << "PUT seq" << item.seq << item.kind << item.refId << "attempt" << item.attempts + 1;
    QNetworkReply *reply = m_nam.put(request, item.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
    setState(State::Syncing);
}

void SyncClient::onReplyFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;

    UploadResult result;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid()) {
        result.httpStatus = status.toInt();
        result.body = reply->readAll();
        result.retryAfter = reply->rawHeader("Retry-After");
    } else {
        result.transportError = reply->errorString();
        // setTransferTimeout aborts the reply: Qt 6.4 reports OperationCanceledError, later versions TimeoutError.
        result.timedOut = reply->error() == QNetworkReply::OperationCanceledError
                || reply->error() == QNetworkReply::TimeoutError;
        result.timeoutMs = m_settings.requestTimeoutMs;
    }
    const UploadOutcome outcome = classifyUpload(result, m_inFlight.caseId);
    const InFlight item = m_inFlight;
    QString error;

    switch (outcome.kind) {
    case UploadOutcome::Kind::Synced:
        if (!m_store.markSynced(item.seq, result.body, &error)) {
            // The platform has it; the next PUT is answered idempotently. Retry once the store works.
            qCWarning(lcSync).noquote() << "seq" << item.seq << "synced but not recorded:" << error;
            setLastError(error);
            waitFor(m_backoff.delayMs(item.attempts + 1));
            return;
        }
        qCInfo(lcSync).noquote() << "synced seq" << item.seq << item.kind << item.caseId << outcome.logSummary;
        setLastError(QString());
        emit itemSynced(item.kind, item.caseId);
        processNext(false);
        return;
    case UploadOutcome::Kind::Rejected:
        qCWarning(lcSync).noquote() << "rejected seq" << item.seq << item.kind << item.caseId << outcome.logSummary;
        if (!m_store.markRejected(item.seq, outcome.reason, &error)) {
            qCWarning(lcSync).noquote() << "seq" << item.seq << "rejection not recorded:" << error;
            setLastError(error);
            waitFor(m_backoff.delayMs(item.attempts + 1));
            return;
        }
        setLastError(outcome.reason);
        emit itemRejected(item.kind, item.caseId, outcome.reason);
        processNext(false);
        return;
    case UploadOutcome::Kind::Retry:
        qCInfo(lcSync).noquote() << "retry seq" << item.seq << item.kind << item.caseId << outcome.logSummary;
        scheduleRetry(outcome.reason, outcome.retryAfterMs.value_or(0));
        return;
    }
}

void SyncClient::scheduleRetry(const QString &reason, qint64 minimumDelayMs)
{
    const qint64 delay = std::max<qint64>(m_backoff.delayMs(m_inFlight.attempts + 1), minimumDelayMs);
    QString error;
    if (!m_store.recordFailedAttempt(m_inFlight.seq, reason, QDateTime::currentDateTimeUtc().addMSecs(delay),
                                     &error))
        qCWarning(lcSync).noquote() << "seq" << m_inFlight.seq << "failed attempt not recorded:" << error;
    setLastError(reason);
    processNext(false); // other items may be due now; otherwise waits for the earliest
}

void SyncClient::waitFor(qint64 ms)
{
    m_retryTimer.start(int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max())));
    setState(State::WaitingRetry);
}

void SyncClient::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

void SyncClient::setLastError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    emit lastErrorChanged();
}

void SyncClient::refreshPendingCount()
{
    const int count = m_store.pendingCount();
    if (count == m_pendingCount)
        return;
    m_pendingCount = count;
    emit pendingCountChanged();
}
