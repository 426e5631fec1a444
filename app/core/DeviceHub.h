#pragma once

#include "Device.h"

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QVector>
#include <QtQml/qqmlregistration.h>

// The devices this kiosk has, whatever drives them (simulator or real driver), and what that means for
// the services: a service that needs an unavailable device is shown as unavailable, with the reason.
// Thread: GUI.
class DeviceHub : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("DeviceHub is made by the application")
    // For staff and technician views: [{kind, name, status, reason, simulated}]
    Q_PROPERTY(QVariantList devices READ devicesForDisplay NOTIFY devicesChanged)

public:
    explicit DeviceHub(QObject *parent = nullptr);

    void add(Device *device); // not owned
    Device *device(const QString &kind) const;
    const QVector<Device *> &all() const { return m_devices; }

    // Empty when every device of those kinds is ready; else "<device name>: <reason>" for the first one
    // that is not. A kind with no configured device is unavailable too ("no <kind> at this kiosk").
    QString unavailableReason(const QStringList &kinds) const;
    // The same for a resident, in the UI language and without technical detail: "The camera is not
    // working right now." Empty when every device of those kinds is ready.
    QString residentReason(const QStringList &kinds) const;
    static QString kindName(const QString &kind); // "camera" -> translated "camera"

    QVariantList devicesForDisplay() const;
    void startAll();
    void stopAll();

signals:
    void devicesChanged();

private:
    QVector<Device *> m_devices;
};
