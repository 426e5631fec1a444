#pragma once

#include "EscPosStatus.h"
#include "ReceiptPrinter.h"

#include <QList>
#include <QTcpSocket>
#include <QTimer>

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

// An ESC/POS receipt printer on the network (raw TCP, port 9100): a ReceiptPrinter over QTcpSocket.
//
// An explicit state machine, every step with a timeout:
//   Disconnected -> Connecting -> QueryingStatus -> Idle -> QueryingStatus (before the job) -> Printing
//   -> QueryingStatus (after the job) -> Idle ...
// A status round sends DLE EOT 1..4 one at a time and waits for each answer (EscPosStatus). The round
// before a job decides whether it prints; the round after it decides jobCompleted (good status) or
// jobFailed (e.g. "paper out": the paper ran out during the job). Any failure of the connection or the
// protocol ("connect 127.0.0.1:9100: connection refused", "status: no answer to DLE EOT 4 within
// 2000 ms") closes the connection, fails the jobs in hand with that reason, makes the printer Unavailable
// with it, and reconnects after a backoff that doubles up to reconnectMaxMs.
//
// Device state: Busy "connecting" until the first status; Ready (paper() NearEnd and reason "paper low"
// when the paper is low); Busy "printing" while jobs are in hand; Unavailable with the status reason
// ("paper out", "cover open", "offline", ...) or the connection's. A job given while disconnected fails
// at once (from the event loop) with the reason the printer is Unavailable.
// Each failure is classified (jobFailureClassified): the status before the job said no, or nothing was
// written yet -> NotPrinted; bytes written, then the status after or the connection failed ->
// MayHavePrinted. ReceiptJobQueue uses it to keep and re-send jobs.
//
// Jobs are printed one at a time in order; jobCompleted / jobFailed exactly once per job, never from
// inside print(). Job bytes are never logged (they hold residents' data).
// Thread: GUI; everything is asynchronous on its event loop (never waitFor*).
class NetworkReceiptPrinter : public ReceiptPrinter
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
    ~NetworkReceiptPrinter() override;

    bool isSimulated() const override { return false; }
    void start() override;
    void stop() override;

    PaperState paper() const override { return m_paper; }
    void print(const QString &jobId, const QByteArray &escpos) override;

    // Takes effect for the next step; set before start().
    void setTimeouts(const NetworkPrinterTimeouts &timeouts) { m_timeouts = timeouts; }
    NetworkPrinterTimeouts timeouts() const { return m_timeouts; }

    Phase phase() const { return m_phase; }
    // The last complete status round (defaults before the first one).
    PrinterStatus lastStatus() const { return m_status; }
    // "host:port", as in the reasons.
    QString address() const;

signals:
    void phaseChanged(NetworkReceiptPrinter::Phase phase);

private:
    enum class StatusPurpose { Check, BeforeJob, AfterJob };
    struct Job
    {
        QString id;
        QByteArray bytes;
    };

    void connectNow();
    void onConnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void onReadyRead();
    void onBytesWritten();
    void onStepTimeout();
    void onPollTimeout();

    void queryStatus(StatusPurpose purpose);
    void sendStatusRequest();
    void finishStatusRound(const PrinterStatus &status);
    void startNextJobOrIdle();
    void writeJob();
    // Closes the connection, fails the jobs in hand, goes Unavailable with reason, schedules a reconnect.
    void connectionFailed(const QString &operation, const QString &reason);

    void setPhase(Phase phase);
    void updateDeviceState();
    QString unavailableReason() const;
    // How the job in hand would have failed now (see ReceiptPrinter::JobFailure).
    JobFailure activeJobFailure() const;
    void failAllJobs(const QString &reason, JobFailure activeFailure, bool later);

    QString m_host;
    quint16 m_port = 0;
    NetworkPrinterTimeouts m_timeouts;

    QTcpSocket m_socket;
    QTimer m_stepTimer;      // the timeout of the current step (connect, status answer, write)
    QTimer m_reconnectTimer; // the backoff
    QTimer m_pollTimer;      // the idle status query
    int m_backoffMs = 0;

    bool m_running = false;
    bool m_stopped = false;
    Phase m_phase = Phase::Disconnected;
    QString m_connectionProblem; // why the connection is not usable; cleared by a good status round
    bool m_problemReported = false;
    bool m_haveStatus = false;

    StatusPurpose m_purpose = StatusPurpose::Check;
    int m_statusRequest = 0; // the DLE EOT n awaiting its answer
    QByteArray m_statusAnswers;
    PrinterStatus m_status;
    PaperState m_paper = PaperState::Ok;

    QList<Job> m_queue; // the first one is in hand when m_jobActive
    bool m_jobActive = false;
    qint64 m_jobBytesWritten = 0; // of the job in hand, taken by the socket
};
