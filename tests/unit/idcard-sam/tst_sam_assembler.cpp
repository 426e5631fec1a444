// FrameAssembler: frames split into 64-byte bulk reads, garbage in front, bad frames in the stream.
#include "sam/SamFrameAssembler.h"

#include "SamTestData.h"
#include "StrictWarnings.h"

#include <QTest>

using namespace Sam;

namespace {
QList<SamResponse> feedInChunks(FrameAssembler &assembler, const QByteArray &stream, int chunk)
{
    QList<SamResponse> out;
    for (int i = 0; i < stream.size(); i += chunk)
        out += assembler.feed(stream.mid(i, chunk));
    return out;
}

QByteArray readTextFrame()
{
    return responseFrame(0x90, readTextData(TextBlockBuilder().put(0, 30, QStringLiteral("王五")).bytes(),
                                            fakePhoto()));
}
} // namespace

class TestSamAssembler : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void readTextIn64ByteChunks()
    {
        const QByteArray frame = readTextFrame();
        FrameAssembler assembler;
        QList<SamResponse> out;
        for (int i = 0; i < frame.size(); i += 64) {
            const QList<SamResponse> got = assembler.feed(frame.mid(i, 64));
            if (i + 64 < frame.size())
                QVERIFY2(got.isEmpty(), qPrintable(QStringLiteral("frame yielded early at %1").arg(i)));
            out += got;
        }
        QCOMPARE(out.size(), 1);
        QVERIFY(out.first().ok());
        QCOMPARE(out.first().data, frame.mid(10, 1284));
        QCOMPARE(assembler.pendingBytes(), 0);
    }

    void garbageInFrontIsSkippedOnce()
    {
        // Garbage that includes a partial preamble, then two frames back to back.
        const QByteArray garbage = hexBytes("00 13 AA AA 96 FF AA AA AA 96 00 55");
        const QByteArray frame = readTextFrame();
        const QByteArray noCard = hexBytes("AA AA AA 96 69 00 04 00 00 80 84");
        FrameAssembler assembler;
        const QList<SamResponse> out = feedInChunks(assembler, garbage + frame + noCard, 64);
        QCOMPARE(out.size(), 3);
        QCOMPARE(out.at(0).error.kind, FrameError::Kind::BadPreamble);
        QCOMPARE(out.at(0).consumed, garbage.size());
        QVERIFY(out.at(1).ok());
        QCOMPARE(out.at(1).data, frame.mid(10, 1284));
        QVERIFY(out.at(2).ok());
        QCOMPARE(out.at(2).sw3, quint8(0x80));
        QCOMPARE(assembler.pendingBytes(), 0);
    }

    void preambleSplitAcrossChunksIsKept()
    {
        const QByteArray frame = hexBytes("AA AA AA 96 69 00 04 00 00 90 94");
        FrameAssembler assembler;
        QVERIFY(assembler.feed(hexBytes("01 02 AA AA")).size() == 1); // the two garbage bytes
        QCOMPARE(assembler.pendingBytes(), 2);
        const QList<SamResponse> out = assembler.feed(frame.mid(2));
        QCOMPARE(out.size(), 1);
        QVERIFY(out.first().ok());
        QCOMPARE(out.first().sw3, quint8(0x90));
    }

    void oneByteAtATime()
    {
        const QByteArray stream = hexBytes("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97") + readTextFrame();
        FrameAssembler assembler;
        const QList<SamResponse> out = feedInChunks(assembler, stream, 1);
        QCOMPARE(out.size(), 2);
        QCOMPARE(out.at(0).sw3, quint8(0x9F));
        QCOMPARE(out.at(1).data.size(), 1284);
    }

    void badChecksumDropsTheFrameAndGoesOn()
    {
        QByteArray bad = readTextFrame();
        bad[bad.size() - 1] = char(bad.at(bad.size() - 1) ^ 0x01);
        const QByteArray good = hexBytes("AA AA AA 96 69 00 04 00 00 90 94");
        FrameAssembler assembler;
        const QList<SamResponse> out = feedInChunks(assembler, bad + good, 64);
        QCOMPARE(out.size(), 2);
        QCOMPARE(out.at(0).error.kind, FrameError::Kind::BadChecksum);
        QCOMPARE(out.at(0).consumed, bad.size());
        QVERIFY(out.at(1).ok());
    }

    void impossibleLengthResynchronises()
    {
        const QByteArray badLength = hexBytes("AA AA AA 96 69 00 02 00");
        const QByteArray tooLong = hexBytes("AA AA AA 96 69 7F 00");
        const QByteArray good = hexBytes("AA AA AA 96 69 00 04 00 00 91 95");
        FrameAssembler assembler;
        const QList<SamResponse> out = feedInChunks(assembler, badLength + tooLong + good, 64);
        QCOMPARE(out.size(), 5);
        QCOMPARE(out.at(0).error.kind, FrameError::Kind::BadLength);
        QCOMPARE(out.at(0).consumed, 5); // the preamble only
        QCOMPARE(out.at(1).error.kind, FrameError::Kind::BadPreamble); // "00 02 00" after the dropped preamble
        QCOMPARE(out.at(1).consumed, 3);
        QCOMPARE(out.at(2).error.kind, FrameError::Kind::TooLong);
        QCOMPARE(out.at(2).consumed, 5);
        QCOMPARE(out.at(3).error.kind, FrameError::Kind::BadPreamble);
        QCOMPARE(out.at(3).consumed, 2);
        QVERIFY(out.at(4).ok());
        QCOMPARE(out.at(4).sw3, quint8(0x91));
    }

    void incompleteFrameWaitsAndClearForgets()
    {
        const QByteArray frame = readTextFrame();
        FrameAssembler assembler;
        QVERIFY(assembler.feed(frame.left(700)).isEmpty());
        QCOMPARE(assembler.pendingBytes(), 700);
        assembler.clear();
        QCOMPARE(assembler.pendingBytes(), 0);
        const QList<SamResponse> out = assembler.feed(frame);
        QCOMPARE(out.size(), 1);
        QVERIFY(out.first().ok());
    }
};

QTEST_GUILESS_MAIN(TestSamAssembler)
#include "tst_sam_assembler.moc"
