#pragma once

#include "Licence.h"
#include "SiteConfig.h"

#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// The platform's e-licence lookup (docs/platform-api.md, "E-licences"): POST /api/v1/residents/licences
// with the resident's id type and number in the body (never in a URL), over the same transport rules as
// sync (https with the pinned platform CA and the kiosk's client certificate; http only with
// sync.allow_insecure_http). One answer per call, always from the event loop. Never retries by itself.
// Logs name the path, the status and the count, never the body. Thread: GUI (the QNetworkAccessManager's).
class LicenceClient : public QObject
{
    Q_OBJECT
public:
    struct Answer
    {
        bool ok = false;         // the platform answered 200 with a valid list
        QList<Licence> licences; // ok: the resident's licences of the asked types
        QString problem;         // !ok: "network: ...", "garbage: ...", "HTTP 400 invalid_request", ...
    };
    using Callback = std::function<void(const Answer &)>;

    LicenceClient(QNetworkAccessManager &nam, const SyncSettings &settings, QUrl platformBaseUrl,
                  QObject *parent = nullptr);

    // Why nothing can be sent (the URL or TLS files are refused); empty when usable.
    QString configProblem() const { return m_configProblem; }

    // The resident's licences of `types`; `done` is called once, from the event loop, unless cancelAll()
    // comes first.
    void fetch(const QString &idType, const QString &idNumber, const QStringList &types, Callback done);
    // The callbacks of every request in flight are never called (the session ended); their answers are dropped.
    void cancelAll();

private:
    void finish(QNetworkReply *reply, const QStringList &types, const Callback &done);

    QNetworkAccessManager &m_nam;
    const SyncSettings m_settings;
    const QUrl m_baseUrl;
    QString m_configProblem;
    QSslConfiguration m_tls;
    int m_generation = 0;
};
