#include "HttpServer.h"

#include <QTcpSocket>

HttpServer::HttpServer(HttpHandler handler, Options options, QObject *parent)
    : QObject(parent), m_handler(std::move(handler)), m_options(options)
{
    m_server.setMaxPendingConnections(m_options.maxConnections);
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::acceptPending);
}

bool HttpServer::listen(quint16 port, QString *error)
{
    if (m_server.listen(QHostAddress::LocalHost, port))
        return true;
    if (error)
        *error = QStringLiteral("listen on 127.0.0.1:%1: %2").arg(port).arg(m_server.errorString());
    return false;
}

void HttpServer::acceptPending()
{
    while (m_connections < m_options.maxConnections && m_server.hasPendingConnections()) {
        QTcpSocket *socket = m_server.nextPendingConnection();
        ++m_connections;
        auto *connection = new HttpConnection(socket, m_handler, m_options.limits, m_options.idleTimeoutMs, this);
        connect(connection, &HttpConnection::closed, this, [this] {
            --m_connections;
            m_server.resumeAccepting();
            acceptPending();
        });
    }
    if (m_connections >= m_options.maxConnections)
        m_server.pauseAccepting();
}
