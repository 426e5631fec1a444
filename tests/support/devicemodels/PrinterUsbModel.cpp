#include "PrinterUsbModel.h"

#include <QMutexLocker>

QByteArray PrinterUsbModel::answersFor(State state)
{
    switch (state) {
    case State::Ready:
        return QByteArray::fromHex("12121212");
    case State::PaperNearEnd:
        return QByteArray::fromHex("1212121e");
    case State::PaperOut:
        return QByteArray::fromHex("1a321272");
    case State::CoverOpen:
        return QByteArray::fromHex("1a161212");
    case State::Offline:
        return QByteArray::fromHex("1a121212");
    }
    return {};
}

void PrinterUsbModel::bulkOut(quint8, const QByteArray &data)
{
    QMutexLocker lock(&m_mutex);
    if (data.size() == 3 && data.at(0) == 0x10 && data.at(1) == 0x04 && data.at(2) >= 1 && data.at(2) <= 4) {
        ++m_statusRequests;
        if (!m_silent)
            m_answers.append(answersFor(m_state).at(data.at(2) - 1));
        return;
    }
    if (m_silentAfterJobData)
        m_silent = true;
    for (char c : data) {
        ++m_jobBytes;
        if (m_paperOutAfter == 0)
            m_state = State::PaperOut;
        if (m_paperOutAfter >= 0)
            --m_paperOutAfter;
        if (m_state == State::Ready || m_state == State::PaperNearEnd)
            m_paper.append(c);
    }
}

QByteArray PrinterUsbModel::bulkIn(quint8, int maxLength)
{
    QMutexLocker lock(&m_mutex);
    const QByteArray out = m_answers.left(maxLength);
    m_answers.remove(0, out.size());
    return out;
}

void PrinterUsbModel::setState(State state)
{
    QMutexLocker lock(&m_mutex);
    m_state = state;
}

void PrinterUsbModel::setPaperOutAfter(int bytes)
{
    QMutexLocker lock(&m_mutex);
    m_paperOutAfter = bytes;
}

void PrinterUsbModel::setSilent(bool silent)
{
    QMutexLocker lock(&m_mutex);
    m_silent = silent;
}

void PrinterUsbModel::setSilentAfterJobData(bool on)
{
    QMutexLocker lock(&m_mutex);
    m_silentAfterJobData = on;
}

QByteArray PrinterUsbModel::paper() const
{
    QMutexLocker lock(&m_mutex);
    return m_paper;
}

int PrinterUsbModel::jobBytesReceived() const
{
    QMutexLocker lock(&m_mutex);
    return m_jobBytes;
}

int PrinterUsbModel::statusRequests() const
{
    QMutexLocker lock(&m_mutex);
    return m_statusRequests;
}
