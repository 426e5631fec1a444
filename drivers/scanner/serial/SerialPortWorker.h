#pragma once

#include "codec/SerialLineFramer.h"

#include <QObject>
#include <QString>

class QSerialPort;
class QTimer;

// Private to SerialScanner: owns the QSerialPort on the worker thread. Every slot runs on the worker
// thread; the signals reach SerialScanner (GUI thread) queued. States: Closed --open() ok--> Open
// --error / unplug--> Closed (reopen timer, at least 1 s) ; close() from any state ends in Closed with the
// port and the timer deleted on this thread.
class SerialPortWorker : public QObject
{
    Q_OBJECT

public:
    SerialPortWorker(const QString &portName, qint32 baudRate, int reopenIntervalMs);

public slots:
    void open();  // worker thread
    void close(); // worker thread; cleanup always runs

signals:
    void opened();
    void closed(const QString &reason);
    void scanned(const QString &text);
    void scanError(const QString &detail);

private:
    void onReadyRead();
    void fail(const QString &reason); // close the port, report, arm the reopen timer

    QString m_portName;
    qint32 m_baudRate;
    int m_reopenIntervalMs;
    QSerialPort *m_port = nullptr;
    QTimer *m_reopen = nullptr;
    SerialScan::SerialLineFramer m_framer;
    bool m_closing = false;
};
