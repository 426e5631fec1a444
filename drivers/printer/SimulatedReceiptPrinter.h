#pragma once

#include "EscPosElement.h"
#include "ReceiptPrinter.h"

#include <QList>
#include <QStringList>
#include <QTimer>

// A receipt printer without hardware, for development, the platform simulator and tests. It behaves like
// the real one behind the same interface: jobs take a moment (Busy), paper and cover knobs make it
// Unavailable with the reason a real printer's status bytes give, and each printed job is decoded (and,
// when a paper output directory is set, written there as receipt.bin + receipt.png, then receipt-2.*, ...).
//
// Jobs are processed one at a time in the order given; jobCompleted / jobFailed is emitted exactly once
// per job and never from inside print() (always from the event loop).
// Thread: GUI (a Device lives there); rendering the PNG needs the QGuiApplication.
class SimulatedReceiptPrinter : public ReceiptPrinter
{
    Q_OBJECT

public:
    // paperWidthMm: 58 (384 dots, 32 characters) or 80 (576 dots, 48 characters). Any other width leaves
    // the printer Unavailable with reason "unsupported paper width N mm".
    SimulatedReceiptPrinter(const QString &name, int paperWidthMm, QObject *parent = nullptr);
    ~SimulatedReceiptPrinter() override;

    bool isSimulated() const override { return true; }
    void start() override;
    void stop() override;

    PaperState paper() const override { return m_paper; }
    void print(const QString &jobId, const QByteArray &escpos) override;

    // Knobs: what a person would do to the printer.
    void setPaper(PaperState paper);
    void setCoverOpen(bool open);
    void setPlugged(bool plugged);
    // How long a job keeps the printer Busy (default 50 ms).
    void setPrintDurationMs(int ms) { m_printDurationMs = qMax(0, ms); }
    // Where printed jobs land as files; empty (the default) keeps them in memory only. Numbering starts
    // again at receipt.* for each new directory.
    void setPaperOutputDirectory(const QString &directory);

    // What came out of the printer.
    int jobCount() const { return m_jobCount; }
    QString lastJobId() const { return m_lastJobId; }
    QByteArray lastJobBytes() const { return m_lastJobBytes; }
    EscPosElements lastJobElements() const { return m_lastJobElements; }

private:
    struct Job
    {
        QString id;
        QByteArray bytes;
    };

    // Why the printer cannot print now, from the knobs; empty when it can.
    QString unavailableReason() const;
    void updateState();
    void startNextJob();
    void finishCurrentJob();
    void writePaperFiles(const QString &jobId, const QByteArray &bytes, const EscPosElements &elements,
                         const QStringList &decodeProblems);

    bool m_started = false;
    bool m_stopped = false;
    PaperState m_paper = PaperState::Ok;
    bool m_coverOpen = false;
    bool m_plugged = true;
    int m_printDurationMs = 50;

    QList<Job> m_queue;
    bool m_printing = false;
    QTimer m_jobTimer;

    QString m_paperDirectory;
    int m_filesWritten = 0;
    int m_jobCount = 0;
    QString m_lastJobId;
    QByteArray m_lastJobBytes;
    EscPosElements m_lastJobElements;
};
