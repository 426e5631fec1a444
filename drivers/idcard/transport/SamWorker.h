#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

// The device end of a ThreadedSamTransport (a serial port, a hidraw node), living on the transport's
// worker thread. Private to the transports. A worker opens, writes and drops input when asked, and
// reports back through its signals; the transport receives them queued on the GUI thread.
// Thread: every function runs on the worker thread (invoked through queued calls); the destructor too
// (deleteLater when the thread finishes), so it closes the device there.
class SamWorker : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Ends in opened() or failed(reason).
    virtual void open() = 0;
    // Failures: writeFailed(detail) ("write: port not open", "write: 12 of 64 bytes").
    virtual void write(const QByteArray &bytes) = 0;
    // Drops what arrived and what is buffered (the answer to an abandoned command).
    virtual void discardInput() = 0;

signals:
    void opened();
    void failed(const QString &reason); // the device is unusable: open failed, unplugged
    void bytesRead(const QByteArray &bytes);
    void writeFailed(const QString &detail);
};
