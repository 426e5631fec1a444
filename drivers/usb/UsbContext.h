#pragma once

#include "UsbDeviceInfo.h"

#include <QList>
#include <QObject>

#include <memory>

class UsbBulkDevice;

// The application's one libusb context and its event thread. Construct ONE in the composition root
// (app/main) and pass it by pointer to every USB transport; it is not a singleton.
//
// Threads: the object lives on the GUI thread. start() creates "onestop-usb-events", which runs
// libusb_handle_events_timeout_completed() until stop(); every transfer callback and hotplug callback
// runs there and is handed over to the Qt side with queued calls. deviceArrived / deviceLeft are
// emitted on the thread that owns this object.
class UsbContext : public QObject
{
    Q_OBJECT

public:
    explicit UsbContext(QObject *parent = nullptr);
    ~UsbContext() override; // stop()

    // GUI thread. libusb_init, hotplug registration (when libusb supports it), event thread start.
    // False with *error set ("libusb_init: LIBUSB_ERROR_OTHER (...)") when USB cannot be used at all.
    bool start(QString *error);
    // GUI thread. Closes every UsbBulkDevice still open on this context, deregisters hotplug, stops and
    // joins the event thread (bounded: 3 s; on timeout the context is leaked and a warning logged rather
    // than hang), then libusb_exit. Safe to call twice.
    void stop();
    bool isRunning() const;
    // True when deviceArrived / deviceLeft will be emitted (libusb built with hotplug support).
    bool hasHotplug() const;

    // Any thread. The attached devices now (enumeration from cached descriptors + sysfs strings; no
    // device is opened). Empty when not started.
    QList<UsbDeviceInfo> devices() const;
    // Any thread. Whether this process may open the device node (read+write access to
    // /dev/bus/usb/BBB/DDD); *why says what is missing. Does not open the device.
    static bool canOpen(const UsbDeviceInfo &device, QString *why);

signals:
    // Emitted on the owner's thread, in plug order.
    void deviceArrived(const UsbDeviceInfo &device);
    void deviceLeft(const UsbDeviceInfo &device);

private:
    friend class UsbBulkDevice;
    struct Private;
    std::unique_ptr<Private> d;
};
