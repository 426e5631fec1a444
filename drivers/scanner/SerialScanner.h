#pragma once

#include "CodeScanner.h"

#include <memory>

// A USB serial scanner (CDC ACM, /dev/ttyACM*) through Qt SerialPort: each scan ends with CR, LF or CRLF
// (SerialScan::SerialLineFramer), payload UTF-8 with a GB18030 fallback, at most
// CodeScanner::maxPayloadBytes (a longer line is rejected with errorOccurred and dropped up to its end).
// Opened by name ("/dev/ttyACM0" or "ttyACM0"); QSerialPortInfo does not list every port, so it is not used.
// Thread: the object lives on the GUI thread; the QSerialPort lives on a worker object in its own thread
// and hands scans, errors and state back with queued signals. Unplug / read error: Unavailable with the
// reason, reopened every reopenIntervalMs (at least 1000) until the port returns. See README.md.
class SerialScanner : public CodeScanner
{
    Q_OBJECT

public:
    explicit SerialScanner(const QString &name, const QString &portName, QObject *parent = nullptr,
                           qint32 baudRate = 9600, int reopenIntervalMs = 1000);
    ~SerialScanner() override;

    bool isSimulated() const override { return false; }
    void start() override; // GUI thread
    void stop() override;  // GUI thread; closes the port on its thread and joins it

    QString portName() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
