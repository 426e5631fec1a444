#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// One row of kiosk-config/devices/usb-devices.json: which driver takes a VID:PID and how.
struct UsbDeviceEntry
{
    quint16 vendorId = 0;
    quint16 productId = 0;
    QString kind;             // idcard | receipt_printer | scanner | camera
    QString driver;           // sam-usb | sam-serial | sam-hid | escpos-usb | hidpos | serial-scanner | uvc
    QString transport;        // usb-bulk | serial | hidraw | evdev
    int interfaceNumber = -1; // -1: not given (only usb-bulk needs it)
    // role ("out", "in", "out_header", "out_body", "in_header", "in_body") -> "0x02" or "descriptors"
    QMap<QString, QString> endpoints;
    QString notes;

    QString vidPid() const; // "0400:c35a"
    // The fixed address for a role; nullopt when absent or "descriptors" (find it with
    // UsbBulkDevice::endpoints()).
    std::optional<quint8> endpointAddress(const QString &role) const;
};

// The device table. Loading checks everything the JSON schema says (kiosk-config/schemas/
// usb-devices.schema.json) and reports every problem as "file: /devices/3/vid: message".
class UsbDeviceTable
{
public:
    static std::optional<UsbDeviceTable> load(const QString &path, QStringList *errors);
    // Parses bytes already read (`file` is only used in messages).
    static std::optional<UsbDeviceTable> parse(const QByteArray &json, const QString &file,
                                               QStringList *errors);
    // The table in this build's kiosk-config (source tree in development).
    static QString defaultPath();

    const QList<UsbDeviceEntry> &entries() const { return m_entries; }
    // Every entry for a VID:PID (a generic USB-serial bridge can have more than one), in file order.
    QList<UsbDeviceEntry> findAll(quint16 vendorId, quint16 productId) const;
    std::optional<UsbDeviceEntry> find(quint16 vendorId, quint16 productId) const;

    static const QStringList &kinds();
    static const QStringList &drivers();
    static const QStringList &transports();
    static const QStringList &endpointRoles();

private:
    QList<UsbDeviceEntry> m_entries;
};
