#include "SyncTransport.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace {

bool readFile(const QString &path, const QString &what, QByteArray *bytes, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1 %2: %3").arg(what, path, file.errorString());
        return false;
    }
    *bytes = file.readAll();
    return true;
}

} // namespace

QString SyncTransport::checkUrl(const QUrl &url, const SyncSettings &settings)
{
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("the platform URL is not valid: %1")
            .arg(url.toDisplayString(QUrl::RemoveUserInfo));
    if (url.scheme() == QLatin1String("https")) {
        if (settings.platformCaFile.isEmpty())
            return QStringLiteral("an https platform needs sync.platform_ca (the platform's CA, pinned)");
        return {};
    }
    if (url.scheme() == QLatin1String("http")) {
        if (settings.allowInsecureHttp)
            return {};
        return QStringLiteral(
                   "refusing the insecure platform URL %1: use https, or set sync.allow_insecure_http "
                   "(demo and tests only)")
            .arg(url.toDisplayString(QUrl::RemoveUserInfo));
    }
    return QStringLiteral("the platform URL must be https: %1")
        .arg(url.toDisplayString(QUrl::RemoveUserInfo));
}

bool SyncTransport::tlsConfiguration(const SyncSettings &settings, QSslConfiguration *configuration,
                                     QString *error)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    QByteArray pem;
    if (!readFile(settings.platformCaFile, QStringLiteral("platform CA"), &pem, error))
        return false;
    const QList<QSslCertificate> roots = QSslCertificate::fromData(pem, QSsl::Pem);
    if (roots.isEmpty()) {
        *error = QStringLiteral("platform CA %1: no PEM certificate in it").arg(settings.platformCaFile);
        return false;
    }
    tls.setCaCertificates(roots); // replaces the system's CAs: only the platform's CA is trusted

    if (!settings.clientCertificateFile.isEmpty()) {
        if (!readFile(settings.clientCertificateFile, QStringLiteral("client certificate"), &pem, error))
            return false;
        const QList<QSslCertificate> chain = QSslCertificate::fromData(pem, QSsl::Pem);
        if (chain.isEmpty()) {
            *error = QStringLiteral("client certificate %1: no PEM certificate in it")
                         .arg(settings.clientCertificateFile);
            return false;
        }
        if (!readFile(settings.clientKeyFile, QStringLiteral("client key"), &pem, error))
            return false;
        QSslKey key(pem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull()) {
            *error = QStringLiteral("client key %1: not an EC or RSA PEM key").arg(settings.clientKeyFile);
            return false;
        }
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(key);
    }
    *configuration = tls;
    return true;
}
