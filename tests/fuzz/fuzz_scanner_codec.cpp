// libFuzzer target (b): scanner codecs. The input is a sequence of records: a size byte (taken modulo 65,
// so 0..64) and that many bytes of a hidraw report; they go through a ScanReassembler, and each complete
// scan through decodePayload. The raw input also goes through decodePayload and a SerialLineFramer.
#include "codec/HidPosReport.h"
#include "codec/SerialLineFramer.h"

#include <cstdint>
#include <cstdlib>

namespace {
void check(bool condition)
{
    if (!condition)
        std::abort(); // an invariant broke: libFuzzer saves the input
}

void checkDecoded(const QByteArray &bytes)
{
    const HidPos::DecodedPayload decoded = HidPos::decodePayload(bytes);
    (void)HidPos::encodingName(decoded.encoding);
    if (decoded.encoding == HidPos::PayloadEncoding::Utf8)
        check(decoded.text.toUtf8() == bytes); // valid UTF-8 round-trips
    if (decoded.encoding == HidPos::PayloadEncoding::Undecodable)
        check(decoded.text.isEmpty());
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), int(size));

    for (int maxScan : {HidPos::kDefaultMaxScanBytes, 100}) {
        HidPos::ScanReassembler reassembler(maxScan);
        int pos = 0;
        while (pos < bytes.size()) {
            const int length = quint8(bytes.at(pos)) % (HidPos::kReportSize + 1);
            const QByteArray report = bytes.mid(pos + 1, length);
            pos += 1 + length;
            const HidPos::FeedResult result = reassembler.feed(report);
            (void)result.error.message();
            check(reassembler.pendingBytes() <= maxScan);
            if (result.complete) {
                check(result.ok());
                check(result.scan.bytes.size() <= maxScan);
                check(result.scan.symbology.size() <= 3);
                checkDecoded(result.scan.bytes);
            }
        }
    }

    checkDecoded(bytes);

    SerialScan::SerialLineFramer framer(64);
    int pos = 0;
    while (pos < bytes.size()) {
        const int chunk = 1 + quint8(bytes.at(pos)) % 17;
        for (const SerialScan::FramedLine &line : framer.feed(bytes.mid(pos, chunk))) {
            check(line.ok() != line.bytes.isEmpty()); // a scan has bytes, an error has none
            if (line.ok())
                check(!line.bytes.isEmpty() && line.bytes.size() <= 64 && !line.bytes.contains('\r')
                      && !line.bytes.contains('\n'));
        }
        check(framer.pendingBytes() <= 64);
        pos += chunk;
    }
    return 0;
}
