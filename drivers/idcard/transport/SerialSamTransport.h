#pragma once

#include "SamTransport.h"

class QThread;
class SerialSamWorker;

// SAM frames over a serial port (USB-serial bridges: CH340, PL2303, CP210x), 115200 8N1 by default.
// The port lives on a worker object in its own QThread; calls go there and bytes come back through queued
// connections; closing joins the thread with a bound (2 s). The port is opened by name ("/dev/ttyUSB0" or
// "ttyUSB0"): QSerialPortInfo does not list every port (e.g. an emulated one), so it is never consulted.
// Thread: GUI thread (the worker runs on its own thread).
class SerialSamTransport : public SamTransport
{
    Q_OBJECT

public:
    explicit SerialSamTransport(const QString &portName, qint32 baudRate = 115200, QObject *parent = nullptr);
    ~SerialSamTransport() override;

    QString description() const override;
    void open() override;

protected:
    void sendFrame(const QByteArray &frame) override;
    void abortPending() override;
    void closeDevice() override;

private:
    QString m_portName;
    qint32 m_baudRate;
    QThread *m_thread = nullptr;
    SerialSamWorker *m_worker = nullptr;
    quint64 m_generation = 0; // signals of a closed worker are dropped
};
