#include "SerialLineFramer.h"

namespace SerialScan {

namespace {
FramedLine tooLong(int maxLineBytes)
{
    return {{}, QStringLiteral("line too long: over %1 bytes; dropped up to the next CR/LF").arg(maxLineBytes)};
}
} // namespace

SerialLineFramer::SerialLineFramer(int maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{
}

void SerialLineFramer::clear()
{
    m_line.clear();
    m_discarding = false;
}

QList<FramedLine> SerialLineFramer::feed(const QByteArray &chunk)
{
    QList<FramedLine> out;
    int start = 0; // first byte of chunk not yet in m_line
    for (int i = 0; i < chunk.size(); ++i) {
        const char c = chunk.at(i);
        if (c != '\r' && c != '\n')
            continue;
        if (!m_discarding)
            m_line += chunk.mid(start, i - start);
        start = i + 1;
        if (m_discarding) {
            m_discarding = false;
        } else if (m_line.size() > m_maxLineBytes) {
            out.append(tooLong(m_maxLineBytes));
        } else if (!m_line.isEmpty()) { // CR LF: the LF ends an empty line, which is no scan
            out.append({m_line, {}});
        }
        m_line.clear();
    }
    if (!m_discarding)
        m_line += chunk.mid(start);
    if (!m_discarding && m_line.size() > m_maxLineBytes) {
        out.append(tooLong(m_maxLineBytes));
        m_line.clear();
        m_discarding = true;
    }
    return out;
}

} // namespace SerialScan
