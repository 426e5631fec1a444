#include "HttpConnection.h"

#include "ChaosSpec.h"

#include <QLoggingCategory>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcChaos, "onestop.platformsim.chaos")

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpHandler &handler,
                               HttpLimits limits, int idleTimeoutMs, ClientIdentity client, QObject *parent)
    : QObject(parent), m_socket(socket), m_handler(handler), m_parser(limits), m_client(std::move(client))
{
    m_socket->setParent(this);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(idleTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (!m_waitingForDelayedAnswer)
            m_socket->abort();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_idleTimer.stop();
        emit closed();
        deleteLater();
    });
    m_idleTimer.start();
    // Bytes may have arrived before the connections above were made.
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

void HttpConnection::onReadyRead()
{
    m_idleTimer.start();
    const QByteArray chunk = m_socket->readAll();
    if (m_closing)
        return; // an error was answered; the rest of the stream is not read
    m_buffer += chunk;
    const auto &limits = m_parser.limits();
    if (m_waitingForDelayedAnswer && m_buffer.size() > limits.maxHeaderBytes + limits.maxBodyBytes) {
        m_socket->abort(); // a client that keeps pipelining while we hold an answer back
        return;
    }
    processBuffer();
}

void HttpConnection::processBuffer()
{
    while (!m_waitingForDelayedAnswer && !m_closing) {
        const auto status = m_parser.parse(m_buffer);
        if (status == HttpRequestParser::Status::NeedMore)
            return;
        if (status == HttpRequestParser::Status::Error) {
            HttpResponse response = HttpResponse::error(
                    m_parser.errorStatus(), m_parser.errorStatus() == 400 ? QStringLiteral("bad_request")
                                                                          : QStringLiteral("unsupported_request"),
                    m_parser.errorMessage());
            response.closeAfter = true;
            send(response, false);
            return;
        }
        HttpRequest request = m_parser.takeRequest();
        request.client = m_client;
        const ChaosFault fault = m_chaos && request.path.startsWith("/api/v1/") ? m_chaos->next() : ChaosFault::None;
        if (fault != ChaosFault::None)
            qCInfo(lcChaos).noquote() << "chaos" << chaosFaultName(fault) << request.method << request.path;
        if (applyChaosBefore(int(fault)))
            return;
        HttpResponse response = m_handler(request);
        const bool keepAlive = request.keepAlive() && !response.closeAfter;
        if (applyChaosAfter(int(fault), response, keepAlive))
            return;
        if (response.delayMs > 0) {
            m_waitingForDelayedAnswer = true;
            QTimer::singleShot(response.delayMs, this, [this, response, keepAlive] {
                m_waitingForDelayedAnswer = false;
                m_idleTimer.start();
                send(response, keepAlive);
                processBuffer();
            });
            return;
        }
        send(response, keepAlive);
    }
}

void HttpConnection::send(const HttpResponse &response, bool keepAlive)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_socket->write(response.serialize(keepAlive));
    if (!keepAlive)
        closeAfterWrite();
}

bool HttpConnection::applyChaosBefore(int fault)
{
    switch (ChaosFault(fault)) {
    case ChaosFault::Drop:
        m_closing = true;
        m_socket->abort();
        return true;
    case ChaosFault::Status500:
    case ChaosFault::Status503: {
        const int status = ChaosFault(fault) == ChaosFault::Status500 ? 500 : 503;
        send(HttpResponse::error(status, QStringLiteral("chaos"), QStringLiteral("injected by chaos mode")), false);
        return true;
    }
    default:
        return false;
    }
}

bool HttpConnection::applyChaosAfter(int fault, HttpResponse &response, bool keepAlive)
{
    // The request was processed (and stored): only its answer suffers.
    switch (ChaosFault(fault)) {
    case ChaosFault::Delay:
        response.delayMs = m_chaos->spec().delayMs;
        return false;
    case ChaosFault::Oversize:
        response.body = "{\"pad\":\"" + QByteArray(m_chaos->spec().oversizeBytes, 'x') + "\"}";
        response.contentType = "application/json";
        return false;
    case ChaosFault::Reset:
        m_closing = true;
        m_socket->abort();
        return true;
    case ChaosFault::Truncate: {
        const QByteArray bytes = response.serialize(keepAlive);
        m_socket->write(bytes.left(bytes.size() / 2));
        closeAfterWrite();
        return true;
    }
    case ChaosFault::Garbage:
        m_socket->write(m_chaos->garbage(200));
        closeAfterWrite();
        return true;
    case ChaosFault::Trickle: {
        const QByteArray bytes = response.serialize(false);
        m_closing = true;
        auto *timer = new QTimer(this);
        auto offset = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, this, [this, timer, bytes, offset] {
            if (m_socket->state() != QAbstractSocket::ConnectedState || *offset >= bytes.size()) {
                timer->stop();
                m_socket->disconnectFromHost();
                return;
            }
            m_socket->write(bytes.mid((*offset)++, 1));
        });
        timer->start(m_chaos->spec().trickleMs);
        return true;
    }
    default:
        return false;
    }
}

void HttpConnection::closeAfterWrite()
{
    m_closing = true;
    m_buffer.clear();
    m_socket->disconnectFromHost(); // flushes what was written, then closes
}
