#pragma once

#include "DocumentPrinter.h"

#include <QQueue>

// A document printer without hardware or CUPS, behind the same interface: it checks that each job is a
// PDF and completes it from the event loop. Knobs for the failure paths: setQueueStopped(reason) (jobs
// fail with it, Unavailable), and the last document printed (to inspect in tests and the simulator).
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
    void refresh() override {}

    // Empty reason: the queue accepts jobs again.
    void setQueueStopped(const QString &reason);
    QByteArray lastDocument() const { return m_lastDocument; }
    QString lastJobName() const { return m_lastJobName; }

private:
    void finishLater(DocumentJobResult result);
    void updateDeviceState();

    bool m_running = false;
    QString m_stoppedReason;
    QByteArray m_lastDocument;
    QString m_lastJobName;
    int m_nextJobId = 1;
};
