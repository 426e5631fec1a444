#pragma once

#include <QLocalServer>
#include <QVector>

#include "IdCardData.h"

class HallEmulator;
class QLocalSocket;

// The emulator's side of the hall protocol (app/scenario/EmulatedHallClient.h): one JSON object per line,
// one answer line per request. A sample resident is placed with {"place_card": {"sample": N}}.
// Thread: the owner's event loop.
class HallControlServer : public QObject
{
    Q_OBJECT

public:
    HallControlServer(HallEmulator &hall, QVector<IdCardData> residents, QObject *parent = nullptr);
    bool listen(const QString &path, QString *error);

signals:
    void requestHandled(const QString &what); // for the emulator's log: never personal data

private:
    void onConnection();
    QByteArray handle(const QByteArray &line);

    HallEmulator &m_hall;
    QVector<IdCardData> m_residents;
    QLocalServer m_server;
};
