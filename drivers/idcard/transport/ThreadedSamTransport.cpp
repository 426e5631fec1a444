#include "ThreadedSamTransport.h"

#include "IdCardLogging.h"
#include "SamWorker.h"

#include <QThread>

ThreadedSamTransport::ThreadedSamTransport(const QString &threadName, QObject *parent)
    : SamTransport(parent), m_threadName(threadName)
{
    m_openTimer.setSingleShot(true);
    connect(&m_openTimer, &QTimer::timeout, this, [this] {
        setClosed(
            QStringLiteral("open: no answer from %1 within %2 ms").arg(description()).arg(m_openTimeoutMs));
    });
}

ThreadedSamTransport::~ThreadedSamTransport()
{
    stopWorker();
}

// Thread: GUI.
void ThreadedSamTransport::open()
{
    stopWorker();
    const quint64 generation = ++m_generation;
    m_worker = createWorker();
    m_thread = new QThread;
    m_thread->setObjectName(m_threadName);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Queued both ways (the worker lives on another thread); a late signal of an old worker is dropped.
    const auto current = [this, generation] { return generation == m_generation; };
    connect(m_worker, &SamWorker::opened, this, [this, current] {
        if (current()) {
            m_openTimer.stop();
            setOpened();
        }
    });
    connect(m_worker, &SamWorker::failed, this, [this, current](const QString &reason) {
        if (current())
            setClosed(reason);
    });
    connect(m_worker, &SamWorker::bytesRead, this, [this, current](const QByteArray &bytes) {
        if (current())
            handleBytes(bytes);
    });
    connect(m_worker, &SamWorker::writeFailed, this, [this, current](const QString &detail) {
        if (current())
            handleIoError(detail);
    });
    m_thread->start();
    if (m_openTimeoutMs > 0)
        m_openTimer.start(m_openTimeoutMs);
    SamWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->open(); }, Qt::QueuedConnection);
}

void ThreadedSamTransport::sendFrame(const QByteArray &frame)
{
    if (SamWorker *worker = m_worker)
        QMetaObject::invokeMethod(
            worker, [worker, frame] { worker->write(frame); }, Qt::QueuedConnection);
}

void ThreadedSamTransport::abortPending()
{
    // The answer that may still come for the abandoned command must not be taken for the next one.
    if (SamWorker *worker = m_worker)
        QMetaObject::invokeMethod(
            worker, [worker] { worker->discardInput(); }, Qt::QueuedConnection);
}

void ThreadedSamTransport::closeDevice()
{
    stopWorker();
}

void ThreadedSamTransport::stopWorker()
{
    ++m_generation;
    m_openTimer.stop();
    if (!m_thread)
        return;
    m_thread->quit(); // the worker (and its device) is deleted on the worker thread as it finishes
    if (!m_thread->wait(QDeadlineTimer(m_joinTimeoutMs))) {
        qCWarning(lcIdCard).noquote()
            << m_threadName << ": worker did not stop within" << m_joinTimeoutMs << "ms; left running";
        m_thread->setParent(nullptr);
        connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    } else {
        delete m_thread;
    }
    m_thread = nullptr;
    m_worker = nullptr;
}
