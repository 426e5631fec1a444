#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

// Monotonic milliseconds for session timing. The real clock in the kiosk, a manual one in tests and in
// scenarios (advance_clock), so idle timeouts are tested without waiting.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    SystemClock() { m_timer.start(); }
    qint64 nowMs() const override { return m_timer.elapsed(); }

private:
    QElapsedTimer m_timer;
};

class ManualClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now = 0;
};
