#pragma once

#include "SiteConfig.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// The platform's queue-ticket endpoints (docs/platform-api.md, "Queue tickets") for one center, over the
// same transport rules as sync (SyncTransport: https with the pinned platform CA and the kiosk's client
// certificate; http only with sync.allow_insecure_http). One answer per call, always from the event loop:
//   reached = the platform answered with an HTTP status (status, body = its JSON object, if any);
//   otherwise the platform could not be reached (network, TLS, timeout, an answer too large or not JSON:
//   problem says which). Never retries by itself. Logs name paths and statuses, never bodies.
// Thread: GUI (the QNetworkAccessManager's).
class QueueClient : public QObject
{
    Q_OBJECT
public:
    struct Answer
    {
        bool reached = false;
        int status = 0;
        QJsonObject body;
        QString problem; // for the log and staff; empty when the platform answered with JSON
        bool ok() const { return reached && (status == 200 || status == 201); }
    };
    using Callback = std::function<void(const Answer &)>;

    QueueClient(QNetworkAccessManager &nam, const SyncSettings &settings, QUrl platformBaseUrl,
                QString centerId, QObject *parent = nullptr);

    // Why nothing can be sent (the URL or TLS files are refused); empty when usable.
    QString configProblem() const { return m_configProblem; }

    void listServices(Callback done);
    void takeTicket(const QString &serviceId, const QString &idempotencyKey, Callback done);
    void requestRange(const QString &serviceId, int size, const QString &idempotencyKey, Callback done);
    // tickets: (number, issued_at as zoned ISO 8601)
    void reportIssued(const QString &rangeId, const QList<QPair<int, QString>> &tickets, Callback done);
    // Appointment check-in at this center (docs/platform-api.md, "Appointment check-in").
    void checkInAppointment(const QString &code, const QString &idempotencyKey, Callback done);

private:
    QUrl endpoint(const QString &tail) const; // .../centers/{center}/queue/<tail>
    QUrl centerEndpoint(const QString &tail) const;
    void send(const QByteArray &method, const QUrl &url, const QByteArray &body,
              const QString &idempotencyKey, Callback done);
    void finish(QNetworkReply *reply, const Callback &done);

    QNetworkAccessManager &m_nam;
    const SyncSettings m_settings;
    const QUrl m_baseUrl;
    const QString m_centerId;
    QString m_configProblem;
    QSslConfiguration m_tls;
};
