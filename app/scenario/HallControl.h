#pragma once

#include <QJsonObject>
#include <QString>

// What a scenario does to the hall's devices: place or take away an ID card, scan a code, change the
// receipt paper, unplug or plug a device. Two halls: the simulators inside the kiosk (SimulatedHall),
// and the emulated USB devices of onestop-hall-emulator, which the kiosk drives through its real drivers
// (EmulatedHallClient). Every call answers true, or false with *error saying what failed.
// Thread: GUI (the scenario runner's).
class HallControl
{
public:
    virtual ~HallControl() = default;
    virtual QString describe() const = 0; // "simulated devices", "emulated hall at /tmp/…/control"
    // card: the keys of a scenario's place_card step (see ScenarioCard.h), or {"sample": N}.
    virtual bool placeCard(const QJsonObject &card, QString *error) = 0;
    virtual bool removeCard(QString *error) = 0;
    virtual bool scan(const QString &text, QString *error) = 0;
    virtual bool setPlugged(const QString &kind, bool plugged, QString *error) = 0;
    virtual bool setPaper(const QString &state, QString *error) = 0; // "ok" | "low" | "out"
};
