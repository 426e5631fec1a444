#include "TcpPrinterLink.h"

#include "EscPosStatus.h"

namespace {

// What went wrong with the socket, in the words of the reasons ("connection refused").
QString describeError(QAbstractSocket::SocketError error, const QString &fallback)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return QStringLiteral("connection refused");
    case QAbstractSocket::RemoteHostClosedError:
        return QStringLiteral("closed by the printer");
    case QAbstractSocket::HostNotFoundError:
        return QStringLiteral("host not found");
    case QAbstractSocket::NetworkError:
        return QStringLiteral("network error");
    default:
        return fallback.toLower();
    }
}

} // namespace

TcpPrinterLink::TcpPrinterLink(const QString &host, quint16 port, QObject *parent)
    : PrinterLink(parent), m_host(host), m_port(port)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        if (m_connecting)
            fail(QStringLiteral("connect"),
                 QStringLiteral("connect %1: no connection within %2 ms").arg(describe()).arg(m_connectMs));
    });
    connect(&m_socket, &QTcpSocket::connected, this, &TcpPrinterLink::onConnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &TcpPrinterLink::onSocketError);
    connect(&m_socket, &QTcpSocket::disconnected, this, &TcpPrinterLink::onDisconnected);
    connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
        const QByteArray data = m_socket.readAll();
        if (m_open)
            emit received(data);
    });
    connect(&m_socket, &QTcpSocket::bytesWritten, this, [this](qint64 written) {
        if (!m_writingJob)
            return; // a status request
        m_jobBytesTaken += written;
        if (m_socket.bytesToWrite() == 0)
            m_writingJob = false;
        emit jobBytesTaken(m_jobBytesTaken);
    });
}

TcpPrinterLink::~TcpPrinterLink()
{
    // The socket is destroyed after this body; nothing it emits while closing may reach this object.
    m_socket.disconnect(this);
    m_socket.abort();
}

QString TcpPrinterLink::describe() const
{
    return QStringLiteral("%1:%2").arg(m_host).arg(m_port);
}

void TcpPrinterLink::open()
{
    close();
    m_connecting = true;
    m_connectTimer.start(m_connectMs);
    m_socket.connectToHost(m_host, m_port);
}

void TcpPrinterLink::close()
{
    m_connecting = false;
    m_open = false; // before abort(): the slots ignore what it emits
    m_writingJob = false;
    m_connectTimer.stop();
    m_socket.abort();
}

void TcpPrinterLink::sendStatusRequest(int n)
{
    m_socket.write(EscPosStatus::request(n));
}

void TcpPrinterLink::sendJob(const QByteArray &bytes)
{
    m_jobBytesTaken = 0;
    m_writingJob = true;
    m_socket.write(bytes);
}

void TcpPrinterLink::onConnected()
{
    if (!m_connecting)
        return;
    m_connecting = false;
    m_connectTimer.stop();
    m_open = true;
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    emit opened();
}

void TcpPrinterLink::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_connecting && !m_open)
        return;
    const QString what = describeError(error, m_socket.errorString());
    if (m_connecting)
        fail(QStringLiteral("connect"), QStringLiteral("connect %1: %2").arg(describe(), what));
    else
        fail(QStringLiteral("connection"), QStringLiteral("connection to %1 lost: %2").arg(describe(), what));
}

void TcpPrinterLink::onDisconnected()
{
    if (!m_connecting && !m_open)
        return;
    fail(QStringLiteral("connection"),
         QStringLiteral("connection to %1 lost: closed by the printer").arg(describe()));
}

void TcpPrinterLink::fail(const QString &operation, const QString &reason)
{
    close();
    emit failed(operation, reason, false);
}
