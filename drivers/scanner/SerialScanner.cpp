#include "SerialScanner.h"

#include "ScannerLogging.h"
#include "serial/SerialPortWorker.h"

#include <QThread>

struct SerialScanner::Private
{
    QString portName;
    qint32 baudRate = 9600;
    int reopenIntervalMs = 1000;
    QThread *thread = nullptr;
    SerialPortWorker *worker = nullptr; // lives on `thread`
};

SerialScanner::SerialScanner(const QString &name, const QString &portName, QObject *parent, qint32 baudRate,
                             int reopenIntervalMs)
    : CodeScanner(QStringLiteral("scanner"), name, parent), d(std::make_unique<Private>())
{
    d->portName = portName.startsWith(QLatin1Char('/')) ? portName : QStringLiteral("/dev/") + portName;
    d->baudRate = baudRate;
    d->reopenIntervalMs = reopenIntervalMs;
}

SerialScanner::~SerialScanner()
{
    stop();
}

QString SerialScanner::portName() const
{
    return d->portName;
}

// GUI thread.
void SerialScanner::start()
{
    if (d->thread)
        return;
    qCDebug(lcScanner) << name() << "starting on" << d->portName;
    d->thread = new QThread(this);
    d->thread->setObjectName(QStringLiteral("scanner-serial"));
    d->worker = new SerialPortWorker(d->portName, d->baudRate, d->reopenIntervalMs);
    d->worker->moveToThread(d->thread);

    // Queued: the worker's signals come from its thread; `this` as context drops them after stop().
    connect(d->worker, &SerialPortWorker::opened, this, [this] { setState(Status::Ready); });
    connect(d->worker, &SerialPortWorker::closed, this,
            [this](const QString &reason) { setState(Status::Unavailable, reason); });
    connect(d->worker, &SerialPortWorker::scanned, this,
            [this](const QString &text) { deliverScan(text, QString()); });
    connect(d->worker, &SerialPortWorker::scanError, this,
            [this](const QString &detail) { reportError(QStringLiteral("scan"), detail); });

    setState(Status::Unavailable, QStringLiteral("opening %1").arg(d->portName));
    d->thread->start();
    QMetaObject::invokeMethod(d->worker, &SerialPortWorker::open, Qt::QueuedConnection);
}

// GUI thread.
void SerialScanner::stop()
{
    if (!d->thread)
        return;
    // Nothing more from this run reaches the GUI thread.
    d->worker->disconnect(this);
    // Close the port and delete it on its own thread, then end the thread.
    QMetaObject::invokeMethod(d->worker, &SerialPortWorker::close, Qt::BlockingQueuedConnection);
    d->thread->quit();
    d->thread->wait();
    delete d->worker; // no thread, no port, no timer left: safe to delete here
    d->worker = nullptr;
    delete d->thread;
    d->thread = nullptr;
    qCDebug(lcScanner) << name() << "stopped";
    setState(Status::Unavailable, QStringLiteral("stopped"));
}
