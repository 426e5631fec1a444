#include "HidSamTransport.h"

#include "HidSamWorker.h"
#include "IdCardLogging.h"

#include <QThread>

HidSamTransport::HidSamTransport(const QString &devicePath, const Layout &layout, QObject *parent)
    : SamTransport(parent), m_path(devicePath), m_layout(layout)
{
    if (m_layout.reportSize < 2)
        m_layout.reportSize = 2;
    if (m_layout.reportSize > 256)
        m_layout.reportSize = 256; // the length byte counts up to 255
}

HidSamTransport::HidSamTransport(const QString &devicePath, QObject *parent)
    : HidSamTransport(devicePath, Layout(), parent)
{
}

HidSamTransport::~HidSamTransport()
{
    closeDevice();
}

QString HidSamTransport::description() const
{
    return QStringLiteral("hidraw %1").arg(m_path);
}

QList<QByteArray> HidSamTransport::writeReports(const QByteArray &frame, const Layout &layout)
{
    QList<QByteArray> reports;
    const int perReport = layout.reportSize - 1;
    for (int i = 0; i < frame.size(); i += perReport) {
        const QByteArray part = frame.mid(i, perReport);
        QByteArray report;
        report.append(char(layout.reportId)).append(char(part.size())).append(part);
        report.append(QByteArray(1 + layout.reportSize - report.size(), '\0'));
        reports.append(report);
    }
    return reports;
}

void HidSamTransport::open()
{
    closeDevice();
    const quint64 generation = ++m_generation;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("idcard-hid"));
    m_worker = new HidSamWorker(m_path, m_layout);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &HidSamWorker::opened, this, [this, generation] {
        if (generation == m_generation)
            setOpened();
    });
    connect(m_worker, &HidSamWorker::failed, this, [this, generation](const QString &reason) {
        if (generation == m_generation)
            setClosed(reason);
    });
    connect(m_worker, &HidSamWorker::bytesRead, this, [this, generation](const QByteArray &bytes) {
        if (generation == m_generation)
            handleBytes(bytes);
    });
    connect(m_worker, &HidSamWorker::writeFailed, this, [this, generation](const QString &detail) {
        if (generation == m_generation)
            handleIoError(detail);
    });
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &HidSamWorker::open, Qt::QueuedConnection);
}

void HidSamTransport::sendFrame(const QByteArray &frame)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, "write", Qt::QueuedConnection, Q_ARG(QByteArray, frame));
}

void HidSamTransport::abortPending()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &HidSamWorker::discardInput, Qt::QueuedConnection);
}

void HidSamTransport::closeDevice()
{
    ++m_generation;
    if (!m_thread)
        return;
    m_thread->quit();
    if (!m_thread->wait(2000)) {
        qCWarning(lcIdCard).noquote()
            << description() << ": HID worker did not stop within 2 s; left running";
        m_thread->setParent(nullptr);
        connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    } else {
        delete m_thread;
    }
    m_thread = nullptr;
    m_worker = nullptr;
}
