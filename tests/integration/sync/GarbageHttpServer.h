#pragma once

#include <QTcpServer>

// A tiny hand-written peer for tests: answers every request (read up to the end of its Content-Length
// body) with `answer` verbatim, e.g. "HTTP/1.1 200 OK" and a non-JSON body, then closes the connection.
// With trickleMs > 0 the answer goes out one byte every trickleMs (a server that holds a client with a
// slow drip of bytes); with closeAfter false the connection stays open after the answer (a truncated
// answer whose Content-Length promises more).
class GarbageHttpServer : public QObject
{
    Q_OBJECT
public:
    explicit GarbageHttpServer(QByteArray answer, QObject *parent = nullptr);
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    int requestCount() const { return m_requests; }
    QByteArray lastRequestHead() const { return m_lastHead; }
    // The first `fromOffset` bytes go at once, then one byte every intervalMs.
    void setTrickle(int intervalMs, qsizetype fromOffset = 0)
    {
        m_trickleMs = intervalMs;
        m_trickleFrom = fromOffset;
    }
    void setCloseAfter(bool close) { m_closeAfter = close; }

private:
    void onNewConnection();
    void answer(class QTcpSocket *socket);
    QTcpServer m_server;
    QByteArray m_answer;
    QByteArray m_lastHead;
    int m_requests = 0;
    int m_trickleMs = 0;
    qsizetype m_trickleFrom = 0;
    bool m_closeAfter = true;
};
