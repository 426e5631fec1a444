#include "RawHttpClient.h"

#include <QDeadlineTimer>
#include <QHostAddress>

QByteArray RawHttpResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first == name.toLower())
            return h.second;
    return {};
}

bool RawHttpClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    return m_socket.waitForConnected(timeoutMs);
}

void RawHttpClient::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.waitForBytesWritten(5000);
}

std::optional<RawHttpResponse> RawHttpClient::takeResponse()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    RawHttpResponse r;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    r.statusLine = lines.first().trimmed();
    r.status = r.statusLine.split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        r.headers.append({lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed()});
    }
    const qsizetype length = r.header("content-length").toLongLong();
    if (m_buffer.size() < end + 4 + length)
        return std::nullopt;
    r.body = m_buffer.mid(end + 4, length);
    m_buffer.remove(0, end + 4 + length);
    return r;
}

std::optional<RawHttpResponse> RawHttpClient::read(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (true) {
        m_buffer += m_socket.readAll();
        if (auto r = takeResponse())
            return r;
        if (deadline.hasExpired() || m_socket.state() != QAbstractSocket::ConnectedState)
            return std::nullopt;
        m_socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    }
}

bool RawHttpClient::waitClosed(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        m_socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        m_buffer += m_socket.readAll();
    }
    return m_socket.state() != QAbstractSocket::ConnectedState;
}

QByteArray RawHttpClient::request(const QByteArray &method, const QByteArray &target,
                                  const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    if (!body.isEmpty() || method == "PUT" || method == "POST")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

std::optional<RawHttpResponse> rawExchange(quint16 port, const QByteArray &requestBytes)
{
    RawHttpClient client;
    if (!client.connectTo(port))
        return std::nullopt;
    client.send(requestBytes);
    return client.read();
}
