// libFuzzer target (a): GA/T 467 SAM response frames. The input is a byte stream from a card reader:
// parseResponse on all of it, FrameAssembler fed in chunk sizes taken from the bytes themselves, and every
// frame that parses run through the read-response splitters and the text block decoder.
#include "sam/SamFrame.h"
#include "sam/SamFrameAssembler.h"
#include "sam/SamReadResponse.h"
#include "sam/SamStatus.h"
#include "sam/SamTextBlock.h"

#include <cstdint>
#include <cstdlib>

using namespace Sam;

namespace {
void check(bool condition)
{
    if (!condition)
        std::abort(); // an invariant broke: libFuzzer saves the input
}

void decodeFrame(const SamResponse &response)
{
    (void)response.error.message();
    if (!response.ok())
        return;
    (void)decodeTextBlock(response.data); // usually the wrong size: must say so, not crash
    if (response.data.size() >= kTextBlockSize)
        (void)decodeTextBlock(response.data.left(kTextBlockSize));
    for (const ReadTextParts &parts : {splitReadText(response), splitReadWithFingerprint(response)}) {
        (void)parts.error.message();
        if (parts.ok()) {
            const TextBlockResult text = decodeTextBlock(parts.text);
            (void)text.error.message();
        }
    }
    (void)decodeAppendedAddress(response).error.message();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), int(size));

    const SamResponse whole = parseResponse(bytes);
    check(whole.consumed >= 0 && whole.consumed <= bytes.size());
    if (whole.ok())
        check(buildResponse(whole.sw3, whole.data, whole.sw1, whole.sw2) == bytes.left(whole.consumed));
    decodeFrame(whole);

    // A small maximum too, so the TooLong path is reached with small inputs.
    for (int maxFrame : {kDefaultMaxFrameSize, 64}) {
        FrameAssembler assembler(maxFrame);
        int pos = 0;
        while (pos < bytes.size()) {
            const int chunk = 1 + quint8(bytes.at(pos)) % 67; // 1..67: single bytes up to bulk reads
            for (const SamResponse &response : assembler.feed(bytes.mid(pos, chunk))) {
                check(response.error.kind != FrameError::Kind::Truncated);
                decodeFrame(response);
            }
            pos += chunk;
        }
        check(assembler.pendingBytes() <= bytes.size());
    }
    return 0;
}
