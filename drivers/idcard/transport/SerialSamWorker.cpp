#include "SerialSamWorker.h"

#include <QSerialPort>

SerialSamWorker::SerialSamWorker(const QString &portName, qint32 baudRate)
    : m_portName(portName), m_baudRate(baudRate)
{
}

SerialSamWorker::~SerialSamWorker()
{
    if (m_port && m_port->isOpen())
        m_port->close();
}

void SerialSamWorker::open()
{
    m_port = new QSerialPort(this);
    m_port->setPortName(m_portName);
    if (!m_port->open(QIODevice::ReadWrite)) {
        emit failed(QStringLiteral("open %1: %2").arg(m_portName, m_port->errorString()));
        return;
    }
    const bool configured = m_port->setBaudRate(m_baudRate) && m_port->setDataBits(QSerialPort::Data8) &&
                            m_port->setParity(QSerialPort::NoParity) &&
                            m_port->setStopBits(QSerialPort::OneStop) &&
                            m_port->setFlowControl(QSerialPort::NoFlowControl);
    if (!configured) {
        const QString error = m_port->errorString();
        m_port->close();
        emit failed(QStringLiteral("configure %1 (%2 8N1): %3").arg(m_portName).arg(m_baudRate).arg(error));
        return;
    }
    m_port->clear();
    connect(m_port, &QSerialPort::readyRead, this, [this] { emit bytesRead(m_port->readAll()); });
    connect(m_port, &QSerialPort::errorOccurred, this, [this](QSerialPort::SerialPortError error) {
        if (error == QSerialPort::NoError)
            return;
        if (error == QSerialPort::ResourceError || error == QSerialPort::PermissionError) {
            const QString reason = QStringLiteral("%1: %2").arg(m_portName, m_port->errorString());
            m_port->close();
            emit failed(reason);
        } else if (error == QSerialPort::WriteError) {
            emit writeFailed(QStringLiteral("write: %1").arg(m_port->errorString()));
        }
        m_port->clearError();
    });
    emit opened();
}

void SerialSamWorker::write(const QByteArray &bytes)
{
    if (!m_port || !m_port->isOpen()) {
        emit writeFailed(QStringLiteral("write: port not open"));
        return;
    }
    if (m_port->write(bytes) != bytes.size())
        emit writeFailed(QStringLiteral("write: %1").arg(m_port->errorString()));
}

void SerialSamWorker::discardInput()
{
    if (m_port && m_port->isOpen()) {
        m_port->clear(QSerialPort::Input);
        m_port->readAll();
    }
}
