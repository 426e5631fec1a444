#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QSerialPort;

// The serial port of a SerialSamTransport, on the transport's worker thread. Private to the transport.
// Thread: every function runs on the worker thread (invoked through queued connections).
class SerialSamWorker : public QObject
{
    Q_OBJECT

public:
    SerialSamWorker(const QString &portName, qint32 baudRate);
    ~SerialSamWorker() override; // closes the port, on the worker thread (deleteLater on thread finish)

public slots:
    void open();
    void write(const QByteArray &bytes);
    void discardInput();

signals:
    void opened();
    void failed(const QString &reason); // the port is unusable: open failed, unplugged
    void bytesRead(const QByteArray &bytes);
    void writeFailed(const QString &detail);

private:
    QString m_portName;
    qint32 m_baudRate;
    QSerialPort *m_port = nullptr;
};
