#pragma once

#include <functional>

// Capped exponential backoff with jitter, as a pure calculation (no clock, no timers). The formulas are
// those of "Exponential Backoff And Jitter" (AWS Architecture Blog, 2015):
//
//   ceiling(n)      = min(maxMs, initialMs * 2^(n-1))                      n = consecutive failures, n >= 1
//   Full:           delay(n) = uniform integer in [0, ceiling(n)]
//   Decorrelated:   delay(n) = uniform integer in [initialMs, clamp(3 * delay(n-1), initialMs, maxMs)]
//                   with delay(0) = initialMs (pass previousDelayMs <= 0 when there is none)
//   None:           delay(n) = ceiling(n)   (deterministic; for logs and tests)
//
// Full jitter spreads many kiosks reconnecting after an outage best and depends only on n, so it
// survives a restart when n is persisted (SyncClient uses it with n from the outbox). Decorrelated
// jitter never goes below initialMs but needs the previous delay.
// initialMs < 1 is taken as 1; maxMs < initialMs is taken as initialMs.
class Backoff
{
public:
    enum class Jitter { None, Full, Decorrelated };
    // Returns a uniformly distributed double in [0, 1). Default: QRandomGenerator::global().
    using RandomSource = std::function<double()>;

    Backoff(int initialMs, int maxMs, Jitter jitter, RandomSource random = {});

    int ceilingMs(int failures) const;
    int delayMs(int failures, int previousDelayMs = 0) const;

    int initialMs() const { return m_initialMs; }
    int maxMs() const { return m_maxMs; }
    Jitter jitter() const { return m_jitter; }

private:
    int uniform(int low, int high) const; // inclusive

    int m_initialMs;
    int m_maxMs;
    Jitter m_jitter;
    RandomSource m_random;
};
