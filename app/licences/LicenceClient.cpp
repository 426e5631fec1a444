#include "LicenceClient.h"

#include "SyncTransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

Q_LOGGING_CATEGORY(lcLicenceClient, "onestop.licences.client")

LicenceClient::LicenceClient(QNetworkAccessManager &nam, const SyncSettings &settings, QUrl platformBaseUrl,
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
        qCWarning(lcLicenceClient).noquote() << "e-licences cannot reach the platform:" << m_configProblem;
}

void LicenceClient::fetch(const QString &idType, const QString &idNumber, const QStringList &types, Callback done)
{
    const int generation = m_generation;
    if (!m_configProblem.isEmpty()) {
        Answer answer;
        answer.problem = m_configProblem;
        QTimer::singleShot(0, this, [this, generation, done, answer] {
            if (generation == m_generation)
                done(answer);
        });
        return;
    }
    QUrl url = m_baseUrl;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/v1/residents/licences"));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(m_settings.requestTimeoutMs);
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QJsonObject body{{QStringLiteral("id_type"), idType},
                           {QStringLiteral("id_number"), idNumber},
                           {QStringLiteral("types"), QJsonArray::fromStringList(types)}};
    QNetworkReply *reply = m_nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    deadline->start(m_settings.requestDeadlineMs);
    connect(reply, &QNetworkReply::finished, this, [this, reply, types, done, generation] {
        if (generation != m_generation) { // cancelled: the session that asked is over
            reply->deleteLater();
            return;
        }
        finish(reply, types, done);
    });
}

void LicenceClient::cancelAll()
{
    // Not abort()ed: Qt 6.4 warns when a reply that was aborted later gets its connection error too. The
    // request ends by itself (request_timeout_ms / request_deadline_ms at the latest); its finished() sees
    // the new generation and nothing of its answer is used.
    ++m_generation;
}

void LicenceClient::finish(QNetworkReply *reply, const QStringList &types, const Callback &done)
{
    reply->deleteLater();
    Answer answer;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray bytes = reply->read(qint64(m_settings.maxAnswerBytes) + 1);
    const QString path = reply->url().path();
    if (!status.isValid()) {
        answer.problem = QStringLiteral("network: %1").arg(reply->errorString());
    } else if (bytes.size() > m_settings.maxAnswerBytes) {
        answer.problem = QStringLiteral("garbage: an answer larger than %1 bytes").arg(m_settings.maxAnswerBytes);
    } else {
        const QJsonDocument document = QJsonDocument::fromJson(bytes);
        if (!document.isObject()) {
            answer.problem = QStringLiteral("garbage: HTTP %1 without the platform's JSON").arg(status.toInt());
        } else if (status.toInt() != 200) {
            answer.problem = QStringLiteral("HTTP %1 %2").arg(status.toInt())
                                 .arg(document.object().value(QStringLiteral("error")).toString());
        } else {
            answer.ok = parseLicences(document.object(), types, &answer.licences, &answer.problem);
        }
    }
    if (answer.ok)
        qCInfo(lcLicenceClient).noquote() << path << "->" << status.toInt() << answer.licences.size() << "licences";
    else
        qCInfo(lcLicenceClient).noquote() << path << "-> not usable:" << answer.problem;
    done(answer);
}
