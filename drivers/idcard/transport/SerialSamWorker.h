#pragma once

#include "SamWorker.h"

class QSerialPort;

// The serial port of a SerialSamTransport, on the transport's worker thread. Private to the transport.
// Thread: every function runs on the worker thread (invoked through queued connections).
class SerialSamWorker : public SamWorker
{
    Q_OBJECT

public:
    SerialSamWorker(const QString &portName, qint32 baudRate);
    ~SerialSamWorker() override; // closes the port, on the worker thread (deleteLater on thread finish)

    void open() override;
    void write(const QByteArray &bytes) override;
    void discardInput() override;

private:
    QString m_portName;
    qint32 m_baudRate;
    QSerialPort *m_port = nullptr;
};
