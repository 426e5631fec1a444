#include "LoopbackUsbModel.h"

void LoopbackUsbModel::bulkOut(quint8, const QByteArray &data)
{
    QMutexLocker lock(&m_mutex);
    m_written += data;
    m_queue += data;
    ++m_outTransfers;
}

QByteArray LoopbackUsbModel::bulkIn(quint8, int maxLength)
{
    QMutexLocker lock(&m_mutex);
    const QByteArray chunk = m_queue.left(maxLength);
    m_queue.remove(0, chunk.size());
    return chunk;
}

void LoopbackUsbModel::pushIn(const QByteArray &data)
{
    QMutexLocker lock(&m_mutex);
    m_queue += data;
}

QByteArray LoopbackUsbModel::written() const
{
    QMutexLocker lock(&m_mutex);
    return m_written;
}

int LoopbackUsbModel::outTransfers() const
{
    QMutexLocker lock(&m_mutex);
    return m_outTransfers;
}
