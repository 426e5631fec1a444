#pragma once

#include "EscPosStatus.h"
#include "ReceiptPrinter.h"
#include "UsbDeviceInfo.h"
#include "UsbTransferResult.h"

#include <QList>
#include <QTimer>

class UsbBulkDevice;
class UsbContext;

// Which USB printer, and how long each step may take.
struct UsbReceiptPrinterConfig
{
    quint16 vendorId = 0;  // 0416:5011 POS-5890, 04b8:0e03 Epson TM-T20 (see receipt-printers.json)
    quint16 productId = 0;
    QString busAddress;    // "001/005" to pick one of several identical printers; empty = the first match
    int interfaceNumber = 0;
    quint8 outEndpoint = 0; // 0: the first bulk OUT of the interface (the POS-5890 has 0x01 or 0x03)
    quint8 inEndpoint = 0;  // 0: the first bulk IN (usually 0x81)
    int paperWidthMm = 80;

    int statusAnswerMs = 1000;  // each DLE EOT answer (and its request write)
    int chunkWriteMs = 10000;   // each 4 KiB piece of a job
    int statusPollMs = 2000;    // status while idle, so staff see paper out before the next resident
    int reopenFirstMs = 1000;   // retry after a failure; doubles ...
    int reopenMaxMs = 30000;    // ... up to this
    static constexpr int chunkBytes = 4096;
};

// An ESC/POS receipt printer on USB: bulk OUT for the job and the DLE EOT requests, bulk IN for the
// answers, through drivers/usb (UsbBulkDevice: usblp auto-detached, interface claimed, every transfer
// with a timeout). The same explicit state machine as NetworkReceiptPrinter:
//   Closed -> QueryingStatus -> Idle -> QueryingStatus (before the job) -> Printing (4 KiB pieces)
//   -> QueryingStatus (after the job) -> Idle ...    any failure -> Closed, reopen with backoff
// Status rounds (DLE EOT 1..4) run on opening, before and after each job, and every statusPollMs while
// idle. Device state: Busy "connecting" until the first round; Ready (paper low keeps it Ready);
// Busy "printing"; Unavailable with the status reason ("paper out", "cover open", "cutter error",
// "offline"), "no printer 0416:5011 attached", "unplugged", or the transfer's error.
// Unplug mid-job: the job fails (MayHavePrinted once a piece was taken, else NotPrinted), the printer is
// Unavailable "unplugged" until it comes back (UsbContext::deviceArrived, or a retry when libusb has no
// hotplug). Put a ReceiptJobQueue in front to keep jobs across that.
// Thread: GUI (transfers complete on the libusb event thread and come back queued). Job bytes are never
// logged.
class UsbReceiptPrinter : public ReceiptPrinter
{
    Q_OBJECT

public:
    enum class Phase { Closed, QueryingStatus, Idle, Printing };
    Q_ENUM(Phase)

    // context: started by the composition root, outlives this printer.
    UsbReceiptPrinter(const QString &name, UsbContext *context, const UsbReceiptPrinterConfig &config,
                      QObject *parent = nullptr);
    ~UsbReceiptPrinter() override;

    bool isSimulated() const override { return false; }
    void start() override;
    void stop() override;
    PaperState paper() const override { return m_paper; }
    void print(const QString &jobId, const QByteArray &escpos) override;

    Phase phase() const { return m_phase; }
    PrinterStatus lastStatus() const { return m_status; }
    // "0416:5011 at 001/005" once open, else "0416:5011".
    QString describeDevice() const;
    quint8 outEndpoint() const { return m_out; }
    quint8 inEndpoint() const { return m_in; }

signals:
    void phaseChanged(UsbReceiptPrinter::Phase phase);

private:
    enum class StatusPurpose { Check, BeforeJob, AfterJob };
    struct Job
    {
        QString id;
        QByteArray bytes;
    };

    void tryOpen();
    void onDeviceArrived(const UsbDeviceInfo &device);
    void onDeviceLeft(const UsbDeviceInfo &device);
    void onTransferFinished(quint64 id, const UsbTransferResult &result);
    void onPollTimeout();

    void queryStatus(StatusPurpose purpose);
    void sendStatusRequest();
    void onStatusAnswer(const UsbTransferResult &result);
    void finishStatusRound(const PrinterStatus &status);
    void startNextJobOrIdle();
    void writeNextChunk();
    void onChunkWritten(const UsbTransferResult &result);
    // Closes the device, fails the jobs in hand, goes Unavailable with reason, schedules a reopen.
    void deviceFailed(const QString &operation, const QString &reason, bool gone);
    JobFailure activeJobFailure() const;
    void failAllJobs(const QString &reason, JobFailure activeFailure, bool later);

    void setPhase(Phase phase);
    void updateDeviceState();
    QString unavailableReason() const;

    UsbContext *m_context;
    UsbReceiptPrinterConfig m_config;
    UsbBulkDevice *m_device = nullptr;
    UsbDeviceInfo m_info;
    quint8 m_out = 0, m_in = 0;

    QTimer m_reopenTimer, m_pollTimer;
    int m_backoffMs = 0;
    bool m_running = false, m_stopped = false;
    Phase m_phase = Phase::Closed;
    QString m_problem; // why the device is not usable; cleared by a good status round
    bool m_problemReported = false;
    bool m_haveStatus = false;

    StatusPurpose m_purpose = StatusPurpose::Check;
    int m_statusRequest = 0;
    bool m_awaitingAnswer = false; // the request was written; the answer's read is pending
    quint64 m_transfer = 0;        // the one transfer in flight (0: none)
    QByteArray m_answers;
    PrinterStatus m_status;
    PaperState m_paper = PaperState::Ok;

    QList<Job> m_queue;
    bool m_jobActive = false;
    qint64 m_jobOffset = 0;   // bytes of the job in hand the printer took
    qint64 m_chunkLength = 0; // the piece in flight
};
