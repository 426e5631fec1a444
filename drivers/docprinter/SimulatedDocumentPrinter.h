#pragma once

#include "DocumentPrinter.h"

#include <QQueue>
#include <QSet>

// A document printer without hardware or CUPS, behind the same interface: it checks that each job is a
// PDF and completes it from the event loop. Knobs for the failure paths: setQueueStopped(reason) (jobs
// fail with it, Unavailable), failNextJob(reason) (aborted while Ready), holdJobs(true) (jobs stay in hand,
// not yet on paper, until released or canceled), and the last document printed (to inspect in tests and
// the simulator).
// Thread: GUI.
class SimulatedDocumentPrinter : public DocumentPrinter
{
    Q_OBJECT

public:
    explicit SimulatedDocumentPrinter(const QString &name, QObject *parent = nullptr);

    bool isSimulated() const override { return true; }
    void start() override;
    void stop() override;
    void print(const QString &requestId, const QString &jobName, const QByteArray &pdf) override;
    void cancel(const QString &requestId) override;
    void refresh() override {}

    // Empty reason: the queue accepts jobs again.
    void setQueueStopped(const QString &reason);
    // The next job is accepted, then aborted with `reason` (the printer failed mid-job); the device stays Ready.
    void failNextJob(const QString &reason) { m_failNextJob = reason; }
    // true: each job's result waits (the job is in hand) until holdJobs(false) or cancel(requestId).
    void holdJobs(bool hold);
    QByteArray lastDocument() const { return m_lastDocument; }
    QString lastJobName() const { return m_lastJobName; }

private:
    void finishLater(const DocumentJobResult &result);
    void deliverLater(DocumentJobResult result);
    void updateDeviceState();

    bool m_running = false;
    QString m_stoppedReason;
    QString m_failNextJob;
    QByteArray m_lastDocument;
    QString m_lastJobName;
    int m_nextJobId = 1;
    QSet<QString> m_pending;  // printed, result not yet delivered
    QSet<QString> m_canceled; // canceled before the result was delivered
    bool m_holding = false;
    QList<DocumentJobResult> m_held; // results held back by holdJobs(true)
};
