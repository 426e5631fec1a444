#include "GarbageHttpServer.h"

#include <QRegularExpression>
#include <QTcpSocket>

GarbageHttpServer::GarbageHttpServer(QByteArray answer, QObject *parent)
    : QObject(parent), m_answer(std::move(answer))
{
    connect(&m_server, &QTcpServer::newConnection, this, &GarbageHttpServer::onNewConnection);
}

void GarbageHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            static const QRegularExpression lengthField(QStringLiteral("(?i)\\r\\ncontent-length:\\s*(\\d+)"));
            const auto match = lengthField.match(QString::fromLatin1(buffer->left(end)));
            const qsizetype length = match.hasMatch() ? match.captured(1).toLongLong() : 0;
            if (buffer->size() < end + 4 + length)
                return;
            ++m_requests;
            m_lastHead = buffer->left(end);
            buffer->clear();
            socket->write(m_answer);
            socket->disconnectFromHost();
        });
    }
}
