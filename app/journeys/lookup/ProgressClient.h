#pragma once

#include "SiteConfig.h"

#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// The platform's case progress endpoints (docs/platform-api.md, "Case progress"), over the same transport
// rules as sync and the queue (SyncTransport: https with the pinned platform CA and the kiosk's client
// certificate; http only with sync.allow_insecure_http), with its timeouts and answer size limit. One
// answer per call, always from the event loop:
//   reached = the platform answered with an HTTP status and a JSON object (status, body);
//   otherwise it could not be reached or answered garbage (network, TLS, timeout, an answer too large or
//   not JSON: problem says which). Never retries. The resident's ID number travels only in a POST body,
//   never in a URL. Logs name the endpoint and the status, never a case id, number or body.
// Thread: GUI (the QNetworkAccessManager's).
class ProgressClient : public QObject
{
    Q_OBJECT
public:
    struct Answer
    {
        bool reached = false;
        int status = 0;
        QJsonObject body;
        QString problem; // for the log; empty when the platform answered with JSON
        bool ok() const { return reached && status == 200; }
    };
    using Callback = std::function<void(const Answer &)>;

    ProgressClient(QNetworkAccessManager &nam, const SyncSettings &settings, QUrl platformBaseUrl,
                   QObject *parent = nullptr);

    // Why nothing can be sent (the URL or TLS files are refused); empty when usable.
    QString configProblem() const { return m_configProblem; }

    // GET /api/v1/cases/{case_id}/progress (the id from a receipt's QR code)
    void caseProgress(const QString &caseId, Callback done);
    // GET /api/v1/case-numbers/{number}/progress (the number typed from a receipt)
    void caseNumberProgress(const QString &caseNumber, Callback done);
    // POST /api/v1/residents/cases {"id_type", "id_number"}: an identified resident's cases
    void residentCases(const QString &idType, const QString &idNumber, Callback done);

private:
    QUrl endpoint(const QString &tail) const;
    void send(const QByteArray &method, const QUrl &url, const QByteArray &body, const char *what,
              Callback done);
    void finish(QNetworkReply *reply, const char *what, const Callback &done);

    QNetworkAccessManager &m_nam;
    const SyncSettings m_settings;
    const QUrl m_baseUrl;
    QString m_configProblem;
    QSslConfiguration m_tls;
};
