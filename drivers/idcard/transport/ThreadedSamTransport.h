#pragma once

#include "SamTransport.h"

class QThread;
class SamWorker;

// A SamTransport whose device lives on a worker object in its own QThread (serial, hidraw): the worker is
// made by createWorker() and moved to a new thread on open(); calls go to it queued (write, discard input)
// and its signals come back queued; a signal from a worker that was closed meanwhile is dropped (each
// open() is a new generation). An open that gets no answer from the worker within openTimeoutMs fails
// ("open: no answer from <description> within 5000 ms"). Closing quits the thread and joins it with a
// bound (joinTimeoutMs, 2 s); a worker stuck in a blocking call is left to finish on its own and logged.
// Exchange timeouts and cancellation are SamTransport's.
// Thread: GUI (the worker runs on its own thread).
class ThreadedSamTransport : public SamTransport
{
    Q_OBJECT

public:
    ~ThreadedSamTransport() override;

    void open() final;

    void setOpenTimeoutMs(int ms) { m_openTimeoutMs = ms; }
    void setJoinTimeoutMs(int ms) { m_joinTimeoutMs = ms; }

protected:
    // threadName: for debuggers and ps ("idcard-serial").
    ThreadedSamTransport(const QString &threadName, QObject *parent);

    // A new worker for the device, not yet opened. Called on the GUI thread by open().
    virtual SamWorker *createWorker() const = 0;

    void sendFrame(const QByteArray &frame) final;
    void abortPending() final;
    void closeDevice() final;

private:
    void stopWorker();

    QString m_threadName;
    QThread *m_thread = nullptr;
    SamWorker *m_worker = nullptr;
    QTimer m_openTimer;
    quint64 m_generation = 0; // signals of a closed worker are dropped
    int m_openTimeoutMs = 5000;
    int m_joinTimeoutMs = 2000;
};
