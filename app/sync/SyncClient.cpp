#include "SyncClient.h"

#include "CaseStore.h"
#include "SyncTransport.h"
#include "UploadOutcome.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcSync, "onestop.sync")

SyncClient::SyncClient(CaseStore &store, QNetworkAccessManager &nam, const SyncSettings &settings,
                       QUrl platformBaseUrl, QObject *parent)
    : QObject(parent), m_store(store), m_nam(nam), m_settings(settings),
      m_baseUrl(std::move(platformBaseUrl)),
      m_backoff(settings.initialBackoffMs, settings.maxBackoffMs, Backoff::Jitter::Full)
{
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer);
    // The timer runs until the earliest waiting item is due; the store says which item that is.
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { processNext(false); });
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] {
        if (QNetworkReply *reply = m_reply.data()) {
            m_inFlight.deadlineHit = true;
            abortReply(reply);
        }
    });
    m_pendingCount = m_store.pendingCount();
    m_published = status();
    m_configProblem = SyncTransport::checkUrl(m_baseUrl, m_settings);
    if (m_configProblem.isEmpty() && m_baseUrl.scheme() == QLatin1String("https"))
        SyncTransport::tlsConfiguration(m_settings, &m_tls, &m_configProblem);
}

SyncClient::~SyncClient()
{
    if (m_reply) {
        m_reply->disconnect(this);
        // Not QNetworkReply::abort(): on a reply that already failed (an HTTP error, a garbage answer) Qt 6.4
        // reports the error a second time ("Internal problem, this method must only be called once") and can
        // leave the connection in a bad state for the next request. Deleting a running reply ends its
        // request quietly.
        m_reply->deleteLater();
    }
}

QString SyncClient::state() const
{
    switch (m_state) {
    case State::Idle:
        return QStringLiteral("idle");
    case State::Syncing:
        return QStringLiteral("syncing");
    case State::WaitingRetry:
        return QStringLiteral("waiting_retry");
    case State::Offline:
        return QStringLiteral("offline");
    case State::Misconfigured:
        return QStringLiteral("misconfigured");
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
    if (!m_configProblem.isEmpty()) {
        qCCritical(lcSync).noquote() << "sync refused:" << m_configProblem;
        setAlert(QStringLiteral("configuration"), m_configProblem);
        setState(State::Misconfigured);
        return;
    }
    qCInfo(lcSync).noquote() << "sync started towards" << m_baseUrl.toDisplayString(QUrl::RemoveUserInfo)
                             << "pending:" << m_pendingCount;
    processNext(false);
}

void SyncClient::kick()
{
    refreshPendingCount();
    if (!m_started || m_reply || m_state == State::Misconfigured)
        return; // the running request leads on to the new item
    processNext(false); // a new item does not wait for another item's retry time
}

void SyncClient::setNetworkAvailable(bool available)
{
    if (available == m_networkAvailable || m_state == State::Misconfigured)
        return;
    m_networkAvailable = available;
    qCInfo(lcSync) << "network" << (available ? "available" : "unavailable");
    if (!available) {
        m_retryTimer.stop();
        m_deadlineTimer.stop();
        if (QNetworkReply *reply = m_reply.data()) {
            // Not the platform's fault: no failed attempt is recorded; the PUT is repeated later.
            m_reply = nullptr;
            reply->disconnect(this);
            // deleted, not aborted: see ~SyncClient
            reply->deleteLater();
        }
        setState(State::Offline);
        publish();
        return;
    }
    if (m_started)
        processNext(true);
    else
        setState(State::Idle);
    publish();
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
    // A stored time further away than this (a clock that jumped back, a damaged row) cannot freeze sync.
    const qint64 maxDelayMs = m_backoff.maxMs() + m_settings.maxRetryAfterMs;
    OutboxRead next = m_store.nextDueOutboxItem(now, maxDelayMs, ignoreSchedule);
    while (next.status == OutboxRead::Status::Due && next.item.kind != QLatin1String("case") &&
           next.item.kind != QLatin1String("rating") && next.item.kind != QLatin1String("attachment")) {
        const QString reason = QStringLiteral("unknown outbox kind '%1'").arg(next.item.kind);
        QString error;
        if (!m_store.markRejected(next.item.seq, reason, &error)) {
            setLastError(error);
            waitFor(m_backoff.maxMs());
            return;
        }
        setLastError(reason);
        emit itemRejected(next.item.kind, next.item.refId, reason);
        next = m_store.nextDueOutboxItem(now, maxDelayMs, ignoreSchedule);
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

QNetworkRequest SyncClient::baseRequest(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(m_settings.requestTimeoutMs);
    if (m_baseUrl.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_tls);
    return request;
}

void SyncClient::send(const OutboxItem &item)
{
    m_inFlight = InFlight();
    m_inFlight.seq = item.seq;
    m_inFlight.kind = item.kind;
    m_inFlight.caseId = item.refId;
    m_inFlight.attempts = item.attempts;
    if (item.kind == QLatin1String("attachment")) {
        if (beginAttachment(item))
            sendAttachmentRequest();
        return;
    }
    QNetworkRequest request = baseRequest(endpointFor(item.kind, item.refId));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // The item's own key from its outbox row (a case: its id; a rating: its own UUID), the same on every
    // retry.
    request.setRawHeader("Idempotency-Key",
                         (item.idempotencyKey.isEmpty() ? item.refId : item.idempotencyKey).toUtf8());
    qCInfo(lcSync).noquote() << "PUT seq" << item.seq << item.kind << item.refId << "attempt"
                             << item.attempts + 1;
    dispatch(request, item.body);
}

void SyncClient::dispatch(QNetworkRequest request, const QByteArray &body)
{
    QNetworkReply *reply = m_nam.put(request, body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { readCapped(reply); });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (reply == m_reply && length.isValid() && length.toLongLong() > m_settings.maxAnswerBytes) {
            m_inFlight.tooLarge = true;
            abortReply(reply);
        }
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (reply != m_reply)
            return;
        m_inFlight.tlsErrors = true; // never ignored: the connection fails
        for (const QSslError &e : errors)
            qCInfo(lcSync).noquote() << "seq" << m_inFlight.seq
                                     << "platform certificate refused:" << e.errorString();
    });
    m_deadlineTimer.start(m_settings.requestDeadlineMs);
    setState(State::Syncing);
}

void SyncClient::readCapped(QNetworkReply *reply)
{
    if (reply != m_reply || m_inFlight.tooLarge || !reply->isOpen())
        return; // an aborted reply is closed
    const qint64 room = qint64(m_settings.maxAnswerBytes) + 1 - m_inFlight.answer.size();
    m_inFlight.answer += reply->read(std::max<qint64>(room, 0));
    if (m_inFlight.answer.size() > m_settings.maxAnswerBytes) {
        m_inFlight.tooLarge = true;
        m_inFlight.answer.clear();
        abortReply(reply);
    }
}

void SyncClient::abortReply(QNetworkReply *reply)
{
    // The attempt ends here (m_inFlight says why: tooLarge or deadlineHit). Not QNetworkReply::abort(): on a
    // reply that already carries an error (an HTTP 4xx/5xx) Qt 6.4 reports it a second time ("Internal
    // problem, this method must only be called once"). Deleting a running reply ends its request quietly.
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    m_deadlineTimer.stop();
    reply->disconnect(this);
    reply->deleteLater();
    UploadResult result;
    result.bodyTooLarge = m_inFlight.tooLarge;
    result.bodyCapBytes = m_settings.maxAnswerBytes;
    result.timedOut = m_inFlight.deadlineHit;
    result.timeoutMs = m_settings.requestDeadlineMs;
    conclude(result);
}

void SyncClient::onReplyFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    readCapped(reply);
    if (reply != m_reply)
        return; // the last bytes passed the cap: concluded by abortReply
    m_reply = nullptr;
    m_deadlineTimer.stop();

    UploadResult result;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError networkError = reply->error();
    // Transport-level errors (1-99: connection, TLS, timeout; 101-104: proxy connection) after the status
    // line mean the answer was cut off: it is not an answer.
    const bool transportFailure = (int(networkError) > 0 && int(networkError) < 100) ||
                                  (networkError >= QNetworkReply::ProxyConnectionRefusedError &&
                                   networkError <= QNetworkReply::ProxyTimeoutError);
    result.bodyCapBytes = m_settings.maxAnswerBytes;
    if (status.isValid() && !transportFailure) {
        result.httpStatus = status.toInt();
        result.body = m_inFlight.answer;
        result.retryAfter = reply->rawHeader("Retry-After");
    } else {
        result.transportError = reply->errorString();
        // setTransferTimeout aborts the reply: Qt 6.4 reports OperationCanceledError, later versions
        // TimeoutError.
        result.timedOut = networkError == QNetworkReply::OperationCanceledError ||
                          networkError == QNetworkReply::TimeoutError;
        result.timeoutMs = m_settings.requestTimeoutMs;
        const bool https = m_baseUrl.scheme() == QLatin1String("https");
        // With TLS 1.3 the client's handshake completes before the server has checked the client certificate,
        // so a refusal arrives as the connection closed without any answer.
        result.closedDuringHandshake = https && !m_inFlight.tlsErrors && !status.isValid() &&
                                       networkError == QNetworkReply::RemoteHostClosedError;
        result.tlsError =
            https && (m_inFlight.tlsErrors || networkError == QNetworkReply::SslHandshakeFailedError);
    }
    conclude(result);
}

void SyncClient::conclude(const UploadResult &result)
{
    m_inFlight.answer.clear();
    UploadOutcome outcome;
    if (m_inFlight.kind == QLatin1String("attachment")) {
        if (concludeAttachmentStep(result, &outcome))
            return; // the next chunk is on its way
    } else {
        outcome = classifyUpload(result, m_inFlight.caseId, m_settings.maxRetryAfterMs);
    }
    const InFlight item = m_inFlight;
    m_inFlight.bytes.clear(); // the attachment's bytes are not kept between attempts
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
        qCInfo(lcSync).noquote() << "synced seq" << item.seq << item.kind << item.caseId
                                 << outcome.logSummary;
        setLastError(QString());
        setAlert(QString(), QString());
        emit itemSynced(item.kind, item.caseId);
        processNext(false);
        return;
    case UploadOutcome::Kind::Rejected:
        qCWarning(lcSync).noquote() << "rejected seq" << item.seq << item.kind << item.caseId
                                    << outcome.logSummary;
        if (!m_store.markRejected(item.seq, outcome.reason, &error)) {
            qCWarning(lcSync).noquote() << "seq" << item.seq << "rejection not recorded:" << error;
            setLastError(error);
            waitFor(m_backoff.delayMs(item.attempts + 1));
            return;
        }
        setLastError(outcome.reason);
        setAlert(QString(), QString()); // the platform answered: the transport works
        emit itemRejected(item.kind, item.caseId, outcome.reason);
        processNext(false);
        return;
    case UploadOutcome::Kind::Retry:
        qCInfo(lcSync).noquote() << "retry seq" << item.seq << item.kind << item.caseId << outcome.logSummary;
        setAlert(causeName(outcome.cause), outcome.reason);
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
    publish();
}

void SyncClient::setLastError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    emit lastErrorChanged();
    publish();
}

void SyncClient::setAlert(const QString &cause, const QString &text)
{
    if (cause == m_alertCause && text == m_alert)
        return;
    if (!cause.isEmpty() && cause != m_alertCause)
        qCInfo(lcSync).noquote() << "sync alert:" << cause;
    m_alertCause = cause;
    m_alert = text;
    emit alertChanged();
    publish();
}

void SyncClient::refreshPendingCount()
{
    const int count = m_store.pendingCount();
    if (count == m_pendingCount)
        return;
    m_pendingCount = count;
    emit pendingCountChanged();
    publish();
}

SyncStatus SyncClient::status() const
{
    SyncStatus status;
    status.pendingCount = m_pendingCount;
    status.state = state();
    status.lastError = m_lastError;
    status.alert = m_alert;
    status.alertCause = m_alertCause;
    status.networkAvailable = m_networkAvailable;
    return status;
}

void SyncClient::publish()
{
    const SyncStatus now = status();
    if (now == m_published)
        return;
    m_published = now;
    emit statusChanged(now);
}
