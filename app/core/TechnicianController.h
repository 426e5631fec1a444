#pragma once

#include "SiteConfig.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <QtQml/qqmlregistration.h>

class Clock;

// Who may open the technician view and for how long. The way in is a long press on the attract screen,
// then the PIN from site.json (technician.pin, a PBKDF2 digest). Wrong PINs are counted; after
// max_attempts in a row the view is locked for lockout_seconds. An open view closes itself after
// idle_seconds without a touch, and it can only be opened while nobody is being served.
// Thread: GUI.
class TechnicianController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TechnicianController is made by the application")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool available READ isAvailable CONSTANT)
    Q_PROPERTY(int attemptsLeft READ attemptsLeft NOTIFY stateChanged)
    Q_PROPERTY(int lockSecondsLeft READ lockSecondsLeft NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)

public:
    enum class State { Closed, EnteringPin, Open, Locked };
    Q_ENUM(State)

    // canOpen: asked before the PIN pad opens (the kiosk says "only on the attract screen").
    TechnicianController(const TechnicianSettings &settings, const Clock &clock, std::function<bool()> canOpen,
                         QObject *parent = nullptr);

    State state() const { return m_state; }
    bool isAvailable() const { return m_settings.pin.isSet(); }
    int attemptsLeft() const { return m_settings.maxAttempts - m_failures; }
    int lockSecondsLeft() const;
    QString message() const { return m_message; }

    Q_INVOKABLE void requestAccess();
    Q_INVOKABLE void submitPin(const QString &pin);
    Q_INVOKABLE void cancel();   // closes the PIN pad or the view
    Q_INVOKABLE void touched();  // any touch inside the view keeps it open

public slots:
    void tick(); // once a second: idle close, lock expiry

signals:
    void stateChanged();

private:
    void setState(State state, const QString &message = QString());

    TechnicianSettings m_settings;
    const Clock &m_clock;
    std::function<bool()> m_canOpen;
    State m_state = State::Closed;
    QString m_message;
    int m_failures = 0;
    qint64 m_lockedUntilMs = 0;
    qint64 m_lastTouchMs = 0;
    QTimer m_ticker;
};
