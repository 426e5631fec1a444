#pragma once

#include "EscPosStatus.h"
#include "ReceiptPrinter.h"

#include <QList>
#include <QTimer>

class PrinterLink;

// How long each step of the conversation may take, and how often to ask and to try again.
struct EscPosPrinterTimings
{
    int statusAnswerMs = 2000; // each DLE EOT answer (from its request)
    int writeStallMs = 10000;  // a job's bytes make no progress for this long
    int statusPollMs = 2000;   // status while idle, so staff see paper out before the next resident; 0: off
    int reopenFirstMs = 1000;  // the first retry after a failure; doubles each time ...
    int reopenMaxMs = 30000;   // ... up to this
};

// The one status and job state machine of every ESC/POS receipt printer, over a PrinterLink (USB bulk,
// TCP 9100, or a scripted link in tests). UsbReceiptPrinter and NetworkReceiptPrinter are this machine
// with their link.
//
//   Closed -> Opening -> QueryingStatus -> Idle -> QueryingStatus (before the job) -> Printing
//     ^                                          -> QueryingStatus (after the job) -> Idle ...
//     '-- reopen: backoff reopenFirstMs doubling to reopenMaxMs, or at once on a hotplug arrival
//         <-- any failure of the link or the protocol
//
// A status round sends DLE EOT 1..4, each after the previous answer, and waits statusAnswerMs for each
// (EscPosStatus parses and combines them). It runs on opening, before and after each job, and every
// statusPollMs while idle. The round before a job decides whether it goes out (a bad one fails it
// NotPrinted with the status reason: "paper out", "cover open", "cutter error", "offline", ...); the round
// after it decides jobCompleted or jobFailed (MayHavePrinted: the paper ran out during the job). A failure
// of the link ("connect 10.0.0.5:9100: connection refused", "0416:5011 unplugged") or of the protocol
// ("status: no answer to DLE EOT 4 within 2000 ms", "write: 812 of 4096 bytes not taken within 10000 ms",
// "status: DLE EOT 1: answer 0x00 is not a status byte ...") closes the link, fails the jobs in hand with
// that reason (classified: MayHavePrinted once a byte was taken or after the job, else NotPrinted), makes
// the printer Unavailable with it, reports it once per outage (errorOccurred) and reopens after a backoff.
//
// Device state: Busy "connecting" until the first round; Ready (paper() NearEnd with reason "paper low");
// Busy "printing" while jobs are in hand; Unavailable with the status reason or the link's.
// Jobs print one at a time in order; jobCompleted / jobFailed exactly once per job, never from inside
// print(). cancel() takes back a job whose bytes have not gone out. Thread: GUI. Job bytes are never
// logged.
class EscPosReceiptPrinter : public ReceiptPrinter
{
    Q_OBJECT

public:
    enum class Phase { Closed, Opening, QueryingStatus, Idle, Printing };
    Q_ENUM(Phase)

    // link: owned (reparented to this printer).
    EscPosReceiptPrinter(const QString &name, int paperWidthMm, PrinterLink *link, QObject *parent = nullptr);
    ~EscPosReceiptPrinter() override;

    bool isSimulated() const override { return false; }
    void start() override;
    // Closes the link; the jobs in hand fail "stopped" (from the event loop).
    void stop() override;
    PaperState paper() const override { return m_paper; }
    void print(const QString &jobId, const QByteArray &escpos) override;
    // A job still waiting, or whose status round before it is running, fails "cancelled" (NotPrinted,
    // from the event loop) and true is returned; a job whose bytes went out finishes (false).
    bool cancel(const QString &jobId) override;

    // Takes effect for the next step; set before start().
    void setTimings(const EscPosPrinterTimings &timings) { m_timings = timings; }
    EscPosPrinterTimings timings() const { return m_timings; }
    Phase machinePhase() const { return m_phase; }
    // The last complete status round (defaults before the first one).
    PrinterStatus lastStatus() const { return m_status; }
    PrinterLink *link() const { return m_link; }

signals:
    void machinePhaseChanged(EscPosReceiptPrinter::Phase phase);

private:
    enum class StatusPurpose { Check, BeforeJob, AfterJob };
    struct Job
    {
        QString id;
        QByteArray bytes;
    };

    void openNow();
    void onOpened();
    void onReceived(const QByteArray &data);
    void onJobBytesTaken(qint64 total);
    void onLinkFailed(const QString &operation, const QString &reason, bool gone);
    void onDeviceArrived();
    void onStepTimeout();
    void onPollTimeout();

    void queryStatus(StatusPurpose purpose);
    void sendStatusRequest();
    void finishStatusRound(const PrinterStatus &status);
    void startNextJobOrIdle();
    void writeJob();
    // Closes the link, fails the jobs in hand, goes Unavailable with reason, schedules a reopen.
    void failed(const QString &operation, const QString &reason, bool gone = false);
    // How the job in hand would fail now (see ReceiptPrinter::JobFailure).
    JobFailure activeJobFailure() const;
    void failAllJobs(const QString &reason, JobFailure activeFailure, bool later);

    void setPhase(Phase phase);
    void updateDeviceState();
    QString unavailableReason() const;

    PrinterLink *m_link;
    EscPosPrinterTimings m_timings;
    QTimer m_stepTimer;   // the current step's timeout (a status answer, a stalled write)
    QTimer m_reopenTimer; // the backoff
    QTimer m_pollTimer;   // the idle status round
    int m_backoffMs = 0;

    bool m_running = false;
    bool m_stopped = false;
    Phase m_phase = Phase::Closed;
    QString m_problem; // why the link is not usable; cleared by a good status round
    bool m_problemReported = false;
    bool m_haveStatus = false;

    StatusPurpose m_purpose = StatusPurpose::Check;
    int m_statusRequest = 0; // the DLE EOT n awaiting its answer
    QByteArray m_answers;
    PrinterStatus m_status;
    PaperState m_paper = PaperState::Ok;

    QList<Job> m_queue; // the first one is in hand when m_jobActive
    bool m_jobActive = false;
    qint64 m_jobBytesTaken = 0; // of the job in hand
};
