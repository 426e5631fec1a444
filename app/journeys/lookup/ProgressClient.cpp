#include "ProgressClient.h"

#include "SyncTransport.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

Q_LOGGING_CATEGORY(lcProgressClient, "onestop.lookup.client")

ProgressClient::ProgressClient(QNetworkAccessManager &nam, const SyncSettings &settings, QUrl platformBaseUrl,
                               QObject *parent)
    : QObject(parent), m_nam(nam), m_settings(settings), m_baseUrl(std::move(platformBaseUrl))
{
    m_configProblem = SyncTransport::checkUrl(m_baseUrl, m_settings);
    if (m_configProblem.isEmpty() && m_baseUrl.scheme() == QLatin1String("https")) {
        QString error;
        if (!SyncTransport::tlsConfiguration(m_settings, &m_tls, &error))
            m_configProblem = error;
    }
    if (!m_configProblem.isEmpty())
        qCWarning(lcProgressClient).noquote()
            << "progress lookups cannot reach the platform:" << m_configProblem;
}

QUrl ProgressClient::endpoint(const QString &tail) const
{
    QUrl url = m_baseUrl;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/v1/") + tail);
    return url;
}

void ProgressClient::caseProgress(const QString &caseId, Callback done)
{
    const QString id = QString::fromLatin1(QUrl::toPercentEncoding(caseId));
    send("GET", endpoint(QStringLiteral("cases/%1/progress").arg(id)), {}, "case progress", std::move(done));
}

void ProgressClient::caseNumberProgress(const QString &caseNumber, Callback done)
{
    const QString number = QString::fromLatin1(QUrl::toPercentEncoding(caseNumber));
    send("GET", endpoint(QStringLiteral("case-numbers/%1/progress").arg(number)), {}, "case number progress",
         std::move(done));
}

void ProgressClient::residentCases(const QString &idType, const QString &idNumber, Callback done)
{
    const QJsonObject body{{QStringLiteral("id_type"), idType}, {QStringLiteral("id_number"), idNumber}};
    send("POST", endpoint(QStringLiteral("residents/cases")),
         QJsonDocument(body).toJson(QJsonDocument::Compact), "resident cases", std::move(done));
}

void ProgressClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body, const char *what,
                          Callback done)
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
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(m_settings.requestTimeoutMs);
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_tls);
    if (method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = method == "GET" ? m_nam.get(request) : m_nam.post(request, body);
    // The whole request never takes longer than the deadline, however slowly the answer trickles in.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    deadline->start(m_settings.requestDeadlineMs);
    connect(reply, &QNetworkReply::finished, this, [this, reply, what, done] { finish(reply, what, done); });
}

void ProgressClient::finish(QNetworkReply *reply, const char *what, const Callback &done)
{
    reply->deleteLater();
    Answer answer;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray bytes = reply->read(qint64(m_settings.maxAnswerBytes) + 1);
    if (!status.isValid()) {
        answer.problem = QStringLiteral("network: %1").arg(reply->errorString());
        qCInfo(lcProgressClient).noquote() << what << "-> not reached:" << answer.problem;
    } else if (bytes.size() > m_settings.maxAnswerBytes) {
        answer.problem =
            QStringLiteral("garbage: an answer larger than %1 bytes").arg(m_settings.maxAnswerBytes);
        qCInfo(lcProgressClient).noquote() << what << "->" << status.toInt() << answer.problem;
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
        qCInfo(lcProgressClient).noquote() << what << "->" << answer.status;
    }
    done(answer);
}
