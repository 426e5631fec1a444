#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// USB serial scanners (CDC ACM, /dev/ttyACM*): bytes arrive as sent, each scan ended by CR, LF or CRLF.
// Pure code, no I/O. See drivers/scanner/README.md.
namespace SerialScan {

inline constexpr int kDefaultMaxLineBytes = 4096; // CodeScanner::maxPayloadBytes

// One thing the framer resolved, in stream order: a scan's bytes (terminator removed) or an error.
struct FramedLine
{
    QByteArray bytes;
    QString error; // "line too long: over 4096 bytes; dropped up to the next CR/LF" — never payload bytes
    bool ok() const { return error.isEmpty(); }
};

// Cuts a byte stream arriving in chunks of any size into scans. Empty lines (LF LF, CR CR) are no scans and
// are skipped, so CRLF is one terminator (also when CR and LF arrive in different chunks). A line growing
// over the bound is reported once, when it passes the bound, and its bytes are dropped up to the next
// terminator. Not thread-safe: one per port, used on the port's thread.
class SerialLineFramer
{
public:
    explicit SerialLineFramer(int maxLineBytes = kDefaultMaxLineBytes);

    QList<FramedLine> feed(const QByteArray &chunk);

    int pendingBytes() const { return m_line.size(); }
    void clear(); // after the port is reopened

private:
    QByteArray m_line;
    int m_maxLineBytes;
    bool m_discarding = false; // inside an over-long line
};

} // namespace SerialScan
