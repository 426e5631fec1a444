#pragma once

#include "Device.h"

#include <QByteArray>

// A receipt printer takes a finished ESC/POS byte stream (see escpos/EscPosEncoder.h) as one job.
// Jobs are asynchronous: print() returns at once; jobCompleted or jobFailed follows exactly once per job.
// Paper state is part of the device state: paper out or cover open make the printer Unavailable with a
// reason; paper near end keeps it Ready with paper() == NearEnd and the reason "paper low".
class ReceiptPrinter : public Device
{
    Q_OBJECT
    Q_PROPERTY(PaperState paper READ paper NOTIFY stateChanged)

public:
    enum class PaperState { Ok, NearEnd, Out };
    Q_ENUM(PaperState)
    // Why a job failed, as far as the transport knows: NotPrinted = the printer said it could not print
    // before any byte went out (status not ready, not connected, the transfer failed before the printer
    // took a byte); MayHavePrinted = bytes reached the printer (paper ran out mid-job, the status after
    // the job was bad, unplugged mid-transfer); Refused = the job itself is bad (empty, unsupported width):
    // sending it again would fail again. See ReceiptJobQueue.
    enum class JobFailure { NotPrinted, MayHavePrinted, Refused };
    Q_ENUM(JobFailure)

    // paperWidthMm: 58 (384 dots, 32 characters) or 80 (576 dots, 48 characters). Any other width is
    // kept, and a printer with it stays Unavailable with unsupportedWidthReason().
    ReceiptPrinter(const QString &name, int paperWidthMm, QObject *parent = nullptr);

    virtual PaperState paper() const = 0;
    // The paper's geometry, the same for every transport: width in dots and characters per line in font A
    // (12 dots a character).
    int paperWidthMm() const { return m_paperWidthMm; }
    int paperWidthDots() const { return m_paperWidthDots; }
    int charactersPerLine() const { return m_paperWidthDots / 12; }
    bool isPaperWidthSupported() const { return m_paperWidthDots > 0; }
    QString unsupportedWidthReason() const; // "unsupported paper width N mm"
    static int dotsForPaperWidth(int mm);    // 0 when unsupported

    // jobId: the caller's name for the job (the case id of a receipt). Thread: GUI.
    virtual void print(const QString &jobId, const QByteArray &escpos) = 0;
    // Takes back a job whose bytes have not gone to the paper yet: true, and jobFailed(jobId, "cancelled")
    // follows from the event loop (classified NotPrinted). False when the job is unknown or already on the
    // wire (it finishes as it would have). Thread: GUI. The default cannot cancel anything.
    virtual bool cancel(const QString &jobId);

signals:
    void jobCompleted(const QString &jobId);
    void jobFailed(const QString &jobId, const QString &reason);
    // Emitted just before jobFailed by transports that know (network, USB, simulator).
    void jobFailureClassified(const QString &jobId, ReceiptPrinter::JobFailure failure);

protected:
    // jobFailureClassified then jobFailed, now or (later = true) from the event loop.
    void failJob(const QString &jobId, const QString &reason, JobFailure failure, bool later = false);

private:
    int m_paperWidthMm;
    int m_paperWidthDots;
};
