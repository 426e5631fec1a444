#pragma once

#include "HttpRequestParser.h"

#include <QObject>
#include <QTimer>

#include <functional>

class Chaos;
class QTcpSocket;

using HttpHandler = std::function<HttpResponse(const HttpRequest &)>;

// One client connection: reads bytes, parses requests one at a time, answers them in order, keeps the
// connection alive between requests (HTTP/1.1 default) and closes it after a parse error, after
// "Connection: close", or after `idleTimeoutMs` without traffic. While a delayed answer is pending
// (test hook) the following pipelined requests wait in the buffer.
// Thread: the thread of the owning HttpServer (the main thread). Deletes itself when the socket closes.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, const HttpHandler &handler, HttpLimits limits,
                   int idleTimeoutMs, ClientIdentity client, QObject *parent);

    // Faults for /api/v1/ requests (ChaosSpec.h): drawn per request, applied around the handler.
    void setChaos(Chaos *chaos) { m_chaos = chaos; }

signals:
    void closed();

private:
    void onReadyRead();
    void processBuffer();
    void send(const HttpResponse &response, bool keepAlive);
    void closeAfterWrite();
    // True when a fault took over the request (nothing more to do for it).
    bool applyChaosBefore(int fault);
    bool applyChaosAfter(int fault, HttpResponse &response, bool keepAlive);

    QTcpSocket *m_socket;
    HttpHandler m_handler;
    HttpRequestParser m_parser;
    ClientIdentity m_client;
    Chaos *m_chaos = nullptr;
    QByteArray m_buffer;
    QTimer m_idleTimer;
    bool m_waitingForDelayedAnswer = false;
    bool m_closing = false;
};
