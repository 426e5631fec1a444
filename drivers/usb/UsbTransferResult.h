#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

// The outcome of one bulk transfer. For a read, `data` holds the bytes received (also on TimedOut /
// Cancelled when some arrived before); for a write, `actualLength` is how many bytes the device took.
struct UsbTransferResult
{
    enum Status { Completed, TimedOut, Cancelled, NoDevice, Stall, Overflow, Error };

    Status status = Error;
    QByteArray data;
    int actualLength = 0;
    // Empty on Completed; otherwise what failed, e.g. "read 0x81 on 001/005: timed out after 500 ms".
    QString errorText;

    bool ok() const { return status == Completed; }
    static QString statusName(Status status);
};
Q_DECLARE_METATYPE(UsbTransferResult)
