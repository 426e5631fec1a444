#pragma once

#include "EscPosReceiptPrinter.h"

class UsbContext;
class UsbPrinterLink;

// Which USB printer, and how long each step may take.
struct UsbReceiptPrinterConfig
{
    quint16 vendorId = 0; // 0416:5011 POS-5890, 04b8:0e03 Epson TM-T20 (see receipt-printers.json)
    quint16 productId = 0;
    QString busAddress; // "001/005" to pick one of several identical printers; empty = the first match
    int interfaceNumber = 0;
    quint8 outEndpoint = 0; // 0: the first bulk OUT of the interface (the POS-5890 has 0x01 or 0x03)
    quint8 inEndpoint = 0;  // 0: the first bulk IN (usually 0x81)
    int paperWidthMm = 80;

    int statusAnswerMs = 1000; // each DLE EOT answer (from its request)
    int chunkWriteMs = 10000;  // each 4 KiB piece of a job (no progress for this long)
    int statusPollMs = 2000;   // status while idle, so staff see paper out before the next resident
    int reopenFirstMs = 1000;  // retry after a failure; doubles ...
    int reopenMaxMs = 30000;   // ... up to this
    static constexpr int chunkBytes = 4096;
};

// An ESC/POS receipt printer on USB: the shared status and job state machine (EscPosReceiptPrinter) over
// a UsbPrinterLink (bulk OUT for the job in 4 KiB pieces and the DLE EOT requests, bulk IN for the
// answers, through drivers/usb: usblp auto-detached, interface claimed, every transfer with a timeout).
//   Closed -> QueryingStatus -> Idle -> QueryingStatus (before the job) -> Printing
//   -> QueryingStatus (after the job) -> Idle ...    any failure -> Closed, reopen with backoff, or at
//   once when the printer is plugged in (UsbContext::deviceArrived)
// Reasons of the link: "no printer 0416:5011 attached", "0416:5011 at 001/005 unplugged", a transfer's
// error. Put a ReceiptJobQueue in front to keep jobs across an unplug.
// Thread: GUI (transfers complete on the libusb event thread and come back queued).
class UsbReceiptPrinter : public EscPosReceiptPrinter
{
    Q_OBJECT

public:
    enum class Phase { Closed, QueryingStatus, Idle, Printing };
    Q_ENUM(Phase)

    // context: started by the composition root, outlives this printer.
    UsbReceiptPrinter(const QString &name, UsbContext *context, const UsbReceiptPrinterConfig &config,
                      QObject *parent = nullptr);

    Phase phase() const { return toPhase(machinePhase()); }
    // "0416:5011 at 001/005" once open, else "0416:5011".
    QString describeDevice() const;
    quint8 outEndpoint() const;
    quint8 inEndpoint() const;

signals:
    void phaseChanged(UsbReceiptPrinter::Phase phase);

private:
    static Phase toPhase(EscPosReceiptPrinter::Phase phase);

    UsbPrinterLink *m_usb;
    Phase m_lastPhase = Phase::Closed;
};
