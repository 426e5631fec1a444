#include "Backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

Backoff::Backoff(int initialMs, int maxMs, Jitter jitter, RandomSource random)
    : m_initialMs(std::max(1, initialMs)),
      m_maxMs(std::max(m_initialMs, maxMs)),
      m_jitter(jitter),
      m_random(random ? std::move(random) : RandomSource([] { return QRandomGenerator::global()->generateDouble(); }))
{
}

int Backoff::ceilingMs(int failures) const
{
    qint64 ceiling = m_initialMs;
    for (int n = 1; n < failures && ceiling < m_maxMs; ++n)
        ceiling *= 2; // stops doubling once at the cap, so it cannot overflow
    return int(std::min<qint64>(ceiling, m_maxMs));
}

int Backoff::uniform(int low, int high) const
{
    // A broken source outside [0, 1) is clamped rather than trusted.
    const double r = std::clamp(m_random(), 0.0, std::nextafter(1.0, 0.0));
    const qint64 span = qint64(high) - low + 1;
    return int(std::min<qint64>(high, low + qint64(std::floor(r * double(span)))));
}

int Backoff::delayMs(int failures, int previousDelayMs) const
{
    switch (m_jitter) {
    case Jitter::None:
        return ceilingMs(failures);
    case Jitter::Full:
        return uniform(0, ceilingMs(failures));
    case Jitter::Decorrelated: {
        const qint64 previous = previousDelayMs > 0 ? previousDelayMs : m_initialMs;
        const int high = int(std::clamp<qint64>(3 * previous, m_initialMs, m_maxMs));
        return std::min(m_maxMs, uniform(m_initialMs, high));
    }
    }
    return ceilingMs(failures);
}
