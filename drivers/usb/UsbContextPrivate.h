#pragma once

// INTERNAL to onestop_usb (includes libusb): the context's private part, shared with UsbBulkDevice.

#include "UsbContext.h"

#include <libusb.h>

#include <QHash>
#include <QMutex>
#include <QSet>

#include <atomic>

class QThread;

struct UsbContext::Private
{
    UsbContext *q = nullptr;
    libusb_context *ctx = nullptr;
    QThread *eventThread = nullptr;
    std::atomic_bool stopRequested{false};
    bool hotplugRegistered = false;
    libusb_hotplug_callback_handle hotplugHandle = 0;
    // GUI thread only: what we last knew about each attached device, so deviceLeft carries the strings.
    QHash<QString, UsbDeviceInfo> known;
    // Devices open on this context (closed by stop()). Guarded by openMutex.
    QMutex openMutex;
    QSet<UsbBulkDevice *> openDevices;
    // Arrived devices (referenced) waiting for the GUI thread; stop() unreferences what is left.
    QMutex arrivalMutex;
    QList<libusb_device *> pendingArrivals;

    // Event thread: libusb hotplug callback. Only reads the device descriptor and bus/address (allowed
    // inside the callback) and queues the rest to the GUI thread.
    static int LIBUSB_CALL onHotplug(libusb_context *ctx, libusb_device *device, libusb_hotplug_event event,
                                     void *userData);
    // GUI thread: completes an arrival (config descriptor, sysfs strings) and emits.
    void deliverArrivals();
    void dropPendingArrivals();
    void deliverLeft(UsbDeviceInfo basic);
};
