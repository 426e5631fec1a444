#include "PrinterPeer.h"

#include <QHostAddress>

bool PrinterPeer::listen(quint16 port)
{
    connect(&m_server, &QTcpServer::newConnection, this, &PrinterPeer::onNewConnection, Qt::UniqueConnection);
    return m_server.listen(QHostAddress::LocalHost, port);
}

void PrinterPeer::closeAll()
{
    m_server.close();
    for (QTcpSocket *socket : std::as_const(m_sockets)) {
        socket->close();
        socket->deleteLater();
    }
    m_sockets.clear();
}

QByteArray PrinterPeer::answersFor(State state)
{
    switch (state) {
    case State::Ready:
        return QByteArray::fromHex("12121212");
    case State::PaperNearEnd:
        return QByteArray::fromHex("1212121e");
    case State::PaperOut: // offline, stopped by paper end, paper end
        return QByteArray::fromHex("1a321272");
    case State::CoverOpen: // offline, cover open
        return QByteArray::fromHex("1a161212");
    case State::Offline:
        return QByteArray::fromHex("1a121212");
    }
    return QByteArray();
}

void PrinterPeer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++connections;
        m_pending.clear();
        m_sockets.append(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void PrinterPeer::onReadyRead(QTcpSocket *socket)
{
    const QByteArray data = socket->readAll();
    received += data;
    m_pending += data;
    bool jobDataArrived = false;
    while (!m_pending.isEmpty()) {
        if (m_pending.at(0) == 0x10) {
            if (m_pending.size() < 3 && (m_pending.size() < 2 || m_pending.at(1) == 0x04))
                break; // maybe the start of a request: wait for the rest
            const int n = m_pending.size() >= 3 && m_pending.at(1) == 0x04 ? m_pending.at(2) : 0;
            if (n >= 1 && n <= 4) {
                m_pending.remove(0, 3);
                requests.append(n);
                if (malformedAnswer)
                    socket->write(QByteArray(1, char(*malformedAnswer)));
                else if (silentFrom == 0 || n < silentFrom)
                    socket->write(answersFor(state).mid(n - 1, 1));
                continue;
            }
        }
        jobData.append(m_pending.at(0));
        m_pending.remove(0, 1);
        jobDataArrived = true;
        if (stateOnJobData) // at once: a status request right behind the data sees the new state
            state = *stateOnJobData;
    }
    if (jobDataArrived && closeOnJobData) {
        m_sockets.removeAll(socket);
        socket->close();
        socket->deleteLater();
    }
}
