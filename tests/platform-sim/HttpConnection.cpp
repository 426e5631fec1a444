#include "HttpConnection.h"

#include <QTcpSocket>

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
        const HttpResponse response = m_handler(request);
        const bool keepAlive = request.keepAlive() && !response.closeAfter;
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

void HttpConnection::closeAfterWrite()
{
    m_closing = true;
    m_buffer.clear();
    m_socket->disconnectFromHost(); // flushes what was written, then closes
}
