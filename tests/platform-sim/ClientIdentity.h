#pragma once

#include <QSslConfiguration>
#include <QString>

class QTcpSocket;

// Who is on the other end of a connection (docs/platform-api.md "Identities"): over HTTPS, the kiosk's
// client certificate; its common name (CN) is the kiosk id. Plain HTTP (demo and tests that ask for it)
// has no identity.
struct ClientIdentity
{
    enum class State {
        Plain,   // plain HTTP: no TLS, no identity (ownership is not enforced)
        Missing, // TLS without a client certificate -> 401
        Unknown, // a certificate not issued by the platform's client CA (or without a CN) -> 403
        Verified // issued by the client CA; kioskId is its CN
    };
    State state = State::Plain;
    QString kioskId;
};

// The server side of mutual TLS. The server asks for a client certificate (QueryPeer, so that a kiosk
// without one, or with a foreign one, still completes the handshake and gets a 401/403 it can show),
// and checks it itself against the client CA.
class TlsIdentityCheck
{
public:
    // Loads the server certificate chain, its key and the client CA (PEM files). False + error naming
    // the file otherwise.
    // refuseInHandshake: VerifyPeer instead of QueryPeer: a client without a valid certificate is refused
    // by the handshake itself (the client sees the connection closed, no HTTP answer).
    bool load(const QString &certificateFile, const QString &keyFile, const QString &clientCaFile,
              bool refuseInHandshake, QString *error);
    QSslConfiguration serverConfiguration() const { return m_server; }
    // Thread: the server's thread. socket is a QSslSocket after its handshake, or a plain QTcpSocket.
    ClientIdentity identify(QTcpSocket *socket) const;

private:
    QSslConfiguration m_server;
    QList<QSslCertificate> m_clientCa;
};
