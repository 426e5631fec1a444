#pragma once

#include <QString>

class QObject;
class SamTransport;
class UsbContext;

// Where a SAM reader is, as a technician or the site config writes it, and the transport for it:
//   usb:0400:c35a            the first attached USB device with that VID:PID, one OUT/IN pipe pair
//   usb:001/005              the USB device at bus 1, address 5
//   usb:0400:c35a,split      split pipes (preamble+LEN on 0x02/0x81, the rest on 0x06/0x85)
//   serial:/dev/ttyUSB0      a USB-serial bridge at 115200 8N1; serial:/dev/ttyUSB0@57600 another rate
//   hidraw:/dev/hidraw0      a HID reader (unverified report layout, see HidSamTransport.h)
// Pure parsing; createTransport() runs on the GUI thread.
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
    // A new transport (the caller owns it). usb may be null for serial/hidraw; for usb it must be a started
    // context. Null with *error when the build has no USB support or no context was given.
    SamTransport *createTransport(UsbContext *usb, QString *error) const;
};
