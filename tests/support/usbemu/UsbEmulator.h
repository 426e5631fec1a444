#pragma once

#include "EmulatedUsbDeviceSpec.h"
#include "UsbDeviceModel.h"

#include <QString>

#include <memory>

// An in-process USB "bus" for tests, built on umockdev: each added device gets sysfs attributes, udev
// properties and a /dev/bus/usb/BBB/DDD node whose usbfs ioctls (claim, submit/reap/discard URB,
// clear halt, ...) are answered by a UsbDeviceModel. Unmodified libusb (and so drivers/usb) sees a
// real device, with hotplug.
//
// The test binary must run under `umockdev-wrapper` (add_test(... COMMAND umockdev-wrapper
// $<TARGET_FILE:t>)). Construct the emulator BEFORE UsbContext::start() so libusb sees the testbed. Threads:
// the public functions are for the test's thread; models are called on umockdev's worker thread under the
// emulator's lock (see UsbDeviceModel).
class UsbEmulator
{
public:
    UsbEmulator();
    ~UsbEmulator(); // removes every device

    // True when running under umockdev (LD_PRELOAD of libumockdev-preload); otherwise *why explains.
    static bool isAvailable(QString *why = nullptr);

    // Plugs in a device; returns its key "BBB/DDD" (as UsbDeviceInfo::key()), or an empty string with
    // *error set. `model` is not owned and must stay alive until removeDevice() / the destructor.
    QString addDevice(const EmulatedUsbDeviceSpec &spec, UsbDeviceModel *model, QString *error = nullptr);
    // Unplugs it: pending URBs complete with -ENODEV (libusb: NO_DEVICE), further ioctls fail with ENODEV,
    // a "remove" uevent is sent and the sysfs entry removed.
    void removeDevice(const QString &key);

    // Failure knobs. A stalled endpoint completes its URBs with -EPIPE (libusb: STALL) until
    // CLEAR_HALT or setStalled(false).
    void setStalled(const QString &key, quint8 endpoint, bool stalled);
    // Whether the host holds a claim on the interface now (to check that close() released it).
    bool isClaimed(const QString &key, int interfaceNumber) const;
    // Number of URBs submitted and not yet reaped by the host.
    int urbsInFlight(const QString &key) const;
    QString sysfsPath(const QString &key) const;

    // Non-USB-bulk devices in umockdev's own description format (P:/N:/E:/A:/H:/L: lines), e.g. a hidraw
    // node with its HID parent; false with *error when umockdev refuses it.
    bool addFromDescription(const QString &umockdevText, QString *error = nullptr);
    // The device end of an emulated node's stream (umockdev's socket or pty master): bytes written to it
    // are what readers of devNode read. -1 when devNode has no stream.
    int deviceEndFd(const QString &devNode) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
