#pragma once

#include "PrinterLink.h"
#include "UsbDeviceInfo.h"
#include "UsbTransferResult.h"

class UsbBulkDevice;
class UsbContext;

// Which USB printer, and how long its transfers may take at the most (the printer's step timeouts come
// first: see UsbReceiptPrinterConfig).
struct UsbPrinterLinkConfig
{
    quint16 vendorId = 0;
    quint16 productId = 0;
    QString busAddress; // "001/005"; empty = the first match
    int interfaceNumber = 0;
    quint8 outEndpoint = 0; // 0: the first bulk OUT of the interface
    quint8 inEndpoint = 0;  // 0: the first bulk IN
    int statusTransferMs = 2000;
    int chunkTransferMs = 20000;
    static constexpr int chunkBytes = 4096;
};

// A PrinterLink over USB through drivers/usb: bulk OUT for the job (4 KiB pieces) and the DLE EOT
// requests, bulk IN for the answers (one byte used per request). UsbBulkDevice detaches usblp, claims the
// interface and gives every transfer a timeout; close() cancels what is in flight.
// Reasons: "no printer 0416:5011 attached", "USB is not available on this kiosk", "0416:5011 at 001/005
// unplugged [after N of M bytes]", "status: DLE EOT 2 not sent: <error>", "write: N of M bytes taken:
// <error>". Thread: GUI (transfers complete on the libusb event thread and come back queued).
class UsbPrinterLink : public PrinterLink
{
    Q_OBJECT

public:
    // context: started by the composition root, outlives this link; null when USB could not start.
    UsbPrinterLink(UsbContext *context, const UsbPrinterLinkConfig &config, QObject *parent = nullptr);
    ~UsbPrinterLink() override;

    QString describe() const override; // "0416:5011 at 001/005" once open, else "0416:5011"
    void open() override;
    void close() override;
    void sendStatusRequest(int n) override;
    void sendJob(const QByteArray &bytes) override;

    quint8 outEndpoint() const { return m_out; }
    quint8 inEndpoint() const { return m_in; }

private:
    enum class Step { None, StatusRequest, StatusAnswer, JobChunk };

    void onTransferFinished(quint64 id, const UsbTransferResult &result);
    void onStatusRequestSent(const UsbTransferResult &result);
    void onStatusAnswer(const UsbTransferResult &result);
    void onChunkWritten(const UsbTransferResult &result);
    void writeNextChunk();
    void fail(const QString &operation, const QString &reason, bool gone);
    QString unplugged() const;

    UsbContext *m_context;
    UsbPrinterLinkConfig m_config;
    UsbBulkDevice *m_device = nullptr;
    UsbDeviceInfo m_info;
    quint8 m_out = 0, m_in = 0;

    Step m_step = Step::None;
    quint64 m_transfer = 0; // the one transfer in flight (0: none)
    int m_statusRequest = 0;
    QByteArray m_job;
    qint64 m_jobOffset = 0;   // bytes of the job the printer took
    qint64 m_chunkLength = 0; // the piece in flight
};
