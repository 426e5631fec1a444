#pragma once

#include "SiteConfig.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class Camera;
class CodeScanner;
class Device;
class DocumentPrinter;
class IdCardReader;
class ReceiptPrinter;
class SimulatedCamera;
class SimulatedCodeScanner;
class SimulatedIdCardReader;
class SimulatedReceiptPrinter;
class UsbContext;
class UsbDeviceTable;

// The kiosk's devices, built from site.json's devices[] and the command line's --devices:
//   simulated  every device is its simulator (the demo, the simulator panel)
//   config     each device as site.json says: "simulated" or a real driver
//   real       real drivers everywhere; a device site.json leaves "simulated" is found as a technician
//              would plug it in: ID card readers and receipt printers through the USB device table
//              (kiosk-config/devices/usb-devices.json), the scanner through HID POS discovery on
//              /dev/hidraw*, the camera at --camera-source or v4l2:/dev/video0.
// Each family builds its devices by driver name beside its drivers (drivers/<family>/…Drivers.h); this class
// picks the driver per kind and mode and keeps the devices. A document printer (A4) is built only when
// site.json names one. Drivers and their options are listed in docs/devices.md. A device that is configured
// but cannot be used stays in the kiosk, Unavailable with its reason (services that need it say so); only a
// config that cannot be understood (unknown driver, bad option) refuses to start. Thread: GUI. Owns every
// device it builds.
class KioskDevices
{
public:
    enum class Mode { Simulated, Config, Real };
    struct Inputs
    {
        Mode mode = Mode::Config;
        UsbContext *usb = nullptr; // started by main.cpp; null when USB could not start
        const UsbDeviceTable *usbTable = nullptr;
        QString cameraSource; // --camera-source, overrides the camera's "source"
        QString configFile;   // site.json, for messages
    };

    // Null with *errors filled when a device entry cannot be understood.
    static std::unique_ptr<KioskDevices> build(const SiteConfig &site, const Inputs &inputs,
                                               QStringList *errors);
    ~KioskDevices();

    IdCardReader &reader() const { return *m_reader; }
    CodeScanner &scanner() const { return *m_scanner; }
    ReceiptPrinter &printer() const { return *m_printer; }
    Camera &camera() const { return *m_camera; }
    // Null when site.json has no document_printer.
    DocumentPrinter *documentPrinter() const { return m_documentPrinter.get(); }
    QList<Device *> all() const;

    // The simulators, where a device is simulated; else null. The simulator panel needs the reader,
    // scanner and printer simulated (the camera may be real: a recorded source in the demo).
    SimulatedIdCardReader *simulatedReader() const { return m_simReader; }
    SimulatedCodeScanner *simulatedScanner() const { return m_simScanner; }
    SimulatedReceiptPrinter *simulatedPrinter() const { return m_simPrinter; }
    SimulatedCamera *simulatedCamera() const { return m_simCamera; }
    bool hallSimulated() const { return m_simReader && m_simScanner && m_simPrinter; }
    // "idcard: sam-usb 0400:c35a (split pipes)" etc., for the log at start.
    QStringList describe() const { return m_descriptions; }

private:
    KioskDevices() = default;

    std::unique_ptr<Camera> m_camera; // first: the camera scanner uses it, so it goes last
    std::unique_ptr<IdCardReader> m_reader;
    std::unique_ptr<CodeScanner> m_scanner;
    std::unique_ptr<ReceiptPrinter> m_printerTransport; // under the job queue, when there is one
    std::unique_ptr<ReceiptPrinter> m_printer;
    std::unique_ptr<DocumentPrinter> m_documentPrinter;
    SimulatedIdCardReader *m_simReader = nullptr;
    SimulatedCodeScanner *m_simScanner = nullptr;
    SimulatedReceiptPrinter *m_simPrinter = nullptr;
    SimulatedCamera *m_simCamera = nullptr;
    QStringList m_descriptions;
};
