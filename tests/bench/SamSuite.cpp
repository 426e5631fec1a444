#include "SamSuite.h"

#include "sam/SamFrameAssembler.h"
#include "sam/SamReadResponse.h"
#include "sam/SamTextBlock.h"

#include "SamIdCardReader.h"
#include "SamTestData.h"
#include "transport/ModelSamTransport.h"

#include <QCoreApplication>

#include <cstring>

using namespace Sam;

namespace {
constexpr int kChunkSize = 64;          // one USB bulk transfer
constexpr int kReadTextFrameSize = 1295; // 7 header + 3 SW + 4 lengths + 256 text + 1024 photo + 1 CHK

// A fictional resident's card, built field by field at the layout offsets (as the unit tests do).
QByteArray residentTextBlock()
{
    return TextBlockBuilder()
        .put(0, 30, QStringLiteral("赵一鸣"))
        .put(30, 2, QStringLiteral("1"))
        .put(32, 4, QStringLiteral("01"))
        .put(36, 16, QStringLiteral("19880412"))
        .put(52, 70, QStringLiteral("上海市黄浦区测试路100弄5号"))
        .put(122, 36, withCheckCharacter(QStringLiteral("31010119880412001")))
        .put(158, 30, QStringLiteral("上海市公安局黄浦分局"))
        .put(188, 16, QStringLiteral("20160301"))
        .put(204, 16, QStringLiteral("20360301"))
        .bytes();
}

// Chunks -> assembler -> the last frame it resolved; a Truncated error when none came out.
SamResponse assemble(FrameAssembler &assembler, const QList<QByteArray> &chunks)
{
    SamResponse frame;
    frame.error.kind = FrameError::Kind::Truncated;
    for (const QByteArray &chunk : chunks)
        for (const SamResponse &r : assembler.feed(chunk))
            frame = r;
    return frame;
}
} // namespace

SuiteReport runSamSuite(const BenchConfig &config)
{
    SuiteReport report;
    report.suite = QStringLiteral("sam");

    const QByteArray frame = responseFrame(0x90, readTextData(residentTextBlock(), fakePhoto()));
    if (frame.size() != kReadTextFrameSize) {
        report.error = QStringLiteral("read-text frame is %1 bytes, expected %2").arg(frame.size()).arg(kReadTextFrameSize);
        return report;
    }
    QList<QByteArray> chunks; // as the transport hands them over: split before timing
    for (int i = 0; i < frame.size(); i += kChunkSize)
        chunks.append(frame.mid(i, kChunkSize));

    // Check once that the pipeline really yields the card, so the bench times the successful path.
    FrameAssembler assembler;
    const SamResponse response = assemble(assembler, chunks);
    const ReadTextParts parts = splitReadText(response);
    const TextBlockResult card = decodeTextBlock(parts.text);
    if (!response.ok() || !parts.ok() || !card.ok() || assembler.pendingBytes() != 0) {
        report.error = QStringLiteral("read-text pipeline failed: frame %1; parts %2; text %3")
                           .arg(response.error.message(), parts.error.message(), card.error.message());
        return report;
    }

    BenchResult assembleResult = benchMeasure(QStringLiteral("assemble_64"), config, [&] {
        benchKeep(assemble(assembler, chunks).data.size());
    });
    assembleResult.bytes = frame.size();
    report.results.append(assembleResult);

    BenchResult split = benchMeasure(QStringLiteral("split_read_text"), config, [&] {
        benchKeep(splitReadText(response).text.size());
    });
    split.bytes = response.data.size();
    report.results.append(split);

    BenchResult decode = benchMeasure(QStringLiteral("decode_text_block"), config, [&] {
        benchKeep(decodeTextBlock(parts.text).card.name.size());
    });
    decode.bytes = parts.text.size();
    report.results.append(decode);

    BenchResult total = benchMeasure(QStringLiteral("read_text_total"), config, [&] {
        const SamResponse r = assemble(assembler, chunks);
        benchKeep(decodeTextBlock(splitReadText(r).text).card.name.size());
    });
    total.bytes = frame.size();
    report.results.append(total);

    QByteArray buffer(frame.size(), '\0');
    BenchResult copy = benchMeasure(QStringLiteral("copy_64"), config, [&] {
        int at = 0;
        for (const QByteArray &chunk : chunks) {
            std::memcpy(buffer.data() + at, chunk.constData(), size_t(chunk.size()));
            at += chunk.size();
        }
        benchKeep(buffer.at(at - 1));
    });
    copy.bytes = frame.size();
    report.baselines.append(copy);

    for (const QString &op : {QStringLiteral("assemble_64"), QStringLiteral("split_read_text"),
                              QStringLiteral("decode_text_block"), QStringLiteral("read_text_total")})
        report.addRatio(op, QStringLiteral("copy_64"));

    // What SamIdCardReader adds per card on top of the transport: place a card, run the event loop until
    // cardRead (find, select, read text: three exchanges through SamTransport, timers, signals), take the card
    // away and run until cardRemoved (find + select). In-memory transport with zero delay, poll interval 0.
    // Compare with read_text_total (the codec alone).
    {
        auto *transport = new ModelSamTransport;
        SamIdCardReader::Options options;
        options.pollIntervalMs = 0;
        options.reopenIntervalMs = 0;
        SamIdCardReader reader(QStringLiteral("bench"), transport, options);
        const IdCardData cardData = card.card;
        bool read = false;
        bool removed = false;
        QObject::connect(&reader, &SamIdCardReader::cardRead, &reader, [&] { read = true; });
        QObject::connect(&reader, &SamIdCardReader::cardRemoved, &reader, [&] { removed = true; });
        const auto spin = [](const bool &flag) {
            for (int i = 0; i < 1000000 && !flag; ++i)
                QCoreApplication::processEvents();
            return flag;
        };
        bool ready = false;
        QObject::connect(&reader, &Device::stateChanged, &reader, [&] { ready = reader.isReady(); });
        reader.start();
        bool ok = spin(ready);
        const auto cycle = [&] {
            read = removed = false;
            transport->model().placeCard(cardData);
            ok = spin(read) && ok;
            transport->model().removeCard();
            ok = spin(removed) && ok;
        };
        cycle();
        if (!ok) {
            report.error = QStringLiteral("reader cycle over the in-memory SAM did not complete");
            return report;
        }
        BenchResult readerCycle = benchMeasure(QStringLiteral("reader_read_cycle"), config, [&] {
            cycle();
            benchKeep(read ? 1 : 0);
        });
        readerCycle.bytes = frame.size();
        report.results.append(readerCycle);
        reader.stop();
        report.addRatio(QStringLiteral("reader_read_cycle"), QStringLiteral("read_text_total"));
    }
    return report;
}
