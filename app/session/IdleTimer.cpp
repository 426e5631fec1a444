#include "IdleTimer.h"


IdleTimer::IdleTimer(const Clock &clock, QObject *parent) : QObject(parent), m_clock(clock)
{
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &IdleTimer::check);
}

void IdleTimer::setDurations(qint64 warnAfterMs, qint64 answerMs)
{
    m_warnAfterMs = warnAfterMs;
    m_answerMs = answerMs;
}

void IdleTimer::arm()
{
    m_lastActivityMs = m_clock.nowMs();
    setPhase(Phase::Counting);
    m_tick.start();
}

void IdleTimer::disarm()
{
    m_tick.stop();
    setPhase(Phase::Disarmed);
}

void IdleTimer::activity()
{
    if (m_phase == Phase::Disarmed)
        return;
    m_lastActivityMs = m_clock.nowMs();
    setPhase(Phase::Counting);
}

int IdleTimer::secondsLeftToAnswer() const
{
    if (m_phase != Phase::Warning)
        return 0;
    const qint64 left = m_lastActivityMs + m_warnAfterMs + m_answerMs - m_clock.nowMs();
    return left <= 0 ? 0 : int((left + 999) / 1000);
}

void IdleTimer::check()
{
    if (m_phase == Phase::Disarmed)
        return;
    const qint64 idle = m_clock.nowMs() - m_lastActivityMs;
    if (idle >= m_warnAfterMs + m_answerMs) {
        disarm();
        emit timedOut();
        return;
    }
    if (idle >= m_warnAfterMs)
        setPhase(Phase::Warning);
    const int left = secondsLeftToAnswer();
    if (left != m_lastSecondsLeft) {
        m_lastSecondsLeft = left;
        emit secondsLeftChanged();
    }
}

void IdleTimer::setPhase(Phase phase)
{
    if (phase == m_phase)
        return;
    const Phase old = m_phase;
    m_phase = phase;
    if (phase == Phase::Warning)
        emit warningStarted();
    else if (old == Phase::Warning)
        emit warningCleared();
    m_lastSecondsLeft = secondsLeftToAnswer();
    emit secondsLeftChanged();
}
