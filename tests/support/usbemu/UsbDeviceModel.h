#pragma once

#include <QByteArray>

// The behaviour behind an emulated USB device: what it does with OUT bytes and what it answers on IN.
//
// Thread: called on umockdev's worker thread ("umockdev-testbed-worker"), one call at a time for all
// devices of one UsbEmulator (the emulator holds its lock). If the test also touches the model's state
// from its own thread, guard that state with a mutex in the model.
class UsbDeviceModel
{
public:
    virtual ~UsbDeviceModel() = default;

    // A bulk/interrupt OUT transfer the host submitted (the whole URB at once).
    virtual void bulkOut(quint8 endpoint, const QByteArray &data) = 0;
    // An IN transfer is pending on `endpoint` (address with bit 7 set) for up to maxLength bytes.
    // Return the bytes to complete it with (at most maxLength), or an empty array for "nothing yet": the
    // URB stays pending and is asked again on the host's next reap (about every millisecond).
    virtual QByteArray bulkIn(quint8 endpoint, int maxLength) = 0;
};
