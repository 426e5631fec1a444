#include "ChaosProxy.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

Q_LOGGING_CATEGORY(lcProxy, "onestop.chaosproxy")

namespace {

QByteArray proxyPage(int status)
{
    const QByteArray body =
        "<html><body><h1>" + QByteArray::number(status) + " from the chaos proxy</h1></body></html>";
    return "HTTP/1.1 " + QByteArray::number(status) +
           (status == 503 ? " Service Unavailable" : " Internal Server Error") +
           "\r\nContent-Type: text/html\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

// One proxied connection: client <-> upstream, with one fault. Deletes itself when either side closes.
class Relay : public QObject
{
public:
    Relay(QTcpSocket *client, const QHostAddress &host, quint16 port, ChaosFault fault, Chaos &chaos,
          QObject *parent)
        : QObject(parent), m_client(client), m_fault(fault), m_chaos(chaos)
    {
        m_client->setParent(this);
        m_upstream = new QTcpSocket(this);
        // Either side gone: both go (an upstream connection left open would hold one of the platform's
        // connection slots until its idle timeout).
        connect(m_client, &QTcpSocket::disconnected, this, &Relay::finish);
        connect(m_client, &QTcpSocket::errorOccurred, this, &Relay::finish);
        connect(m_upstream, &QTcpSocket::disconnected, this, [this] {
            if (m_pendingToClient.isEmpty())
                finish();
            else
                m_upstreamClosed = true;
        });
        connect(m_upstream, &QTcpSocket::errorOccurred, this, [this] {
            if (m_upstream->state() != QAbstractSocket::ConnectedState)
                finish();
        });
        connect(m_client, &QTcpSocket::readyRead, this, [this] { fromClient(m_client->readAll()); });
        connect(m_upstream, &QTcpSocket::connected, this, &Relay::flushUpstream);
        connect(m_upstream, &QTcpSocket::readyRead, this, &Relay::fromUpstream);
        m_timer.setSingleShot(false);
        connect(&m_timer, &QTimer::timeout, this, &Relay::drip);
        m_upstream->connectToHost(host, port);
        if (m_client->bytesAvailable() > 0)
            fromClient(m_client->readAll());
    }

private:
    // TLS record types (RFC 8446, 5.1): a client's first byte tells a TLS connection from plain HTTP.
    static constexpr char tlsHandshakeRecord = 0x16;
    static constexpr char tlsApplicationDataRecord = 0x17;

    void fromClient(const QByteArray &data)
    {
        if (data.isEmpty())
            return;
        if (!m_seenClient) {
            m_seenClient = true;
            m_tls = data.at(0) == tlsHandshakeRecord;
        }
        // Under TLS the handshake passes untouched: faulting each of its flights would draw several faults
        // per request, and a request would almost never get through. The connection's fault waits for the
        // first application data (the first request); each later request after an answer draws anew.
        const bool request = !m_tls || data.at(0) == tlsApplicationDataRecord;
        if (m_tls && !m_armed && request) {
            m_armed = true;
        } else if (m_answered && request) {
            m_toUpstream += data;
            if (!nextRequest())
                return;
            flushUpstream();
            return;
        }
        m_toUpstream += data;
        flushUpstream();
    }

    // Faults apply once the connection carries requests (always for plain HTTP).
    bool faultsArmed() const { return !m_tls || m_armed; }

    void flushUpstream()
    {
        if (m_upstream->state() == QAbstractSocket::ConnectedState && !m_toUpstream.isEmpty())
            m_upstream->write(std::exchange(m_toUpstream, QByteArray()));
    }

    // A new request on a kept-alive connection (the client speaks again after an answer): a new fault.
    // False when the fault ended the connection.
    bool nextRequest()
    {
        m_answered = false;
        m_fault = m_chaos.next();
        if (m_fault != ChaosFault::None)
            qCInfo(lcProxy).noquote() << "request with fault" << chaosFaultName(m_fault);
        if (m_fault == ChaosFault::Drop) {
            m_client->abort();
            finish();
            return false;
        }
        if (m_fault == ChaosFault::Status500 || m_fault == ChaosFault::Status503) {
            m_client->write(proxyPage(m_fault == ChaosFault::Status503 ? 503 : 500));
            closeBoth();
            return false;
        }
        return true;
    }

    void fromUpstream()
    {
        const QByteArray data = m_upstream->readAll();
        if (!faultsArmed()) {
            m_client->write(data); // the TLS handshake
            return;
        }
        m_answered = true;
        switch (m_fault) {
        case ChaosFault::Reset:
            m_client->abort();
            finish();
            return;
        case ChaosFault::Truncate:
            m_client->write(data.left(std::max<qsizetype>(1, data.size() / 2)));
            closeBoth();
            return;
        case ChaosFault::Garbage:
            m_client->write(m_chaos.garbage(int(std::max<qsizetype>(16, data.size()))));
            closeBoth();
            return;
        case ChaosFault::Delay:
            m_pendingToClient += data;
            QTimer::singleShot(m_chaos.spec().delayMs, this, [this] { deliver(); });
            return;
        case ChaosFault::Trickle:
            m_pendingToClient += data;
            if (!m_timer.isActive())
                m_timer.start(m_chaos.spec().trickleMs);
            return;
        case ChaosFault::Oversize:
            m_client->write(data);
            m_client->write(m_chaos.garbage(m_chaos.spec().oversizeBytes));
            m_fault = ChaosFault::None; // once
            return;
        default:
            m_client->write(data);
        }
    }

    void deliver()
    {
        if (m_client->state() == QAbstractSocket::ConnectedState)
            m_client->write(std::exchange(m_pendingToClient, QByteArray()));
        if (m_upstreamClosed)
            finish();
    }

    void drip()
    {
        if (m_pendingToClient.isEmpty() || m_client->state() != QAbstractSocket::ConnectedState) {
            m_timer.stop();
            if (m_upstreamClosed)
                finish();
            return;
        }
        m_client->write(m_pendingToClient.left(1));
        m_pendingToClient.remove(0, 1);
    }

    void closeBoth()
    {
        m_client->disconnectFromHost();
        m_upstream->abort();
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_timer.stop();
        m_client->disconnectFromHost();
        m_upstream->abort();
        deleteLater();
    }

    QTcpSocket *m_client;
    QTcpSocket *m_upstream = nullptr;
    ChaosFault m_fault;
    Chaos &m_chaos;
    QByteArray m_toUpstream;
    QByteArray m_pendingToClient;
    QTimer m_timer;
    bool m_upstreamClosed = false;
    bool m_seenClient = false;
    bool m_tls = false;
    bool m_armed = false;
    bool m_answered = false;
    bool m_finished = false;
};

} // namespace

ChaosProxy::ChaosProxy(QHostAddress upstreamHost, quint16 upstreamPort, QObject *parent)
    : QObject(parent), m_upstreamHost(std::move(upstreamHost)), m_upstreamPort(upstreamPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ChaosProxy::onNewConnection);
}

bool ChaosProxy::listen(quint16 port, QString *error)
{
    if (m_server.listen(QHostAddress::LocalHost, port))
        return true;
    *error = QStringLiteral("listen on 127.0.0.1:%1: %2").arg(port).arg(m_server.errorString());
    return false;
}

void ChaosProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        const ChaosFault fault = m_chaos.next();
        if (fault != ChaosFault::None)
            qCInfo(lcProxy).noquote() << "connection with fault" << chaosFaultName(fault);
        if (fault == ChaosFault::Drop) {
            client->abort();
            client->deleteLater();
            continue;
        }
        if (fault == ChaosFault::Status500 || fault == ChaosFault::Status503) {
            client->write(proxyPage(fault == ChaosFault::Status503 ? 503 : 500));
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            client->disconnectFromHost();
            continue;
        }
        new Relay(client, m_upstreamHost, m_upstreamPort, fault, m_chaos, this);
    }
}
