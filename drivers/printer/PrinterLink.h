#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

// The byte pipe under an ESC/POS receipt printer: USB bulk OUT + IN (UsbPrinterLink), raw TCP port 9100
// (TcpPrinterLink), or a scripted link in tests. It only moves bytes; the protocol (DLE EOT status rounds,
// jobs, timeouts of each step, reopening) is EscPosReceiptPrinter's, the same for every link.
//
// Contract:
//  - open() ends in opened() or failed(), possibly from inside the call (USB opens at once).
//  - sendStatusRequest(n) writes DLE EOT n; the answer comes back through received() (TCP may deliver
//    several answers in one chunk; USB delivers one byte per request).
//  - sendJob(bytes) writes a job; jobBytesTaken(total) reports progress (the total the device took so
//    far); the job is on the device when total == bytes.size().
//  - failed(operation, reason, gone): the link is unusable; operation is "connect", "connection", "open"
//    or, empty, the step in progress ("read status", "print receipt"); gone: the device went away
//    (unplugged), so a hotplug arrival is worth a reopen.
//  - close() cancels whatever is in flight and releases the device; no signal follows until open().
// Every transfer that can hang is bounded by the caller's step timeout (and, where the API wants one, by
// the link's own transfer timeout as a backstop). Job bytes are never logged.
// Thread: GUI; a link with a worker thread (libusb) delivers its signals queued to the GUI thread.
class PrinterLink : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Where the printer is, as in the reasons: "127.0.0.1:9100", "0416:5011 at 001/005".
    virtual QString describe() const = 0;
    virtual void open() = 0;
    virtual void close() = 0;
    virtual void sendStatusRequest(int n) = 0;
    virtual void sendJob(const QByteArray &bytes) = 0;

signals:
    void opened();
    void received(const QByteArray &bytes);
    void jobBytesTaken(qint64 total);
    void failed(const QString &operation, const QString &reason, bool gone);
    // A device this link could use was just plugged in (USB hotplug): worth opening now.
    void deviceArrived();
};
