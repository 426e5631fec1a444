#pragma once

#include "HallControl.h"

class SimulatorController;

// The hall of simulators inside the kiosk process (--devices simulated), through the same
// SimulatorController the simulator panel uses.
class SimulatedHall final : public HallControl
{
public:
    explicit SimulatedHall(SimulatorController &simulator) : m_simulator(simulator) {}

    QString describe() const override { return QStringLiteral("simulated devices"); }
    bool placeCard(const QJsonObject &card, QString *error) override;
    bool removeCard(QString *error) override;
    bool scan(const QString &text, QString *error) override;
    bool setPlugged(const QString &kind, bool plugged, QString *error) override;
    bool setPaper(const QString &state, QString *error) override;

private:
    SimulatorController &m_simulator;
};
