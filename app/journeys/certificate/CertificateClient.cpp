#include "CertificateClient.h"

#include "SyncTransport.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

Q_LOGGING_CATEGORY(lcCertificateClient, "onestop.certificate.client")

CertificateClient::CertificateClient(QNetworkAccessManager &nam, const SyncSettings &settings,
                                     QUrl platformBaseUrl, QObject *parent)
    : QObject(parent), m_nam(nam), m_settings(settings), m_baseUrl(std::move(platformBaseUrl))
{
    m_configProblem = SyncTransport::checkUrl(m_baseUrl, m_settings);
    if (m_configProblem.isEmpty() && m_baseUrl.scheme() == QLatin1String("https")) {
        QString error;
        if (!SyncTransport::tlsConfiguration(m_settings, &m_tls, &error))
            m_configProblem = error;
    }
    if (!m_configProblem.isEmpty())
        qCWarning(lcCertificateClient).noquote() << "certificates cannot reach the platform:" << m_configProblem;
}

void CertificateClient::issue(const Request &r, const QString &idempotencyKey, Callback done)
{
    if (!m_configProblem.isEmpty()) {
        Answer answer;
        answer.problem = m_configProblem;
        QTimer::singleShot(0, this, [done, answer] { done(answer); });
        return;
    }
    QUrl url = m_baseUrl;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/v1/certificates/") + r.type);
    const QJsonObject body{{QStringLiteral("id_type"), r.idType},
                           {QStringLiteral("id_number"), r.idNumber},
                           {QStringLiteral("purpose"), r.purpose},
                           {QStringLiteral("language"), r.language}};
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(m_settings.requestTimeoutMs);
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Idempotency-Key", idempotencyKey.toUtf8());
    QNetworkReply *reply = m_nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    // The whole request never takes longer than the deadline, however slowly the answer trickles in.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    deadline->start(m_settings.requestDeadlineMs);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done] { finish(reply, done); });
}

void CertificateClient::finish(QNetworkReply *reply, const Callback &done)
{
    reply->deleteLater();
    Answer answer;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray bytes = reply->read(qint64(m_settings.maxAnswerBytes) + 1);
    const QString path = reply->url().path();
    if (!status.isValid()) {
        answer.problem = QStringLiteral("network: %1").arg(reply->errorString());
        qCInfo(lcCertificateClient).noquote() << path << "-> not reached:" << answer.problem;
    } else if (bytes.size() > m_settings.maxAnswerBytes) {
        answer.problem =
            QStringLiteral("garbage: an answer larger than %1 bytes").arg(m_settings.maxAnswerBytes);
        qCInfo(lcCertificateClient).noquote() << path << "->" << status.toInt() << answer.problem;
    } else {
        const QJsonDocument document = QJsonDocument::fromJson(bytes);
        answer.status = status.toInt();
        if (document.isObject()) {
            answer.reached = true;
            answer.body = document.object();
        } else {
            answer.problem = QStringLiteral("garbage: HTTP %1 without the platform's JSON").arg(answer.status);
        }
        qCInfo(lcCertificateClient).noquote() << path << "->" << answer.status;
    }
    done(answer);
}
