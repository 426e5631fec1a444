#pragma once

#include "UsbDeviceModel.h"

#include <QByteArray>
#include <QMutex>

// A trivial device for tests: bytes written to any OUT endpoint come back on IN reads, in order, at most
// `maxLength` per read (so a long answer arrives as several reads of the host's size). Tests can also
// push bytes as if the device produced them, and see everything written. Thread-safe.
class LoopbackUsbModel : public UsbDeviceModel
{
public:
    void bulkOut(quint8 endpoint, const QByteArray &data) override;
    QByteArray bulkIn(quint8 endpoint, int maxLength) override;

    // Any thread.
    void pushIn(const QByteArray &data);
    QByteArray written() const;
    int outTransfers() const;

private:
    mutable QMutex m_mutex;
    QByteArray m_queue;
    QByteArray m_written;
    int m_outTransfers = 0;
};
