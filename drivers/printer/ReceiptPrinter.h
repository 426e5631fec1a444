#pragma once

#include "Device.h"

#include <QByteArray>

// A receipt printer takes a finished ESC/POS byte stream (see escpos/EscPosEncoder.h) as one job.
// Jobs are asynchronous: print() returns at once; jobCompleted or jobFailed follows exactly once per job.
// Paper state is part of the device state: paper out or cover open make the printer Unavailable with a
// reason; paper near end keeps it Ready with paper() == NearEnd and the reason "paper low".
class ReceiptPrinter : public Device
{
    Q_OBJECT
    Q_PROPERTY(PaperState paper READ paper NOTIFY stateChanged)

public:
    enum class PaperState { Ok, NearEnd, Out };
    Q_ENUM(PaperState)

    using Device::Device;

    virtual PaperState paper() const = 0;
    // Paper width in dots (384 for 58 mm, 576 for 80 mm) and characters per line in the font A.
    virtual int paperWidthDots() const = 0;
    virtual int charactersPerLine() const = 0;

    // jobId: the caller's name for the job (the case id of a receipt). Thread: GUI.
    virtual void print(const QString &jobId, const QByteArray &escpos) = 0;

signals:
    void jobCompleted(const QString &jobId);
    void jobFailed(const QString &jobId, const QString &reason);
};
