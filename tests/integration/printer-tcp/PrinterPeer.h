#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

#include <optional>

// A network receipt printer for tests: a QTcpServer on loopback that records what it receives and answers
// DLE EOT 1..4 (10 04 n) from a scripted state. Everything else it receives is job data.
// Limit: a 10 04 0n inside job data would be taken for a status request (the test jobs have none).
// Thread: the test's (GUI) thread.
class PrinterPeer : public QObject
{
    Q_OBJECT

public:
    enum class State { Ready, PaperNearEnd, PaperOut, CoverOpen, Offline };

    // port 0: any free port.
    bool listen(quint16 port = 0);
    quint16 port() const { return m_server.serverPort(); }
    // Closes the listener and every connection (the printer "goes away").
    void closeAll();

    // The script.
    State state = State::Ready;
    std::optional<State> stateOnJobData;          // becomes the state when job data arrives ("paper ran out")
    int silentFrom = 0;                           // n > 0: DLE EOT n and later get no answer
    std::optional<unsigned char> malformedAnswer; // answer every request with this byte
    bool closeOnJobData = false;                  // close the connection when job data arrives

    // What came in.
    QByteArray received; // every byte, status requests included
    QByteArray jobData;  // every byte that is not a status request
    QList<int> requests; // the n of each DLE EOT n, in order
    int connections = 0;

    static QByteArray answersFor(State state); // the four answer bytes, DLE EOT 1..4

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    QList<QTcpSocket *> m_sockets;
    QByteArray m_pending; // bytes that may start a status request not complete yet
};
