#include "ScenarioTokenStep.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

QString ScenarioTokenStep::code(const QUrl &platform, const QJsonObject &argument, int timeoutMs,
                                QString *error)
{
    QString token;
    if (argument.value(QStringLiteral("again")).toBool()) {
        if (m_last.isEmpty()) {
            *error = QStringLiteral("scan_token again: no token was scanned before");
            return QString();
        }
        token = m_last;
    } else {
        if (!platform.isValid()) {
            *error = QStringLiteral("scan_token needs the platform URL");
            return QString();
        }
        QJsonObject body = argument;
        body.remove(QStringLiteral("again"));
        body.remove(QStringLiteral("tamper"));
        QNetworkAccessManager network;
        QString base = platform.toString();
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        QNetworkRequest request(QUrl(base + QStringLiteral("/test/identity-token")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        if (!reply->isFinished()) {
            reply->abort();
            *error = QStringLiteral("scan_token: the platform did not answer within %1 ms").arg(timeoutMs);
        } else if (reply->error() != QNetworkReply::NoError) {
            *error = QStringLiteral("scan_token: the platform answered %1: %2")
                         .arg(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt())
                         .arg(QString::fromUtf8(reply->readAll()));
        } else {
            token =
                QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("token")).toString();
            if (token.isEmpty())
                *error = QStringLiteral("scan_token: no token in the platform's answer");
        }
        delete reply;
        if (token.isEmpty())
            return QString();
    }
    m_last = token;
    const QString tamper = argument.value(QStringLiteral("tamper")).toString();
    if (tamper == QLatin1String("signature")) {
        // One base64url character near the signature's start changed: still well-formed, no longer valid.
        const qsizetype at = token.lastIndexOf(QLatin1Char('.')) + 5;
        token[at] = token.at(at) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    } else if (!tamper.isEmpty()) {
        *error = QStringLiteral("scan_token tamper: only \"signature\"");
        return QString();
    }
    return token;
}
