#pragma once

#include "UsbDeviceInfo.h"
#include "UsbTransferResult.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <memory>

class UsbContext;

// One opened USB device with one claimed interface, and asynchronous bulk transfers on it.
//
// Threads: create, use and destroy it on one Qt thread (normally the GUI thread) — "the owner's thread".
// open()/close() make brief synchronous system calls (open, claim, release; milliseconds); write()/read()
// only submit and return at once. Transfers complete on the UsbContext event thread and are reported
// with transferFinished() queued to the owner's thread. Every transfer has a timeout.
//
// Every accepted write()/read() reports exactly one transferFinished() for its id — also when it fails
// at once (not open, device gone), when it is cancelled, and when close() cancels it.
class UsbBulkDevice : public QObject
{
    Q_OBJECT

public:
    UsbBulkDevice(UsbContext *context, QObject *parent = nullptr);
    ~UsbBulkDevice() override; // close()

    // Owner's thread. Finds the device by bus/address (and VID:PID when set), opens it, asks libusb to
    // detach a kernel driver (e.g. usblp) while claimed, claims `interfaceNumber`. False with *error
    // naming the step and device: "open 0400:c35a at 001/005: LIBUSB_ERROR_ACCESS (...)".
    bool open(const UsbDeviceInfo &device, int interfaceNumber, QString *error);
    // Owner's thread. Cancels pending transfers, waits (bounded, 2 s) for their callbacks, releases the
    // interface and closes. Cleanup always runs; safe to call when not open. Pending transfers report
    // Cancelled (or NoDevice when the device is gone).
    void close();
    bool isOpen() const;
    // True after the device was unplugged while open (first NoDevice result or UsbContext::deviceLeft).
    bool isGone() const;
    UsbDeviceInfo deviceInfo() const;
    int interfaceNumber() const;

    // Owner's thread. Endpoints of an interface of the open device (from the configuration descriptor),
    // so a driver can find its bulk IN/OUT pair when the device table does not say.
    QList<UsbEndpointInfo> endpoints(int interfaceNumber, QString *error = nullptr) const;

    // Owner's thread. Submit a bulk transfer; returns its id (> 0). timeoutMs must be > 0.
    quint64 write(quint8 endpoint, const QByteArray &data, int timeoutMs);
    quint64 read(quint8 endpoint, int maxLength, int timeoutMs);
    // Owner's thread. Ask libusb to cancel; the transfer still reports (Cancelled, or Completed if it
    // finished first). False if the id is not pending.
    bool cancel(quint64 id);
    void cancelAll();
    int pendingCount() const;
    // Owner's thread; blocking control request (short). Clears a stalled endpoint.
    bool clearHalt(quint8 endpoint, QString *error);

signals:
    void transferFinished(quint64 id, const UsbTransferResult &result);
    // The device was unplugged while open (emitted once). close() it.
    void disconnected();

private:
    struct Private;
    std::unique_ptr<Private> d;
};
