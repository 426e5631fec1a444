#include "HttpServer.h"

#include "ClientIdentity.h"

#include <QSslServer>
#include <QTcpSocket>

HttpServer::HttpServer(HttpHandler handler, Options options, QObject *parent)
    : QObject(parent), m_handler(std::move(handler)), m_options(options)
{
    if (m_options.tls) {
        auto server = std::make_unique<QSslServer>();
        server->setSslConfiguration(m_options.tls->serverConfiguration());
        // After the handshake; on newConnection the pending socket is still null.
        connect(server.get(), &QSslServer::pendingConnectionAvailable, this, &HttpServer::acceptPending);
        m_server = std::move(server);
    } else {
        m_server = std::make_unique<QTcpServer>();
        connect(m_server.get(), &QTcpServer::newConnection, this, &HttpServer::acceptPending);
    }
    m_server->setMaxPendingConnections(m_options.maxConnections);
}

bool HttpServer::listen(quint16 port, QString *error)
{
    if (m_server->listen(QHostAddress::LocalHost, port))
        return true;
    if (error)
        *error = QStringLiteral("listen on 127.0.0.1:%1: %2").arg(port).arg(m_server->errorString());
    return false;
}

void HttpServer::acceptPending()
{
    while (m_connections < m_options.maxConnections && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        ++m_connections;
        ClientIdentity client = m_options.tls ? m_options.tls->identify(socket) : ClientIdentity();
        auto *connection = new HttpConnection(socket, m_handler, m_options.limits, m_options.idleTimeoutMs,
                                              std::move(client), this);
        connection->setChaos(m_options.chaos);
        connect(connection, &HttpConnection::closed, this, [this] {
            --m_connections;
            m_server->resumeAccepting();
            acceptPending();
        });
    }
    if (m_connections >= m_options.maxConnections)
        m_server->pauseAccepting();
}
