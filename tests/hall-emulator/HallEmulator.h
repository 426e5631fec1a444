#pragma once

#include "UsbEmulator.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <memory>

class SamUsbModel;
class PrinterUsbModel;
struct IdCardData;

// The service hall's devices as the kiosk's real drivers see them, emulated through umockdev: a bulk-USB
// SAM ID card reader (0400:c35a, split pipe pairs), a USB receipt printer (0416:5011, class 7) and a HID
// POS scanner (/dev/hidraw0, usage page 0x8C). The kiosk runs with this process's umockdev testbed
// (UMOCKDEV_DIR + the preload library) and finds them through its device table, as in a real hall.
// Thread: the owner's (the models are called on umockdev's worker thread and lock themselves).
class HallEmulator
{
public:
    HallEmulator();
    ~HallEmulator();

    bool start(QString *error); // plugs every device in
    QString testbedDir() const; // the UMOCKDEV_DIR the kiosk must use

    bool placeCard(const IdCardData &card, QString *error);
    bool removeCard(QString *error);
    bool scan(const QString &text, QString *error);
    bool setPaper(const QString &state, QString *error); // ok | low | out | runs_out (during the next job)
    bool setPlugged(const QString &kind, bool plugged, QString *error);

    QByteArray printed() const; // every byte that reached the receipt paper

private:
    bool plugReader(QString *error);
    bool plugPrinter(QString *error);

    UsbEmulator m_usb;
    std::unique_ptr<SamUsbModel> m_reader;
    std::unique_ptr<PrinterUsbModel> m_printer;
    QString m_readerKey;
    QString m_printerKey;
    bool m_scannerPlugged = false;
};
