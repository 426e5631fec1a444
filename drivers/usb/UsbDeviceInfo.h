#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// One attached USB device as enumerated (no handle is open). A plain value; safe to copy across threads.
struct UsbDeviceInfo
{
    quint16 vendorId = 0;
    quint16 productId = 0;
    quint8 busNumber = 0;
    quint8 deviceAddress = 0;
    quint8 deviceClass = 0;
    // From sysfs when readable (empty otherwise; reading them never opens the device).
    QString manufacturer;
    QString product;
    QString serialNumber;
    // bInterfaceClass of each interface of the active configuration, in interface order.
    QList<quint8> interfaceClasses;

    // "001/005": bus/address, unique among attached devices (the usbfs node is /dev/bus/usb/<key>).
    QString key() const;
    // "0400:c35a"
    QString vidPid() const;
    // "/dev/bus/usb/001/005"
    QString deviceNode() const;
    bool isValid() const { return busNumber != 0 && deviceAddress != 0; }
    // "0400:c35a at 001/005 (Product)" for logs and errors (no serial number).
    QString describe() const;
};
Q_DECLARE_METATYPE(UsbDeviceInfo)

// One endpoint of an interface, from the configuration descriptor.
struct UsbEndpointInfo
{
    enum class Type { Control, Isochronous, Bulk, Interrupt };

    quint8 address = 0; // bit 7 set = IN (device to host)
    Type type = Type::Bulk;
    int maxPacketSize = 0;

    bool isIn() const { return (address & 0x80) != 0; }
    static QString typeName(Type type);
};
Q_DECLARE_METATYPE(UsbEndpointInfo)
