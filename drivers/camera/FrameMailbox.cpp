#include "FrameMailbox.h"

#include <QMutexLocker>

FrameMailbox::FrameMailbox(const QString &name)
    : m_name(name)
{
}

void FrameMailbox::offer(const QImage &frame, quint64 sequence)
{
    std::function<void()> wakeUp;
    {
        QMutexLocker lock(&m_mutex);
        ++m_offered;
        if (m_full)
            ++m_dropped;
        else
            wakeUp = m_wakeUp;
        m_frame = frame;
        m_sequence = sequence;
        m_full = true;
        m_arrived.wakeAll();
    }
    if (wakeUp)
        wakeUp();
}

void FrameMailbox::setWakeUp(std::function<void()> wakeUp)
{
    QMutexLocker lock(&m_mutex);
    m_wakeUp = std::move(wakeUp);
}

bool FrameMailbox::take(QImage *frame, quint64 *sequence)
{
    QMutexLocker lock(&m_mutex);
    if (!m_full)
        return false;
    *frame = std::move(m_frame);
    m_frame = QImage();
    if (sequence)
        *sequence = m_sequence;
    m_full = false;
    ++m_delivered;
    return true;
}

bool FrameMailbox::waitForFrame(int timeoutMs)
{
    QMutexLocker lock(&m_mutex);
    if (!m_full && !m_interrupted)
        m_arrived.wait(&m_mutex, QDeadlineTimer(timeoutMs));
    const bool ready = m_full && !m_interrupted;
    return ready;
}

void FrameMailbox::interrupt()
{
    QMutexLocker lock(&m_mutex);
    m_interrupted = true;
    m_arrived.wakeAll();
}

quint64 FrameMailbox::offered() const
{
    QMutexLocker lock(&m_mutex);
    return m_offered;
}

quint64 FrameMailbox::delivered() const
{
    QMutexLocker lock(&m_mutex);
    return m_delivered;
}

quint64 FrameMailbox::dropped() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}
