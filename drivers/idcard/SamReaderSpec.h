#pragma once

#include "DeviceSpec.h"

#include <QString>

// Where a SAM reader is, as a technician writes it on kioskctl's command line, and the driver spec for it:
//   usb:0400:c35a            the first attached USB device with that VID:PID, one OUT/IN pipe pair
//   usb:001/005              the USB device at bus 1, address 5
//   usb:0400:c35a,split      split pipes (preamble+LEN on 0x02/0x81, the rest on 0x06/0x85)
//   serial:/dev/ttyUSB0      a USB-serial bridge at 115200 8N1; serial:/dev/ttyUSB0@57600 another rate
//   hidraw:/dev/hidraw0      a HID reader (unverified report layout, see HidSamTransport.h)
// Pure parsing; the reader is built by idCardReaderDrivers() from toDeviceSpec(), as the kiosk builds it.
struct SamReaderSpec
{
    enum class Kind { Invalid, Usb, Serial, Hidraw };
    Kind kind = Kind::Invalid;
    quint16 vendorId = 0;
    quint16 productId = 0;
    QString usbKey; // "001/005"
    bool splitPipes = false;
    QString path; // serial / hidraw node
    qint32 baudRate = 115200;

    // Invalid with *error saying what is wrong ("usb: expected VID:PID or BUS/ADDRESS, got 'x'").
    static SamReaderSpec parse(const QString &text, QString *error);
    // The site.json form: driver sam-usb (options usb, layout), sam-serial (port, baud) or sam-hid (path).
    DeviceSpec toDeviceSpec(const QString &name) const;
};
