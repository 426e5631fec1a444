#pragma once

#include "ReceiptPrinter.h"

#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QTimer>

// Jobs kept until they print exactly once: a ReceiptPrinter in front of a transport (USB, network,
// simulator) that holds each job until the transport completes it, and re-sends a job that failed because
// of the printer (paper out, cover open, offline, unplugged) ONCE, when the printer is Ready again.
//
// The re-send rule (the transport classifies each failure, see ReceiptPrinter::JobFailure):
//  - NotPrinted (the status before the job was not ready, not connected, no byte accepted): the job is
//    re-sent as it was; the resident gets one receipt.
//  - MayHavePrinted (bytes reached the printer, then paper out / a bad status after / unplug): the job is
//    never re-sent blindly; it is reprinted with a "重打 / REPRINT" line on top, so a second copy is
//    recognisable as such.
//  - Refused (an empty job, an unsupported paper width): fails at once; sending it again cannot help.
// A job is re-sent at most once; if that attempt fails too, or the printer is not Ready within
// maxWaitMs, the job fails for good.
//
// To the caller: jobCompleted or jobFailed exactly once per job (never from inside print()), and
// jobWaiting(id, reason) when a job is held for the printer (the screen can say "waiting for the
// printer: paper out"). Jobs go to the transport one at a time, in order.
// Device state mirrors the transport's. Thread: GUI.
class ReceiptJobQueue : public ReceiptPrinter
{
    Q_OBJECT
    Q_PROPERTY(int waitingJobs READ waitingJobs NOTIFY waitingChanged)

public:
    // transport: not owned (give it a parent); must outlive this object or be destroyed with it.
    explicit ReceiptJobQueue(ReceiptPrinter *transport, QObject *parent = nullptr);
    ~ReceiptJobQueue() override;

    bool isSimulated() const override;
    void start() override;
    // Fails every held job with "stopped" (from the event loop) and stops the transport.
    void stop() override;
    PaperState paper() const override;
    void print(const QString &jobId, const QByteArray &escpos) override;
    // Session end: a job held (waiting for paper, the cover, the printer) or queued is dropped and fails
    // "cancelled" (NotPrinted, from the event loop): it is never printed later into the next resident's
    // hands. A job in the transport's hands is cancelled there if its bytes have not gone out (true);
    // else it finishes as it would (false), but is never re-sent.
    bool cancel(const QString &jobId) override;

    // How long a held job waits for the printer before it fails (default 10 minutes).
    void setMaxWaitMs(int ms);
    int waitingJobs() const;
    ReceiptPrinter *transport() const { return m_transport; }

    // The job with a "重打 / REPRINT" line printed first. Pure.
    static QByteArray withReprintHeader(const QByteArray &escpos);

signals:
    void jobWaiting(const QString &jobId, const QString &reason);
    // A held job went to the printer again; reprint: it carries the REPRINT line.
    void jobResent(const QString &jobId, bool reprint);
    void waitingChanged();

private:
    struct Job
    {
        QString id;
        QByteArray bytes;
        bool sent = false;      // in the transport's hands now
        bool waiting = false;   // failed once, held until the printer is Ready
        bool attempted = false; // given to the transport at least once
        bool resent = false;    // the one re-send was used
        bool mayHavePrinted = false;
        bool cancelled =
            false; // the session ended: never re-sent; fails "cancelled" if the transport drops it
        QString reason;
        QElapsedTimer waitingSince;
    };

    void onTransportCompleted(const QString &jobId);
    void onTransportClassified(const QString &jobId, ReceiptPrinter::JobFailure failure);
    void onTransportFailed(const QString &jobId, const QString &reason);
    void onTransportStateChanged();
    void onWaitCheck();
    void pump();
    void mirrorState();
    void finishHead(bool completed, const QString &reason);

    QPointer<ReceiptPrinter> m_transport;
    QList<Job> m_jobs; // the head is the one sent or waiting
    QString m_classifiedJob;
    JobFailure m_classified = JobFailure::MayHavePrinted; // for m_classifiedJob
    int m_maxWaitMs = 10 * 60 * 1000;
    QTimer m_waitTimer;
    bool m_stopped = false;
    PaperState m_lastPaper = PaperState::Ok;
};
