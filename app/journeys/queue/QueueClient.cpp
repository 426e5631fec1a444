#include "QueueClient.h"

#include "SyncTransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

Q_LOGGING_CATEGORY(lcQueueClient, "onestop.queue.client")

QueueClient::QueueClient(QNetworkAccessManager &nam, const SyncSettings &settings, QUrl platformBaseUrl,
                         QString centerId, QObject *parent)
    : QObject(parent), m_nam(nam), m_settings(settings), m_baseUrl(std::move(platformBaseUrl)),
      m_centerId(std::move(centerId))
{
    m_configProblem = SyncTransport::checkUrl(m_baseUrl, m_settings);
    if (m_configProblem.isEmpty() && m_baseUrl.scheme() == QLatin1String("https")) {
        QString error;
        if (!SyncTransport::tlsConfiguration(m_settings, &m_tls, &error))
            m_configProblem = error;
    }
    if (!m_configProblem.isEmpty())
        qCWarning(lcQueueClient).noquote() << "queue tickets cannot reach the platform:" << m_configProblem;
}

QUrl QueueClient::endpoint(const QString &tail) const
{
    return centerEndpoint(QStringLiteral("queue/") + tail);
}

QUrl QueueClient::centerEndpoint(const QString &tail) const
{
    QUrl url = m_baseUrl;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/v1/centers/%1/%2").arg(m_centerId, tail));
    return url;
}

void QueueClient::checkInAppointment(const QString &code, const QString &idempotencyKey, Callback done)
{
    const QJsonObject body{{QStringLiteral("code"), code}};
    send("POST", centerEndpoint(QStringLiteral("appointments/check-in")),
         QJsonDocument(body).toJson(QJsonDocument::Compact), idempotencyKey, std::move(done));
}

void QueueClient::listServices(Callback done)
{
    send("GET", endpoint(QStringLiteral("services")), {}, {}, std::move(done));
}

void QueueClient::takeTicket(const QString &serviceId, const QString &idempotencyKey, Callback done)
{
    const QJsonObject body{{QStringLiteral("service_id"), serviceId}};
    send("POST", endpoint(QStringLiteral("tickets")), QJsonDocument(body).toJson(QJsonDocument::Compact),
         idempotencyKey, std::move(done));
}

void QueueClient::requestRange(const QString &serviceId, int size, const QString &idempotencyKey,
                               Callback done)
{
    const QJsonObject body{{QStringLiteral("service_id"), serviceId}, {QStringLiteral("size"), size}};
    send("POST", endpoint(QStringLiteral("ranges")), QJsonDocument(body).toJson(QJsonDocument::Compact),
         idempotencyKey, std::move(done));
}

void QueueClient::reportIssued(const QString &rangeId, const QList<QPair<int, QString>> &tickets,
                               Callback done)
{
    QJsonArray list;
    for (const auto &[number, issuedAt] : tickets)
        list.append(QJsonObject{{QStringLiteral("number"), number}, {QStringLiteral("issued_at"), issuedAt}});
    const QJsonObject body{{QStringLiteral("tickets"), list}};
    send("POST", endpoint(QStringLiteral("ranges/%1/issued").arg(rangeId)),
         QJsonDocument(body).toJson(QJsonDocument::Compact), {}, std::move(done));
}

void QueueClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                       const QString &idempotencyKey, Callback done)
{
    if (!m_configProblem.isEmpty()) {
        Answer answer;
        answer.problem = m_configProblem;
        QTimer::singleShot(0, this, [done, answer] { done(answer); });
        return;
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(m_settings.requestTimeoutMs);
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_tls);
    if (!body.isEmpty() || method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", idempotencyKey.toUtf8());
    QNetworkReply *reply =
        method == "GET" ? m_nam.get(request) : m_nam.sendCustomRequest(request, method, body);
    // The whole request never takes longer than the deadline, however slowly the answer trickles in.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    deadline->start(m_settings.requestDeadlineMs);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done] { finish(reply, done); });
}

void QueueClient::finish(QNetworkReply *reply, const Callback &done)
{
    reply->deleteLater();
    Answer answer;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray bytes = reply->read(qint64(m_settings.maxAnswerBytes) + 1);
    const QString path = reply->url().path();
    if (!status.isValid()) {
        answer.problem = QStringLiteral("network: %1").arg(reply->errorString());
        // Expected whenever the platform is out of reach; the controller decides what it means.
        qCInfo(lcQueueClient).noquote() << path << "-> not reached:" << answer.problem;
    } else if (bytes.size() > m_settings.maxAnswerBytes) {
        answer.problem =
            QStringLiteral("garbage: an answer larger than %1 bytes").arg(m_settings.maxAnswerBytes);
        qCInfo(lcQueueClient).noquote() << path << "->" << status.toInt() << answer.problem;
    } else {
        const QJsonDocument document = QJsonDocument::fromJson(bytes);
        answer.status = status.toInt();
        if (document.isObject()) {
            answer.reached = true;
            answer.body = document.object();
        } else {
            // Not the platform's JSON (a proxy's page, garbage): as good as not reached.
            answer.problem =
                QStringLiteral("garbage: HTTP %1 without the platform's JSON").arg(answer.status);
        }
        qCInfo(lcQueueClient).noquote() << path << "->" << answer.status;
    }
    done(answer);
}
