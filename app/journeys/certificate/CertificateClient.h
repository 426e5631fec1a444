#pragma once

#include "SiteConfig.h"

#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// The platform's certificate endpoint (docs/platform-api.md, "Certificates"), over the same transport rules
// as sync (SyncTransport: https with the pinned platform CA and the kiosk's client certificate; http only
// with sync.allow_insecure_http). One answer per call, always from the event loop:
//   reached = the platform answered with an HTTP status and a JSON object (status, body);
//   otherwise it could not be reached, or answered garbage (problem says which). Never retries by itself.
// Logs name paths and statuses, never bodies (they carry the resident's ID number and record).
// Thread: GUI (the QNetworkAccessManager's).
class CertificateClient : public QObject
{
    Q_OBJECT
public:
    struct Answer
    {
        bool reached = false;
        int status = 0;
        QJsonObject body;
        QString problem; // for the log and staff; empty when the platform answered with JSON
    };
    using Callback = std::function<void(const Answer &)>;

    struct Request
    {
        QString type;     // the catalog's certificate type: POST /api/v1/certificates/{type}
        QString idType;   // IdCardData::cardTypeCode()
        QString idNumber; // personal: in the body only
        QString purpose;
        QString language; // "zh_CN" | "en"
    };

    CertificateClient(QNetworkAccessManager &nam, const SyncSettings &settings, QUrl platformBaseUrl,
                      QObject *parent = nullptr);

    // Why nothing can be sent (the URL or TLS files are refused); empty when usable.
    QString configProblem() const { return m_configProblem; }

    void issue(const Request &request, const QString &idempotencyKey, Callback done);

private:
    void finish(QNetworkReply *reply, const Callback &done);

    QNetworkAccessManager &m_nam;
    const SyncSettings m_settings;
    const QUrl m_baseUrl;
    QString m_configProblem;
    QSslConfiguration m_tls;
};
