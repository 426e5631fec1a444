#include "StoreExecutor.h"

#include "CaseStore.h"

#include <QCoreApplication>
#include <QThread>

std::unique_ptr<StoreExecutor> StoreExecutor::startWorker(const Opener &open, QString *error)
{
    std::unique_ptr<StoreExecutor> executor(new StoreExecutor);
    executor->m_thread = new QThread;
    executor->m_thread->setObjectName(QStringLiteral("onestop-store"));
    executor->m_storeContext = new QObject;
    executor->m_storeContext->moveToThread(executor->m_thread);
    executor->m_thread->start();
    // sqlite's connection is made on the thread that will use it (Database.h).
    QString openError;
    executor->runAndWait([&] { executor->m_owned = open(&openError); });
    if (!executor->m_owned) {
        if (error)
            *error = openError;
        return nullptr; // the destructor stops the thread
    }
    executor->m_store = executor->m_owned.get();
    return executor;
}

std::unique_ptr<StoreExecutor> StoreExecutor::onThisThread(CaseStore &store)
{
    std::unique_ptr<StoreExecutor> executor(new StoreExecutor);
    executor->m_storeContext = new QObject;
    executor->m_store = &store;
    return executor;
}

StoreExecutor::~StoreExecutor()
{
    if (m_thread) {
        // Queued after every job already posted: they run, then the store is closed on its own thread.
        QMetaObject::invokeMethod(
            m_storeContext,
            [this] {
                m_owned.reset();
                QThread::currentThread()->quit();
            },
            Qt::QueuedConnection);
        m_thread->wait();
        delete m_thread;
    } else {
        QCoreApplication::sendPostedEvents(m_storeContext, QEvent::MetaCall);
    }
    delete m_storeContext;
}

void StoreExecutor::enqueue(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_storeContext, std::move(task), Qt::QueuedConnection);
}

void StoreExecutor::runAndWait(const std::function<void()> &task)
{
    if (!m_thread) {
        // The jobs posted before this one run first, in order.
        QCoreApplication::sendPostedEvents(m_storeContext, QEvent::MetaCall);
        task();
        return;
    }
    Q_ASSERT_X(QThread::currentThread() != m_thread, "StoreExecutor::wait", "called from the store's thread");
    QMetaObject::invokeMethod(m_storeContext, task, Qt::BlockingQueuedConnection);
}

void StoreExecutor::reply(std::function<void()> task)
{
    QMetaObject::invokeMethod(this, std::move(task), Qt::QueuedConnection);
}
