#pragma once

#include <QTcpServer>

// A tiny hand-written peer for tests: answers every request (read up to the end of its Content-Length
// body) with `answer` verbatim, e.g. "HTTP/1.1 200 OK" and a non-JSON body, then closes the connection.
class GarbageHttpServer : public QObject
{
    Q_OBJECT
public:
    explicit GarbageHttpServer(QByteArray answer, QObject *parent = nullptr);
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    int requestCount() const { return m_requests; }
    QByteArray lastRequestHead() const { return m_lastHead; }

private:
    void onNewConnection();
    QTcpServer m_server;
    QByteArray m_answer;
    QByteArray m_lastHead;
    int m_requests = 0;
};
