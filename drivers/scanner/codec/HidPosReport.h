#pragma once

#include <QByteArray>
#include <QString>

// HID POS (usage page 0x8C) scanners: 64-byte input reports with report id 0x02 (Honeywell, Zebra,
// Datalogic), read one per read() from /dev/hidrawN, report id first:
//   [0] report id 0x02 · [1] data length in this report (0..56) · [2..4] AIM symbology id ("]Q1")
//   [5..60] up to 56 payload bytes · [61] vendor code id · [62] reserved · [63] non-zero = more follow
// Pure code, no I/O. See drivers/scanner/README.md.
namespace HidPos {

inline constexpr int kReportSize = 64;
inline constexpr quint8 kScanReportId = 0x02;
inline constexpr int kMaxDataPerReport = 56;
inline constexpr int kDefaultMaxScanBytes = 4096; // CodeScanner::maxPayloadBytes

// Why a report was not taken. message() never contains payload bytes, so it may be logged.
struct ReportError
{
    enum class Kind {
        None,
        WrongReportId, // `reportId` is not 0x02: the report is ignored, a scan in progress is kept
        ShortReport,   // `size` bytes instead of 64: the scan it belonged to is dropped
        BadLength,     // data length `length` over 56: the scan it belonged to is dropped
        ScanTooLong,   // the scan grew over `maximum` bytes: it is dropped
    };
    Kind kind = Kind::None;
    int reportId = 0;
    int size = 0;
    int length = 0;
    int maximum = 0;
    int dropped = 0; // payload bytes of the partial scan thrown away with this error

    // "report id 0x05, expected 0x02", "report: 40 bytes, expected 64; scan dropped (56 bytes)",
    // "report data length 57, at most 56; scan dropped (0 bytes)", "scan too long: over 4096 bytes; dropped"
    QString message() const;
};

struct Scan
{
    QByteArray bytes;     // the payload, reports joined
    QByteArray symbology; // AIM id of the first report ("]Q1"), trailing NULs removed
};

// What one report did: nothing visible yet (more reports follow), a complete scan, or an error.
struct FeedResult
{
    ReportError error;
    bool complete = false; // `scan` holds a whole scan
    Scan scan;
    bool ok() const { return error.kind == ReportError::Kind::None; }
};

// Joins the reports of one scan. After a damaged scan (short report, bad length, over the bound) the
// reassembler skips the remaining reports of that scan, up to and including the one whose "more follows"
// byte is 0, so a tail is never delivered as a scan of its own; a short report cannot say whether more
// follow, so it is treated as if they do. The error is returned once, for the report that caused it.
// Not thread-safe: one per device, used on that device's reader thread.
class ScanReassembler
{
public:
    explicit ScanReassembler(int maxScanBytes = kDefaultMaxScanBytes);

    FeedResult feed(const QByteArray &report);

    int pendingBytes() const { return m_scan.bytes.size(); }
    bool skipping() const { return m_skipping; }
    void clear(); // after the device is reopened

private:
    FeedResult drop(ReportError error, bool moreFollow);

    Scan m_scan;
    bool m_inScan = false;
    bool m_skipping = false;
    int m_maxScanBytes;
};

enum class PayloadEncoding { Utf8, Gb18030, Undecodable };

struct DecodedPayload
{
    QString text; // empty when Undecodable
    PayloadEncoding encoding = PayloadEncoding::Undecodable;
};

// Scanner payload bytes as text: UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (QStringDecoder,
// ICU) when they are valid GB18030, otherwise Undecodable. Apply scanPayloadProblem() to the text next.
DecodedPayload decodePayload(const QByteArray &bytes);

QString encodingName(PayloadEncoding encoding); // "UTF-8", "GB18030", "undecodable"

} // namespace HidPos
