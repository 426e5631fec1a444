#include "SerialSamTransport.h"

#include "SerialSamWorker.h"

SerialSamTransport::SerialSamTransport(const QString &portName, qint32 baudRate, QObject *parent)
    : ThreadedSamTransport(QStringLiteral("idcard-serial"), parent), m_portName(portName),
      m_baudRate(baudRate)
{
    if (!m_portName.contains(QLatin1Char('/')))
        m_portName.prepend(QStringLiteral("/dev/"));
}

QString SerialSamTransport::description() const
{
    return QStringLiteral("serial %1").arg(m_portName);
}

SamWorker *SerialSamTransport::createWorker() const
{
    return new SerialSamWorker(m_portName, m_baudRate);
}
