#include "ClientIdentity.h"

#include <QFile>
#include <QSslKey>
#include <QSslSocket>

namespace {

bool readPem(const QString &path, QByteArray *bytes, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    *bytes = file.readAll();
    return true;
}

} // namespace

bool TlsIdentityCheck::load(const QString &certificateFile, const QString &keyFile,
                            const QString &clientCaFile, bool refuseInHandshake, QString *error)
{
    QByteArray pem;
    if (!readPem(certificateFile, &pem, error))
        return false;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(pem, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("%1: no PEM certificate").arg(certificateFile);
        return false;
    }
    if (!readPem(keyFile, &pem, error))
        return false;
    QSslKey key(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        *error = QStringLiteral("%1: not an EC or RSA PEM key").arg(keyFile);
        return false;
    }
    if (!readPem(clientCaFile, &pem, error))
        return false;
    m_clientCa = QSslCertificate::fromData(pem, QSsl::Pem);
    if (m_clientCa.isEmpty()) {
        *error = QStringLiteral("%1: no PEM certificate").arg(clientCaFile);
        return false;
    }
    m_server = QSslConfiguration::defaultConfiguration();
    m_server.setProtocol(QSsl::TlsV1_2OrLater);
    m_server.setLocalCertificateChain(chain);
    m_server.setPrivateKey(key);
    m_server.setCaCertificates(m_clientCa);
    m_server.setPeerVerifyMode(refuseInHandshake ? QSslSocket::VerifyPeer : QSslSocket::QueryPeer);
    // QSslCertificate::verify() checks against the default configuration's CAs: only the client CA.
    QSslConfiguration defaults = QSslConfiguration::defaultConfiguration();
    defaults.setCaCertificates(m_clientCa);
    QSslConfiguration::setDefaultConfiguration(defaults);
    return true;
}

ClientIdentity TlsIdentityCheck::identify(QTcpSocket *socket) const
{
    ClientIdentity identity;
    auto *tls = qobject_cast<QSslSocket *>(socket);
    if (!tls || !tls->isEncrypted())
        return identity;
    const QList<QSslCertificate> chain = tls->peerCertificateChain();
    if (chain.isEmpty()) {
        identity.state = ClientIdentity::State::Missing;
        return identity;
    }
    identity.state = ClientIdentity::State::Unknown;
    const QStringList names = chain.first().subjectInfo(QSslCertificate::CommonName);
    if (names.isEmpty() || names.first().isEmpty())
        return identity;
    if (!QSslCertificate::verify(chain).isEmpty())
        return identity;
    identity.state = ClientIdentity::State::Verified;
    identity.kioskId = names.first();
    return identity;
}
