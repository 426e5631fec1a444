#include "SamFrameAssembler.h"

namespace Sam {

FrameAssembler::FrameAssembler(int maxFrameSize)
    : m_maxFrameSize(maxFrameSize)
{
}

// How many leading bytes cannot start a frame. A preamble prefix at the very end (e.g. "AA AA") is kept,
// since the rest of it may be in the next chunk.
int FrameAssembler::garbageBeforePreamble() const
{
    const QByteArray pre = preamble();
    const int found = m_buffer.indexOf(pre);
    if (found >= 0)
        return found;
    for (int keep = qMin<int>(kPreambleSize - 1, m_buffer.size()); keep > 0; --keep) {
        if (m_buffer.endsWith(pre.left(keep)))
            return m_buffer.size() - keep;
    }
    return m_buffer.size();
}

QList<SamResponse> FrameAssembler::feed(const QByteArray &chunk)
{
    m_buffer.append(chunk);
    QList<SamResponse> out;
    while (!m_buffer.isEmpty()) {
        const int garbage = garbageBeforePreamble();
        if (garbage > 0) {
            SamResponse skipped;
            skipped.error.kind = FrameError::Kind::BadPreamble;
            skipped.error.offset = 0;
            skipped.consumed = garbage;
            out.append(skipped);
            m_buffer.remove(0, garbage);
            continue;
        }
        SamResponse response = parseResponse(m_buffer, m_maxFrameSize);
        switch (response.error.kind) {
        case FrameError::Kind::None:
            m_buffer.remove(0, response.consumed);
            out.append(response);
            continue;
        case FrameError::Kind::Truncated:
        case FrameError::Kind::BadPreamble: // only a preamble prefix is left; wait for more
            return out;
        case FrameError::Kind::BadChecksum:
            response.consumed = kHeaderSize + ((quint8(m_buffer.at(5)) << 8) | quint8(m_buffer.at(6)));
            break;
        case FrameError::Kind::BadLength:
        case FrameError::Kind::TooLong:
            response.consumed = kPreambleSize;
            break;
        }
        m_buffer.remove(0, response.consumed);
        out.append(response);
    }
    return out;
}

} // namespace Sam
