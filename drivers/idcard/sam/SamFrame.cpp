#include "SamFrame.h"

namespace Sam {

namespace {
const char kPreamble[kPreambleSize] = {'\xAA', '\xAA', '\xAA', '\x96', '\x69'};

QString hexByte(quint8 value)
{
    return QStringLiteral("0x%1").arg(value, 2, 16, QLatin1Char('0'));
}

QByteArray frame(const QByteArray &body)
{
    // body: everything between LEN and CHK
    const int length = body.size() + 1;
    QByteArray out = preamble();
    out.append(char((length >> 8) & 0xFF));
    out.append(char(length & 0xFF));
    out.append(body);
    out.append(char(xorChecksum(out, kPreambleSize, out.size())));
    return out;
}

SamResponse failure(FrameError error)
{
    SamResponse response;
    response.error = error;
    return response;
}
} // namespace

QByteArray preamble()
{
    return QByteArray(kPreamble, kPreambleSize);
}

quint8 xorChecksum(const QByteArray &bytes, int from, int to)
{
    quint8 sum = 0;
    for (int i = from; i < to; ++i)
        sum ^= quint8(bytes.at(i));
    return sum;
}

QByteArray buildCommand(quint8 cmd, quint8 para, const QByteArray &data)
{
    QByteArray body;
    body.append(char(cmd));
    body.append(char(para));
    body.append(data);
    return frame(body);
}

QByteArray resetCommand() { return buildCommand(0x10, 0xFF); }
QByteArray statusCommand() { return buildCommand(0x11, 0xFF); }
QByteArray samIdCommand() { return buildCommand(0x12, 0xFF); }
QByteArray findCardCommand() { return buildCommand(0x20, 0x01); }
QByteArray selectCardCommand() { return buildCommand(0x20, 0x02); }
QByteArray readTextCommand() { return buildCommand(0x30, 0x01); }
QByteArray readAppendedAddressCommand() { return buildCommand(0x30, 0x03); }
QByteArray readWithFingerprintCommand() { return buildCommand(0x30, 0x10); }

QByteArray buildResponse(quint8 sw3, const QByteArray &data, quint8 sw1, quint8 sw2)
{
    QByteArray body;
    body.append(char(sw1));
    body.append(char(sw2));
    body.append(char(sw3));
    body.append(data);
    return frame(body);
}

QString FrameError::message() const
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("ok");
    case Kind::Truncated:
        return QStringLiteral("truncated: need %1 more bytes").arg(needed);
    case Kind::BadPreamble:
        return QStringLiteral("bad preamble at offset %1").arg(offset);
    case Kind::BadLength:
        return QStringLiteral("bad length: LEN=%1 (at least %2)").arg(length).arg(kMinResponseLength);
    case Kind::BadChecksum:
        return QStringLiteral("checksum: expected %1, got %2").arg(hexByte(expected), hexByte(got));
    case Kind::TooLong:
        return QStringLiteral("too long: %1-byte frame (maximum %2)").arg(length).arg(maximum);
    }
    return QStringLiteral("unknown frame error");
}

SamResponse parseResponse(const QByteArray &bytes, int maxFrameSize)
{
    const int available = bytes.size();
    for (int i = 0; i < kPreambleSize && i < available; ++i) {
        if (bytes.at(i) != kPreamble[i]) {
            FrameError error;
            error.kind = FrameError::Kind::BadPreamble;
            error.offset = i;
            return failure(error);
        }
    }
    if (available < kHeaderSize) {
        FrameError error;
        error.kind = FrameError::Kind::Truncated;
        error.needed = kHeaderSize - available;
        return failure(error);
    }
    const int length = (quint8(bytes.at(5)) << 8) | quint8(bytes.at(6));
    if (length < kMinResponseLength) {
        FrameError error;
        error.kind = FrameError::Kind::BadLength;
        error.length = length;
        return failure(error);
    }
    const int total = kHeaderSize + length;
    if (total > maxFrameSize) {
        FrameError error;
        error.kind = FrameError::Kind::TooLong;
        error.length = total;
        error.maximum = maxFrameSize;
        return failure(error);
    }
    if (available < total) {
        FrameError error;
        error.kind = FrameError::Kind::Truncated;
        error.needed = total - available;
        return failure(error);
    }
    const quint8 expected = xorChecksum(bytes, kPreambleSize, total - 1);
    const quint8 got = quint8(bytes.at(total - 1));
    if (expected != got) {
        FrameError error;
        error.kind = FrameError::Kind::BadChecksum;
        error.expected = expected;
        error.got = got;
        return failure(error);
    }
    SamResponse response;
    response.sw1 = quint8(bytes.at(7));
    response.sw2 = quint8(bytes.at(8));
    response.sw3 = quint8(bytes.at(9));
    response.data = bytes.mid(10, total - 11);
    response.consumed = total;
    return response;
}

} // namespace Sam
