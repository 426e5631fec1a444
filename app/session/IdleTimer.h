#pragma once

#include "Clock.h"

#include <QObject>
#include <QTimer>

// Watches for a resident who walked away. After `warnAfterMs` without activity it raises a warning that
// the resident can answer for `answerMs` (at least 20 s, WCAG 2.2.1); unanswered, it times out.
// check() evaluates the deadlines against the Clock; a QTimer calls it while armed, and tests or the
// scenario runner call it right after advancing a ManualClock. Thread: GUI.
class IdleTimer : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Disarmed, Counting, Warning };
    Q_ENUM(Phase)

    IdleTimer(const Clock &clock, QObject *parent = nullptr);

    void setDurations(qint64 warnAfterMs, qint64 answerMs);
    void arm();     // start counting from now
    void disarm();  // no timeouts (attract screen, while saving)
    void activity(); // the resident did something: back to Counting (also answers a warning)

    Phase phase() const { return m_phase; }
    // Whole seconds left to answer the warning (0 when not warning).
    int secondsLeftToAnswer() const;

public slots:
    void check();

signals:
    void warningStarted();
    void warningCleared();
    void secondsLeftChanged();
    void timedOut();

private:
    void setPhase(Phase phase);

    const Clock &m_clock;
    QTimer m_tick;
    qint64 m_warnAfterMs = 60000;
    qint64 m_answerMs = 30000;
    qint64 m_lastActivityMs = 0;
    int m_lastSecondsLeft = 0;
    Phase m_phase = Phase::Disarmed;
};
