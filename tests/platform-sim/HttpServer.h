#pragma once

#include "HttpConnection.h"

#include <QTcpServer>

#include <memory>

class Chaos;
class TlsIdentityCheck;

// A small HTTP/1.1 server on 127.0.0.1 (never another interface): one HttpConnection per TCP
// connection, at most `maxConnections` at a time (accepting pauses beyond that). With Options::tls it
// serves HTTPS through QSslServer: a connection is taken after its handshake (pendingConnectionAvailable)
// and every request on it carries the client's identity (ClientIdentity).
// Thread: the thread it was created in (the main thread of platform-sim).
class HttpServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        HttpLimits limits;
        int idleTimeoutMs = 30000;
        int maxConnections = 64;
        const TlsIdentityCheck *tls = nullptr; // HTTPS with mutual TLS (QSslServer) when set
        Chaos *chaos = nullptr;                // faults on /api/v1/ requests (--chaos, /test/chaos)
    };

    HttpServer(HttpHandler handler, Options options, QObject *parent = nullptr);

    // port 0 picks a free port; false + error naming the address when the port cannot be bound.
    bool listen(quint16 port, QString *error);
    quint16 port() const { return m_server->serverPort(); }
    int connectionCount() const { return m_connections; }

private:
    void acceptPending();

    HttpHandler m_handler;
    Options m_options;
    std::unique_ptr<QTcpServer> m_server; // a QSslServer for HTTPS
    int m_connections = 0;
};
