#pragma once

#include "SamFrame.h"

#include <QList>

namespace Sam {

// Turns a byte stream arriving in chunks (serial reads, 64-byte bulk transfers) into response frames.
// Bytes before a preamble are skipped and reported once per run as a BadPreamble error whose `consumed`
// says how many were dropped. A frame with a bad checksum is dropped whole; a frame with an impossible
// LEN (too short, or over the maximum) loses its preamble and the search starts again after it.
// Not thread-safe: one assembler per transport, used on that transport's thread.
class FrameAssembler
{
public:
    explicit FrameAssembler(int maxFrameSize = kDefaultMaxFrameSize);

    // Appends `chunk` and returns, in stream order, every complete frame and every error it resolved.
    // Truncated is never returned: an incomplete frame waits for more bytes (see pendingBytes()).
    QList<SamResponse> feed(const QByteArray &chunk);

    int pendingBytes() const { return m_buffer.size(); }
    void clear() { m_buffer.clear(); } // after a transport timeout or a reopen

private:
    int garbageBeforePreamble() const;

    QByteArray m_buffer;
    int m_maxFrameSize;
};

} // namespace Sam
