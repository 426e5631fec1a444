#include "SerialPortWorker.h"

#include "CodeScanner.h"
#include "ScannerLogging.h"
#include "codec/HidPosReport.h"

#include <QSerialPort>
#include <QTimer>

SerialPortWorker::SerialPortWorker(const QString &portName, qint32 baudRate, int reopenIntervalMs)
    : m_portName(portName), m_baudRate(baudRate), m_reopenIntervalMs(std::max(reopenIntervalMs, 1000)),
      m_framer(CodeScanner::maxPayloadBytes)
{
}

// Worker thread.
void SerialPortWorker::open()
{
    m_closing = false;
    if (!m_reopen) {
        m_reopen = new QTimer(this);
        m_reopen->setSingleShot(true);
        m_reopen->setInterval(m_reopenIntervalMs);
        connect(m_reopen, &QTimer::timeout, this, &SerialPortWorker::open);
    }
    if (!m_port) {
        m_port = new QSerialPort(this);
        m_port->setPortName(m_portName);
        connect(m_port, &QSerialPort::readyRead, this, &SerialPortWorker::onReadyRead);
        connect(m_port, &QSerialPort::errorOccurred, this, [this](QSerialPort::SerialPortError error) {
            if (error == QSerialPort::NoError || !m_port || !m_port->isOpen())
                return;
            if (error == QSerialPort::ResourceError || error == QSerialPort::ReadError ||
                error == QSerialPort::PermissionError || error == QSerialPort::DeviceNotFoundError)
                fail(QStringLiteral("%1: %2").arg(m_portName, m_port->errorString()));
        });
    }
    if (m_port->isOpen())
        return;
    m_framer.clear();
    if (!m_port->open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("cannot open %1: %2").arg(m_portName, m_port->errorString()));
        return;
    }
    // CDC ACM ignores line settings; a real UART scanner needs them.
    m_port->setBaudRate(m_baudRate);
    m_port->setDataBits(QSerialPort::Data8);
    m_port->setParity(QSerialPort::NoParity);
    m_port->setStopBits(QSerialPort::OneStop);
    m_port->setFlowControl(QSerialPort::NoFlowControl);
    qCDebug(lcScanner) << "serial port open:" << m_portName;
    emit opened();
}

// Worker thread.
void SerialPortWorker::close()
{
    m_closing = true;
    if (m_reopen) {
        m_reopen->stop();
        delete m_reopen;
        m_reopen = nullptr;
    }
    if (m_port) {
        m_port->disconnect(this);
        if (m_port->isOpen())
            m_port->close();
        delete m_port;
        m_port = nullptr;
    }
    m_framer.clear();
}

// Worker thread.
void SerialPortWorker::fail(const QString &reason)
{
    if (m_port && m_port->isOpen())
        m_port->close();
    m_framer.clear();
    qCDebug(lcScanner) << "serial port closed:" << reason;
    emit closed(reason);
    if (!m_closing && m_reopen)
        m_reopen->start();
}

// Worker thread.
void SerialPortWorker::onReadyRead()
{
    if (!m_port)
        return;
    const QByteArray chunk = m_port->readAll();
    for (const SerialScan::FramedLine &line : m_framer.feed(chunk)) {
        if (!line.ok()) {
            emit scanError(QStringLiteral("serial %1").arg(line.error));
            continue;
        }
        const HidPos::DecodedPayload decoded = HidPos::decodePayload(line.bytes);
        if (decoded.encoding == HidPos::PayloadEncoding::Undecodable) {
            emit scanError(QStringLiteral("serial payload of %1 bytes is neither UTF-8 nor GB18030; dropped")
                               .arg(line.bytes.size()));
            continue;
        }
        qCDebug(lcScanner) << "serial scan of" << line.bytes.size() << "bytes,"
                           << HidPos::encodingName(decoded.encoding);
        emit scanned(decoded.text);
    }
}
