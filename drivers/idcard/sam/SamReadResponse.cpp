#include "SamReadResponse.h"

#include "SamTextBlock.h"

namespace Sam {

namespace {
int u16At(const QByteArray &bytes, int offset)
{
    return (quint8(bytes.at(offset)) << 8) | quint8(bytes.at(offset + 1));
}

ReadError statusError(const SamResponse &response)
{
    ReadError error;
    error.status = SamStatus::fromSw3(response.sw3);
    if (!error.status.isSuccess())
        error.kind = ReadError::Kind::Status;
    return error;
}

// `parts` lengths follow each other as big-endian u16 at the start of the data, then the parts.
ReadTextParts split(const SamResponse &response, int parts)
{
    ReadTextParts out;
    out.error = statusError(response);
    if (!out.ok())
        return out;
    const QByteArray &data = response.data;
    const int headerSize = 2 * parts;
    if (data.size() < headerSize) {
        out.error.kind = ReadError::Kind::ShortHeader;
        out.error.expected = headerSize;
        out.error.got = data.size();
        return out;
    }
    int lengths[3] = {0, 0, 0};
    int total = headerSize;
    for (int i = 0; i < parts; ++i) {
        lengths[i] = u16At(data, 2 * i);
        total += lengths[i];
    }
    if (total != data.size()) {
        out.error.kind = ReadError::Kind::LengthMismatch;
        out.error.expected = total;
        out.error.got = data.size();
        return out;
    }
    int at = headerSize;
    out.text = data.mid(at, lengths[0]);
    at += lengths[0];
    out.photo = data.mid(at, lengths[1]);
    at += lengths[1];
    if (parts == 3) {
        out.fingerprint = data.mid(at, lengths[2]);
        out.withFingerprint = true;
    }
    return out;
}
} // namespace

QString ReadError::message() const
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("ok");
    case Kind::Status:
        return QStringLiteral("SW3 ") + status.message();
    case Kind::ShortHeader:
        return QStringLiteral("length header: %1 bytes, expected %2").arg(got).arg(expected);
    case Kind::LengthMismatch:
        return QStringLiteral("lengths: header announces %1 data bytes, frame has %2").arg(expected).arg(got);
    }
    return QStringLiteral("unknown read error");
}

ReadTextParts splitReadText(const SamResponse &response)
{
    return split(response, 2);
}

ReadTextParts splitReadWithFingerprint(const SamResponse &response)
{
    return split(response, 3);
}

AppendedAddress decodeAppendedAddress(const SamResponse &response)
{
    AppendedAddress out;
    const SamStatus status = SamStatus::fromSw3(response.sw3);
    if (status.status == Status::NoContent)
        return out;
    out.error = statusError(response);
    if (!out.ok())
        return out;
    if (response.data.size() != kAppendedAddressSize) {
        out.error.kind = ReadError::Kind::LengthMismatch;
        out.error.expected = kAppendedAddressSize;
        out.error.got = response.data.size();
        return out;
    }
    out.present = true;
    out.address = textField(response.data, 0, kAppendedAddressSize);
    return out;
}

} // namespace Sam
