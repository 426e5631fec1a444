#pragma once

#include "IdCardData.h"

#include <QObject>
#include <QVariantList>
#include <QVector>
#include <QtQml/qqmlregistration.h>

class SimulatedCamera;
class SimulatedCodeScanner;
class SimulatedIdCardReader;
class SimulatedReceiptPrinter;
class SyncMonitor;

// The knobs of the demo's simulated hall: place a sample resident's card, scan a code, change the paper,
// unplug a device, cut the network. Used by the simulator panel and by the scenario runner. Only exists
// when the devices are simulated. Thread: GUI.
class SimulatorController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SimulatorController is made by the application")
    Q_PROPERTY(QVariantList residents READ residents CONSTANT)
    Q_PROPERTY(bool networkUp READ isNetworkUp NOTIFY networkChanged)

public:
    SimulatorController(SimulatedIdCardReader &reader, SimulatedCodeScanner &scanner, SimulatedReceiptPrinter &printer,
                        SimulatedCamera *camera, SyncMonitor &sync, QVector<IdCardData> residents,
                        QObject *parent = nullptr);

    QVariantList residents() const; // [{index, label}] — sample (fictional) residents
    bool isNetworkUp() const { return m_networkUp; }

    Q_INVOKABLE void placeSampleCard(int index);
    void placeCard(const IdCardData &card);
    Q_INVOKABLE void removeCard();
    Q_INVOKABLE void scan(const QString &text);
    Q_INVOKABLE bool setPaper(const QString &state); // "ok" | "low" | "out"
    Q_INVOKABLE bool setPlugged(const QString &kind, bool plugged);
    Q_INVOKABLE void setNetwork(bool up);

signals:
    void networkChanged();

private:
    SimulatedIdCardReader &m_reader;
    SimulatedCodeScanner &m_scanner;
    SimulatedReceiptPrinter &m_printer;
    SimulatedCamera *m_camera; // null when the camera is real (a recorded source in the demo)
    SyncMonitor &m_sync;
    QVector<IdCardData> m_residents;
    bool m_networkUp = true;
};
