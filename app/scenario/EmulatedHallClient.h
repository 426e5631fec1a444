#pragma once

#include "HallControl.h"

#include <QLocalSocket>

// The hall of emulated USB devices run by onestop-hall-emulator (tests/hall-emulator): the kiosk reads
// the emulated card and scanner and prints on the emulated printer through its real drivers; this client
// only tells the emulator what happens in the hall (a card placed, a code scanned, paper out).
// Protocol: one JSON object per line each way on a local socket; every request gets
// {"ok": true} or {"ok": false, "error": "..."}. Requests: {"place_card": {...}}, {"remove_card": true},
// {"scan": "text"}, {"plug": "idcard", "plugged": false}, {"paper": "out"}.
// Thread: GUI; each call waits (bounded) for the answer.
class EmulatedHallClient final : public HallControl
{
public:
    explicit EmulatedHallClient(QString socketPath, int timeoutMs = 5000);

    QString describe() const override;
    bool placeCard(const QJsonObject &card, QString *error) override;
    bool removeCard(QString *error) override;
    bool scan(const QString &text, QString *error) override;
    bool setPlugged(const QString &kind, bool plugged, QString *error) override;
    bool setPaper(const QString &state, QString *error) override;

private:
    bool request(const QJsonObject &message, QString *error);

    QString m_socketPath;
    int m_timeoutMs;
    QLocalSocket m_socket;
};
