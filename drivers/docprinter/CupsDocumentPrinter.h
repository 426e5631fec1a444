#pragma once

#include "CupsClient.h"
#include "DocumentPrinter.h"

#include <QHash>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

// A DocumentPrinter on a CUPS queue, over libcups (IPP): see CupsClient for the job's state machine.
//
// Threads: this object lives on the GUI thread; every libcups call runs on its own worker thread (one job
// or queue check at a time, in order), and the results come back queued to the GUI thread. print() and
// refresh() never block. A server that goes away is looked for again every recoveryPollMs (the printer
// comes back by itself), and a job it took with it is canceled as soon as it answers again, so that it
// can never print later into another resident's hands. cancel(requestId) cancels one job in hand (the
// session ended before it reached paper). stop() cancels what is in hand (a created job is
// canceled at the server) and the results still arrive, as Canceled. The destructor cancels and joins the
// worker (bounded by the one-second cancel checks of each step).
class CupsDocumentPrinter : public DocumentPrinter
{
    Q_OBJECT

public:
    CupsDocumentPrinter(const QString &name, const CupsPrinterSettings &settings, QObject *parent = nullptr);
    ~CupsDocumentPrinter() override;

    bool isSimulated() const override { return false; }
    void start() override;
    void stop() override;
    void print(const QString &requestId, const QString &jobName, const QByteArray &pdf) override;
    void cancel(const QString &requestId) override;
    void refresh() override;

    CupsPrinterSettings settings() const { return m_settings; }
    int jobsInHand() const { return m_jobsInHand; }

private:
    void queueStateArrived(const CupsQueueState &state);
    void cancelOrphans();
    void jobArrived(const DocumentJobResult &result);
    void updateDeviceState();

    CupsPrinterSettings m_settings;
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread; the context of the calls run there
    std::shared_ptr<std::atomic_bool> m_cancel; // queue checks; stop() and the destructor set it
    // Each job in hand has its own cancel flag (cancel(requestId)); stop() and the destructor set them all.
    QHash<QString, std::shared_ptr<std::atomic_bool>> m_jobCancels;
    QTimer m_pollTimer;
    QTimer m_recoveryTimer; // while the server is unreachable: look again every recoveryPollMs
    QSet<int> m_orphanJobs; // created, then lost with the server: canceled when it answers again
    bool m_cancelingOrphans = false;
    bool m_running = false;
    bool m_checkPending = false;
    bool m_recheck = false;
    int m_jobsInHand = 0;
    CupsQueueState m_queueState;
    bool m_haveQueueState = false;
};
