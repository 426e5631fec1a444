// SAM frames: command bytes against the reference table, response parsing, truncation, checksums, LEN.
#include "sam/SamFrame.h"

#include "SamTestData.h"
#include "StrictWarnings.h"

#include <QTest>

using namespace Sam;

class TestSamFrame : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void commandsMatchReferenceTable_data()
    {
        QTest::addColumn<QByteArray>("built");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("reset") << resetCommand() << hexBytes("AA AA AA 96 69 00 03 10 FF EC");
        QTest::newRow("status") << statusCommand() << hexBytes("AA AA AA 96 69 00 03 11 FF ED");
        QTest::newRow("sam id") << samIdCommand() << hexBytes("AA AA AA 96 69 00 03 12 FF EE");
        QTest::newRow("find card") << findCardCommand() << hexBytes("AA AA AA 96 69 00 03 20 01 22");
        QTest::newRow("select card") << selectCardCommand() << hexBytes("AA AA AA 96 69 00 03 20 02 21");
        QTest::newRow("read text") << readTextCommand() << hexBytes("AA AA AA 96 69 00 03 30 01 32");
        QTest::newRow("read address") << readAppendedAddressCommand() << hexBytes("AA AA AA 96 69 00 03 30 03 30");
        QTest::newRow("read fingerprint") << readWithFingerprintCommand() << hexBytes("AA AA AA 96 69 00 03 30 10 23");
    }
    void commandsMatchReferenceTable()
    {
        QFETCH(QByteArray, built);
        QFETCH(QByteArray, expected);
        QCOMPARE(built.toHex(' '), expected.toHex(' '));
    }

    void commandWithData()
    {
        // The baud rate command (60) with one data byte: LEN counts CMD PARA data CHK.
        const QByteArray built = buildCommand(0x60, 0x00, QByteArray(1, '\x01'));
        QCOMPARE(built.toHex(' '), hexBytes("AA AA AA 96 69 00 04 60 00 01 65").toHex(' '));
    }

    void referenceChecksums()
    {
        QCOMPARE(xorChecksum(hexBytes("00 03 20 01"), 0, 4), quint8(0x22));
        QCOMPARE(xorChecksum(hexBytes("00 08 00 00 9F 00 00 00 00"), 0, 9), quint8(0x97));
    }

    void parsesReferenceResponses()
    {
        const SamResponse status = parseResponse(hexBytes("AA AA AA 96 69 00 04 00 00 90 94"));
        QVERIFY2(status.ok(), qPrintable(status.error.message()));
        QCOMPARE(status.sw1, quint8(0));
        QCOMPARE(status.sw2, quint8(0));
        QCOMPARE(status.sw3, quint8(0x90));
        QVERIFY(status.data.isEmpty());
        QCOMPARE(status.consumed, 11);

        const SamResponse found = parseResponse(hexBytes("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"));
        QVERIFY2(found.ok(), qPrintable(found.error.message()));
        QCOMPARE(found.sw3, quint8(0x9F));
        QCOMPARE(found.data, QByteArray(4, '\0'));

        const SamResponse selected = parseResponse(
            hexBytes("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C"));
        QVERIFY2(selected.ok(), qPrintable(selected.error.message()));
        QCOMPARE(selected.data.size(), 8);
    }

    void parsesFailureResponses_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("sw3");
        QTest::newRow("no card") << hexBytes("AA AA AA 96 69 00 04 00 00 80 84") << 0x80;
        QTest::newRow("select failed") << hexBytes("AA AA AA 96 69 00 04 00 00 81 85") << 0x81;
        QTest::newRow("read failed") << hexBytes("AA AA AA 96 69 00 04 00 00 41 45") << 0x41;
    }
    void parsesFailureResponses()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, sw3);
        const SamResponse response = parseResponse(frame);
        QVERIFY2(response.ok(), qPrintable(response.error.message()));
        QCOMPARE(int(response.sw3), sw3);
        QCOMPARE(buildResponse(quint8(sw3)), frame);
    }

    void leavesFollowingBytesAlone()
    {
        const QByteArray first = responseFrame(0x9F, QByteArray(4, '\0'));
        const QByteArray second = responseFrame(0x90, QByteArray(8, '\x11'));
        const SamResponse response = parseResponse(first + second);
        QVERIFY(response.ok());
        QCOMPARE(response.consumed, first.size());
        QCOMPARE(response.sw3, quint8(0x9F));
        const SamResponse next = parseResponse((first + second).mid(response.consumed));
        QVERIFY(next.ok());
        QCOMPARE(next.data, QByteArray(8, '\x11'));
    }

    void everyPrefixOfReadTextIsTruncated()
    {
        const QByteArray frame = responseFrame(0x90, readTextData(TextBlockBuilder().bytes(), fakePhoto()));
        QCOMPARE(frame.size(), 1295);
        QCOMPARE(frame.mid(5, 2).toHex(), QByteArray("0508"));
        QVERIFY(parseResponse(frame).ok());
        for (int size = 0; size < frame.size(); ++size) {
            const SamResponse response = parseResponse(frame.left(size));
            if (response.error.kind != FrameError::Kind::Truncated)
                QFAIL(qPrintable(QStringLiteral("prefix of %1 bytes: %2").arg(size).arg(response.error.message())));
            const int needed = size < 7 ? 7 - size : 1295 - size;
            QCOMPARE(response.error.needed, needed);
            QCOMPARE(response.consumed, 0);
        }
        QCOMPARE(parseResponse(frame.left(1000)).error.message(), QStringLiteral("truncated: need 295 more bytes"));
    }

    void badChecksum()
    {
        QByteArray frame = hexBytes("AA AA AA 96 69 00 03 20 01 23"); // command shape: LEN 3 is too short
        QCOMPARE(parseResponse(frame).error.kind, FrameError::Kind::BadLength);

        frame = hexBytes("AA AA AA 96 69 00 04 00 00 80 85");
        const SamResponse response = parseResponse(frame);
        QCOMPARE(response.error.kind, FrameError::Kind::BadChecksum);
        QCOMPARE(response.error.expected, quint8(0x84));
        QCOMPARE(response.error.got, quint8(0x85));
        QCOMPARE(response.error.message(), QStringLiteral("checksum: expected 0x84, got 0x85"));

        QByteArray readText = responseFrame(0x90, readTextData(TextBlockBuilder().bytes(), fakePhoto()));
        readText[700] = char(readText[700] ^ 0x40); // a flipped bit in the photo
        QCOMPARE(parseResponse(readText).error.kind, FrameError::Kind::BadChecksum);
    }

    void badLength_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("length");
        QTest::newRow("zero") << hexBytes("AA AA AA 96 69 00 00 00 00 90 94") << 0;
        QTest::newRow("three") << hexBytes("AA AA AA 96 69 00 03 00 00 90 94") << 3;
    }
    void badLength()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, length);
        const SamResponse response = parseResponse(frame);
        QCOMPARE(response.error.kind, FrameError::Kind::BadLength);
        QCOMPARE(response.error.length, length);
        QCOMPARE(response.error.message(), QStringLiteral("bad length: LEN=%1 (at least 4)").arg(length));
    }

    void tooLong()
    {
        const SamResponse response = parseResponse(hexBytes("AA AA AA 96 69 FF FF 00 00 90"));
        QCOMPARE(response.error.kind, FrameError::Kind::TooLong);
        QCOMPARE(response.error.length, 7 + 0xFFFF);
        // a smaller limit applies to frames that would otherwise be fine
        const QByteArray frame = responseFrame(0x90, readTextData(TextBlockBuilder().bytes(), fakePhoto()));
        QCOMPARE(parseResponse(frame, 1294).error.kind, FrameError::Kind::TooLong);
        QVERIFY(parseResponse(frame, 1295).ok());
    }

    void badPreamble()
    {
        SamResponse response = parseResponse(hexBytes("AA AA 00 96 69 00 04 00 00 90 94"));
        QCOMPARE(response.error.kind, FrameError::Kind::BadPreamble);
        QCOMPARE(response.error.offset, 2);
        QCOMPARE(response.error.message(), QStringLiteral("bad preamble at offset 2"));
        response = parseResponse(hexBytes("00"));
        QCOMPARE(response.error.kind, FrameError::Kind::BadPreamble);
        QCOMPARE(response.error.offset, 0);
    }
};

QTEST_GUILESS_MAIN(TestSamFrame)
#include "tst_sam_frame.moc"
