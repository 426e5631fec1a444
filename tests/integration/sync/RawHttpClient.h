#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTcpSocket>

#include <optional>

struct RawHttpResponse
{
    int status = 0;
    QByteArray statusLine;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-case
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
};

// A deliberately dumb HTTP/1.1 client over one QTcpSocket, for sending exactly the bytes a test wants
// (malformed requests, pipelining) and reading answers framed by Content-Length. Blocking, loopback only.
class RawHttpClient
{
public:
    bool connectTo(quint16 port, int timeoutMs = 5000);
    void send(const QByteArray &bytes);
    // One complete response, or empty after timeoutMs or when the connection closed first.
    std::optional<RawHttpResponse> read(int timeoutMs = 5000);
    // True once the server closed the connection (within timeoutMs).
    bool waitClosed(int timeoutMs = 5000);

    // A well-formed request with Host and Content-Length.
    static QByteArray request(const QByteArray &method, const QByteArray &target,
                              const QList<QPair<QByteArray, QByteArray>> &headers = {},
                              const QByteArray &body = QByteArray());

private:
    std::optional<RawHttpResponse> takeResponse();
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// One request on a fresh connection, one answer.
std::optional<RawHttpResponse> rawExchange(quint16 port, const QByteArray &requestBytes);
