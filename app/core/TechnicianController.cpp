#include "TechnicianController.h"

#include "Clock.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTechnician, "onestop.technician")

TechnicianController::TechnicianController(const TechnicianSettings &settings, const Clock &clock,
                                           std::function<bool()> canOpen, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(clock)
    , m_canOpen(std::move(canOpen))
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &TechnicianController::tick);
}

int TechnicianController::lockSecondsLeft() const
{
    if (m_state != State::Locked)
        return 0;
    return int((m_lockedUntilMs - m_clock.nowMs() + 999) / 1000);
}

void TechnicianController::requestAccess()
{
    if (!isAvailable()) {
        qCInfo(lcTechnician) << "technician view requested, but no technician PIN is configured";
        return;
    }
    if (m_state == State::Locked || m_state == State::Open)
        return;
    if (m_canOpen && !m_canOpen())
        return;
    m_lastTouchMs = m_clock.nowMs();
    setState(State::EnteringPin);
}

void TechnicianController::submitPin(const QString &pin)
{
    if (m_state != State::EnteringPin)
        return;
    m_lastTouchMs = m_clock.nowMs();
    if (m_settings.pin.matches(pin)) {
        m_failures = 0;
        qCInfo(lcTechnician) << "technician view opened";
        setState(State::Open);
        return;
    }
    ++m_failures;
    qCWarning(lcTechnician) << "wrong technician PIN," << attemptsLeft() << "attempts left";
    if (m_failures >= m_settings.maxAttempts) {
        m_lockedUntilMs = m_clock.nowMs() + qint64(m_settings.lockoutSeconds) * 1000;
        qCWarning(lcTechnician) << "technician view locked for" << m_settings.lockoutSeconds << "s";
        setState(State::Locked, tr("Too many wrong PINs. Try again later."));
        return;
    }
    setState(State::EnteringPin, tr("Wrong PIN. %n attempt(s) left.", nullptr, attemptsLeft()));
}

void TechnicianController::cancel()
{
    if (m_state == State::EnteringPin || m_state == State::Open) {
        if (m_state == State::Open)
            qCInfo(lcTechnician) << "technician view closed";
        setState(State::Closed);
    }
}

void TechnicianController::touched()
{
    m_lastTouchMs = m_clock.nowMs();
}

void TechnicianController::tick()
{
    const qint64 now = m_clock.nowMs();
    switch (m_state) {
    case State::Locked:
        if (now >= m_lockedUntilMs) {
            m_failures = 0;
            setState(State::Closed);
        } else {
            emit stateChanged(); // the countdown
        }
        break;
    case State::EnteringPin:
    case State::Open:
        if (now - m_lastTouchMs >= qint64(m_settings.idleSeconds) * 1000) {
            qCInfo(lcTechnician) << "technician view closed after" << m_settings.idleSeconds << "s without a touch";
            setState(State::Closed);
        }
        break;
    case State::Closed:
        break;
    }
}

void TechnicianController::setState(State state, const QString &message)
{
    m_state = state;
    m_message = message;
    if (state == State::Closed)
        m_ticker.stop();
    else if (!m_ticker.isActive())
        m_ticker.start();
    emit stateChanged();
}
