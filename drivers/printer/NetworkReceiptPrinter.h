#pragma once

#include "EscPosReceiptPrinter.h"

class TcpPrinterLink;

// How long each step of the printer conversation may take, and how often to try again.
struct NetworkPrinterTimeouts
{
    int connectMs = 5000;        // TCP connect
    int statusAnswerMs = 2000;   // each DLE EOT answer
    int writeStallMs = 10000;    // a job's bytes make no progress for this long
    int reconnectFirstMs = 1000; // the first retry after the printer went away; doubles each time ...
    int reconnectMaxMs = 30000;  // ... up to this
    int statusPollMs = 10000;    // status query while idle; 0: only around jobs
};

// An ESC/POS receipt printer on the network (raw TCP, port 9100): the shared status and job state machine
// (EscPosReceiptPrinter: status rounds before and after each job and while idle, classified failures,
// reconnect with backoff) over a TcpPrinterLink. Reasons of the connection: "connect 127.0.0.1:9100:
// connection refused", "connection to 127.0.0.1:9100 lost: closed by the printer".
// Thread: GUI; everything is asynchronous on its event loop (never waitFor*).
class NetworkReceiptPrinter : public EscPosReceiptPrinter
{
    Q_OBJECT

public:
    // The protocol state (not the Device status): Idle = connected, no job in hand.
    enum class Phase { Disconnected, Connecting, QueryingStatus, Idle, Printing };
    Q_ENUM(Phase)

    // paperWidthMm: 58 (384 dots) or 80 (576 dots); any other width leaves the printer Unavailable with
    // reason "unsupported paper width N mm".
    NetworkReceiptPrinter(const QString &name, const QString &host, quint16 port, int paperWidthMm,
                          QObject *parent = nullptr);

    // Takes effect for the next step; set before start().
    void setTimeouts(const NetworkPrinterTimeouts &timeouts);
    NetworkPrinterTimeouts timeouts() const { return m_timeouts; }

    Phase phase() const { return toPhase(machinePhase()); }
    // "host:port", as in the reasons.
    QString address() const;

signals:
    void phaseChanged(NetworkReceiptPrinter::Phase phase);

private:
    static Phase toPhase(EscPosReceiptPrinter::Phase phase);

    TcpPrinterLink *m_tcp;
    NetworkPrinterTimeouts m_timeouts;
};
