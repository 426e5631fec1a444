#include "SamUsbModel.h"

void SamUsbModel::bulkOut(quint8 endpoint, const QByteArray &data)
{
    QMutexLocker lock(&m_mutex);
    // The command bytes CMD PARA: after preamble+LEN in a whole frame; first in the split body.
    const QByteArray cmdPara = (m_split && endpoint == 0x06) ? data.left(2) : data.mid(7, 2);
    if (m_holdFrom >= 0 && cmdPara.size() == 2 &&
        ((quint8(cmdPara.at(0)) << 8) | quint8(cmdPara.at(1))) == m_holdFrom)
        m_held = true;
    if (!m_split) {
        m_answerHead += m_model.feed(data);
        return;
    }
    if (endpoint == 0x02) {
        m_header = data;
        return;
    }
    if (endpoint == 0x06) {
        const QByteArray answer = m_model.respond(m_header + data);
        m_header.clear();
        m_answerHead += answer.left(7);
        m_answerBody += answer.mid(7);
    }
}

QByteArray SamUsbModel::bulkIn(quint8 endpoint, int maxLength)
{
    QMutexLocker lock(&m_mutex);
    if (m_held)
        return {};
    QByteArray &queue = (!m_split || endpoint == 0x81) ? m_answerHead : m_answerBody;
    if (queue.isEmpty())
        return {};
    ++m_inReads;
    const QByteArray out = queue.left(maxLength);
    queue.remove(0, out.size());
    return out;
}

void SamUsbModel::hold(bool held)
{
    QMutexLocker lock(&m_mutex);
    m_held = held;
}

void SamUsbModel::holdFrom(quint8 cmd, quint8 para)
{
    QMutexLocker lock(&m_mutex);
    m_holdFrom = (cmd << 8) | para;
}

int SamUsbModel::inReads() const
{
    QMutexLocker lock(&m_mutex);
    return m_inReads;
}
