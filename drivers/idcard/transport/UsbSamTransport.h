#pragma once

#include "SamTransport.h"

#include <QSet>

class UsbBulkDevice;
class UsbContext;
struct UsbDeviceInfo;
struct UsbTransferResult;

// SAM frames over vendor bulk USB (most often 0400:c35a), on drivers/usb (the application's one libusb
// context and event thread). Two endpoint layouts are seen in the field; both are supported:
//   SinglePair:  the whole command on OUT `out` (0x02); the answer read from IN `in` (0x81)
//   SplitPipes:  preamble+LEN (7 bytes) on OUT `out` (0x02), the rest on OUT `bodyOut` (0x06); the answer's
//                preamble+LEN read from IN `in` (0x81), the rest from IN `bodyIn` (0x85)
// IN is read in packets of `packetSize` (64) bytes and reassembled with Sam::FrameAssembler.
// Unplugging closes the transport with a reason ("unplugged: 0400:c35a at 001/005").
// Thread: GUI thread (transfers complete on the libusb event thread and are queued back by UsbBulkDevice).
class UsbSamTransport : public SamTransport
{
    Q_OBJECT

public:
    struct Endpoints
    {
        enum class Layout { SinglePair, SplitPipes };
        Layout layout = Layout::SinglePair;
        quint8 out = 0x02;
        quint8 in = 0x81;
        quint8 bodyOut = 0x06; // SplitPipes only
        quint8 bodyIn = 0x85;  // SplitPipes only
        int interfaceNumber = 0;
        int packetSize = 64;
        static Endpoints split();
    };

    // Which device: by VID:PID (the first attached one), or by bus/address key "001/005".
    struct Match
    {
        quint16 vendorId = 0;
        quint16 productId = 0;
        QString key; // "001/005"; when set, VID:PID are checked only if non-zero
        QString describe() const;
    };

    UsbSamTransport(UsbContext *context, const Match &match, const Endpoints &endpoints,
                    QObject *parent = nullptr);
    ~UsbSamTransport() override;

    QString description() const override;
    void open() override;

protected:
    void sendFrame(const QByteArray &frame) override;
    void abortPending() override;
    void closeDevice() override;

private:
    void onTransferFinished(quint64 id, const UsbTransferResult &result);
    void submitRead();

    UsbContext *m_context;
    Match m_match;
    Endpoints m_endpoints;
    UsbBulkDevice *m_device = nullptr;
    QString m_deviceText;   // "0400:c35a at 001/005" once found
    QSet<quint64> m_writes; // pending OUT transfers of the current exchange
    quint64 m_readId = 0;   // the pending IN transfer of the current exchange
    int m_headerBytes = 0;  // SplitPipes: answer bytes taken from `in` so far (7 = header complete)
    quint64 m_exchange = 0; // counts exchanges; results of an earlier one are dropped
    int m_timeoutMs = 3000;
};
