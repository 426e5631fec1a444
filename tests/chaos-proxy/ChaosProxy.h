#pragma once

#include "ChaosSpec.h"

#include <QHostAddress>
#include <QTcpServer>

// A TCP proxy on 127.0.0.1 in front of any platform (plain HTTP or TLS: it never looks inside the bytes),
// with the chaos faults at the TCP level, one fault drawn per accepted connection and again for each new
// request on a kept-alive connection (the client sending after an answer):
//   drop      the client's connection is closed at once, nothing reaches the upstream
//   delay     the upstream's bytes reach the client delay_ms late
//   500/503   the proxy answers "HTTP/1.1 <status>" itself (an HTML page, as a real proxy) and closes
//   reset     the request reaches the upstream; the connection is reset when its answer begins
//   truncate  half of the upstream's first chunk reaches the client, then the connection closes
//   garbage   random bytes instead of the upstream's answer, then close
//   trickle   the upstream's bytes reach the client one byte every trickle_ms
//   oversize  the upstream's answer, then oversize_bytes of junk on the same connection
// Thread: the thread it was created in.
class ChaosProxy : public QObject
{
    Q_OBJECT
public:
    ChaosProxy(QHostAddress upstreamHost, quint16 upstreamPort, QObject *parent = nullptr);
    bool listen(quint16 port, QString *error);
    quint16 port() const { return m_server.serverPort(); }
    void setSpec(const ChaosSpec &spec) { m_chaos.setSpec(spec); }

private:
    void onNewConnection();

    QHostAddress m_upstreamHost;
    quint16 m_upstreamPort;
    QTcpServer m_server;
    Chaos m_chaos;
};
