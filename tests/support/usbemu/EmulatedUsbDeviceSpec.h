#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// What an emulated USB device looks like: the emulator turns it into device + configuration
// descriptors, sysfs attributes and udev properties. One configuration, alternate setting 0 only.
struct EmulatedUsbEndpoint
{
    enum class Type { Bulk, Interrupt };
    quint8 address = 0x81; // bit 7 = IN
    Type type = Type::Bulk;
    quint16 maxPacketSize = 64;
};

struct EmulatedUsbInterface
{
    quint8 number = 0;
    quint8 interfaceClass = 0xff; // vendor specific; 0x07 printer, 0x03 HID, 0x0a CDC data
    quint8 interfaceSubClass = 0;
    quint8 interfaceProtocol = 0;
    QList<EmulatedUsbEndpoint> endpoints;
};

struct EmulatedUsbDeviceSpec
{
    quint16 vendorId = 0;
    quint16 productId = 0;
    quint16 bcdDevice = 0x0100;
    quint8 deviceClass = 0;
    quint8 busNumber = 1;
    quint8 deviceAddress = 0; // 0: the emulator picks the next free one (from 2)
    QString manufacturer;
    QString product;
    QString serialNumber;
    QList<EmulatedUsbInterface> interfaces;

    // The usual shape: one vendor-class interface 0 with one bulk OUT and one bulk IN endpoint.
    static EmulatedUsbDeviceSpec bulkPair(quint16 vendorId, quint16 productId, quint8 outEndpoint = 0x02,
                                          quint8 inEndpoint = 0x81, quint16 maxPacketSize = 64);
    // Raw descriptors as in sysfs "descriptors": device descriptor + the configuration descriptor.
    QByteArray descriptors() const;
};
