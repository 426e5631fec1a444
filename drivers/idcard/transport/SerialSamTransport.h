#pragma once

#include "ThreadedSamTransport.h"

// SAM frames over a serial port (USB-serial bridges: CH340, PL2303, CP210x), 115200 8N1 by default.
// The port lives on a SerialSamWorker in its own QThread (ThreadedSamTransport: queued calls both ways,
// bounded join). The port is opened by name ("/dev/ttyUSB0" or "ttyUSB0"): QSerialPortInfo does not list
// every port (e.g. an emulated one), so it is never consulted.
// Thread: GUI thread (the worker runs on its own thread).
class SerialSamTransport : public ThreadedSamTransport
{
    Q_OBJECT

public:
    explicit SerialSamTransport(const QString &portName, qint32 baudRate = 115200, QObject *parent = nullptr);

    QString description() const override;

protected:
    SamWorker *createWorker() const override;

private:
    QString m_portName;
    qint32 m_baudRate;
};
