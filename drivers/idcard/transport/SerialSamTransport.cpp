#include "SerialSamTransport.h"

#include "IdCardLogging.h"
#include "SerialSamWorker.h"

#include <QThread>

SerialSamTransport::SerialSamTransport(const QString &portName, qint32 baudRate, QObject *parent)
    : SamTransport(parent), m_portName(portName), m_baudRate(baudRate)
{
    if (!m_portName.contains(QLatin1Char('/')))
        m_portName.prepend(QStringLiteral("/dev/"));
}

SerialSamTransport::~SerialSamTransport()
{
    closeDevice();
}

QString SerialSamTransport::description() const
{
    return QStringLiteral("serial %1").arg(m_portName);
}

void SerialSamTransport::open()
{
    closeDevice();
    const quint64 generation = ++m_generation;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("idcard-serial"));
    m_worker = new SerialSamWorker(m_portName, m_baudRate);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Queued both ways; a signal from a worker that was closed meanwhile is dropped by its generation.
    connect(m_worker, &SerialSamWorker::opened, this, [this, generation] {
        if (generation == m_generation)
            setOpened();
    });
    connect(m_worker, &SerialSamWorker::failed, this, [this, generation](const QString &reason) {
        if (generation == m_generation)
            setClosed(reason);
    });
    connect(m_worker, &SerialSamWorker::bytesRead, this, [this, generation](const QByteArray &bytes) {
        if (generation == m_generation)
            handleBytes(bytes);
    });
    connect(m_worker, &SerialSamWorker::writeFailed, this, [this, generation](const QString &detail) {
        if (generation == m_generation)
            handleIoError(detail);
    });
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &SerialSamWorker::open, Qt::QueuedConnection);
}

void SerialSamTransport::sendFrame(const QByteArray &frame)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, "write", Qt::QueuedConnection, Q_ARG(QByteArray, frame));
}

void SerialSamTransport::abortPending()
{
    // The answer that may still come for the abandoned command must not be taken for the next one.
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &SerialSamWorker::discardInput, Qt::QueuedConnection);
}

void SerialSamTransport::closeDevice()
{
    ++m_generation;
    if (!m_thread)
        return;
    m_thread->quit(); // the worker (and its port) is deleted on the worker thread as it finishes
    if (!m_thread->wait(2000)) {
        qCWarning(lcIdCard).noquote()
            << description() << ": serial worker did not stop within 2 s; left running";
        m_thread->setParent(nullptr);
        connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    } else {
        delete m_thread;
    }
    m_thread = nullptr;
    m_worker = nullptr;
}
