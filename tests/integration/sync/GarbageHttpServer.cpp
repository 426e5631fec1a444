#include "GarbageHttpServer.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

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
            static const QRegularExpression lengthField(
                QStringLiteral("(?i)\\r\\ncontent-length:\\s*(\\d+)"));
            const auto match = lengthField.match(QString::fromLatin1(buffer->left(end)));
            const qsizetype length = match.hasMatch() ? match.captured(1).toLongLong() : 0;
            if (buffer->size() < end + 4 + length)
                return;
            ++m_requests;
            m_lastHead = buffer->left(end);
            buffer->clear();
            answer(socket);
        });
    }
}

void GarbageHttpServer::answer(QTcpSocket *socket)
{
    if (m_trickleMs <= 0) {
        socket->write(m_answer);
        if (m_closeAfter)
            socket->disconnectFromHost();
        return;
    }
    auto *timer = new QTimer(socket); // dies with the socket
    socket->write(m_answer.left(m_trickleFrom));
    auto offset = std::make_shared<qsizetype>(std::min(m_trickleFrom, m_answer.size()));
    connect(timer, &QTimer::timeout, socket, [this, socket, timer, offset] {
        if (socket->state() != QAbstractSocket::ConnectedState || *offset >= m_answer.size()) {
            timer->stop();
            if (m_closeAfter && socket->state() == QAbstractSocket::ConnectedState)
                socket->disconnectFromHost();
            return;
        }
        socket->write(m_answer.mid((*offset)++, 1));
    });
    timer->start(m_trickleMs);
}
