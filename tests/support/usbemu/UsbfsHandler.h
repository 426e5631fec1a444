#pragma once

// INTERNAL to onestop_usbemu (includes umockdev/glib).

#include "EmulatedUsbDeviceSpec.h"
#include "UsbDeviceModel.h"

#include <umockdev.h>

#include <QList>
#include <QSet>
#include <QString>

#include <mutex>

// One emulated device's usbfs state, answering the ioctls libusb 1.0.26 issues on the device node.
// Thread: handle() runs on umockdev's worker thread; every member is guarded by *mutex (shared by all
// devices of one emulator) — the emulator takes it for the test-thread knobs.
class UsbfsHandler
{
public:
    UsbfsHandler(std::mutex *mutex, const EmulatedUsbDeviceSpec &spec, UsbDeviceModel *model);
    ~UsbfsHandler();

    // Connects to umockdev's "handle-ioctl" signal; the returned object is what attach_ioctl wants.
    UMockdevIoctlBase *ioctlBase() const { return m_base; }

    // Caller holds *mutex.
    void unplug();
    void setStalled(quint8 endpoint, bool stalled);
    bool isClaimed(int interfaceNumber) const { return m_claimed.contains(interfaceNumber); }
    int urbsInFlight() const { return int(m_urbs.size()); }

private:
    struct Urb
    {
        UMockdevIoctlClient *client = nullptr;
        UMockdevIoctlData *urbData = nullptr;    // our reference until reaped
        UMockdevIoctlData *bufferData = nullptr; // child of urbData, our reference (null for zero length)
        gulong clientAddress = 0;
        quint8 endpoint = 0;
        int length = 0;
        bool done = false;
    };

    static gboolean onIoctl(UMockdevIoctlBase *base, UMockdevIoctlClient *client, gpointer self);
    // Returns true when the client asked to reap and nothing was reapable (caller throttles).
    bool handle(UMockdevIoctlClient *client, bool *handled);
    void submit(UMockdevIoctlClient *client, UMockdevIoctlData *arg);
    bool reap(UMockdevIoctlClient *client, UMockdevIoctlData *arg);
    void discard(UMockdevIoctlClient *client, UMockdevIoctlData *arg);
    void poll();
    void finish(Urb &urb, int status, const QByteArray &inData, int actualLength);
    static void release(Urb &urb);

    std::mutex *m_mutex;
    EmulatedUsbDeviceSpec m_spec;
    UsbDeviceModel *m_model;
    UMockdevIoctlBase *m_base = nullptr;
    bool m_gone = false;
    QSet<int> m_claimed;
    QSet<quint8> m_stalled;
    QList<Urb> m_urbs;
};
