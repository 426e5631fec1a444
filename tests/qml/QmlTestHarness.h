#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

class ManualClock;
class SessionController;
class SimulatorController;
struct Catalog;
struct IdCardData;

// What the QML tests need beyond the controllers' own API: the manual clock, a way back to a clean
// kiosk between tests, and the full personal values of the sample residents (to prove they are masked
// or gone). Registered as the singleton Harness of module OneStop.Test. Thread: GUI.
class QmlTestHarness : public QObject
{
    Q_OBJECT

public:
    QmlTestHarness(ManualClock &clock, SessionController &session, SimulatorController &simulator,
                   const Catalog &catalog, const QVector<IdCardData> &residents, QObject *parent = nullptr);

    // Moves the manual clock on, one second at a time as the real clock would, re-checking the
    // session's timers after each step.
    Q_INVOKABLE void advanceClock(int ms);
    // Ends any session and puts every simulated device back to ready with paper and network down.
    Q_INVOKABLE void reset();
    // The sample resident's name and ID number as on the card (unmasked).
    Q_INVOKABLE QString residentName(int index) const;
    Q_INVOKABLE QString residentIdNumber(int index) const;
    // The ids of the services in the loaded catalog, in catalog order.
    Q_INVOKABLE QStringList serviceIds() const;

private:
    ManualClock &m_clock;
    SessionController &m_session;
    SimulatorController &m_simulator;
    const Catalog &m_catalog;
    const QVector<IdCardData> &m_residents;
};
