#pragma once

#include "sam/SamFrame.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace Sam {
class FrameAssembler;
}

// One way to carry SAM frames to a reader and back (serial, bulk USB, HID, in memory): an asynchronous
// exchange of one command frame for one response frame, with a timeout and cancellation.
// The base class owns the exchange (timeout, reassembly with Sam::FrameAssembler, error text); a transport
// only moves bytes: sendFrame() out, handleBytes() in, handleIoError()/setClosed() when the device fails.
//
// Thread: the object lives on the GUI thread and every function below runs there. Transports that block do
// their I/O on their own worker and call the protected functions through queued connections.
class SamTransport : public QObject
{
    Q_OBJECT

public:
    explicit SamTransport(QObject *parent = nullptr);
    ~SamTransport() override;

    // What and where, for reasons and logs: "serial /dev/ttyUSB0", "usb 0400:c35a (split pipes)".
    virtual QString description() const = 0;

    // Opens the device without blocking: opened() or closed(reason) follows.
    virtual void open() = 0;
    // Cancels the pending exchange (no signal for it) and releases the device. Idempotent; no signal.
    void close();
    bool isOpen() const { return m_open; }

    // Sends one command frame. Exactly one of responseReceived / exchangeFailed follows, never from inside
    // this call, unless cancel() or close() comes first. One exchange at a time.
    void exchange(const QByteArray &command, int timeoutMs);
    // Drops the pending exchange (no signal) and input that was on its way.
    void cancel();
    bool isBusy() const { return m_busy; }

signals:
    void opened();
    // The transport is unusable (open failed, unplugged, I/O error); the pending exchange is dropped.
    void closed(const QString &reason);
    // A well-formed frame (its SW3 may still be a failure).
    void responseReceived(const Sam::SamResponse &response);
    // No frame: "no answer within 1000 ms", "short frame: 7 bytes, then nothing for 1000 ms",
    // "checksum: expected 0x22, got 0x23", "write: No such device".
    void exchangeFailed(const QString &detail);
    // A device this transport could use was just plugged in (USB hotplug): worth opening now rather than
    // at the next reopen tick. Transports without hotplug never emit it.
    void devicePluggedIn();

protected:
    // The frame goes out; the answer comes back through handleBytes().
    virtual void sendFrame(const QByteArray &frame) = 0;
    // Cancel whatever I/O is pending for the exchange (USB transfers); optional.
    virtual void abortPending() {}
    // Release the device (stop the worker, close the fd). Called by close() and before closed().
    virtual void closeDevice() = 0;

    // Bytes that arrived from the device, in order. Bytes outside an exchange are dropped.
    void handleBytes(const QByteArray &chunk);
    // The pending exchange failed at the transport level (the device is still usable).
    void handleIoError(const QString &detail);
    void setOpened();
    // The device is gone or failed: closes it and emits closed(reason).
    void setClosed(const QString &reason);

private:
    void finish();
    void onTimeout();

    std::unique_ptr<Sam::FrameAssembler> m_assembler;
    QTimer m_timeout;
    bool m_open = false;
    bool m_busy = false;
    int m_timeoutMs = 0;
};
