// Serial scanner framing: CR, LF and CRLF terminators, chunks split anywhere, over-long lines.
#include "codec/SerialLineFramer.h"

#include "StrictWarnings.h"

#include <QTest>

using namespace SerialScan;

namespace {
// Scans as bytes, errors as "!" + message, in stream order.
QStringList describe(const QList<FramedLine> &lines)
{
    QStringList out;
    for (const FramedLine &l : lines)
        out.append(l.ok() ? QString::fromUtf8(l.bytes) : QStringLiteral("!") + l.error);
    return out;
}
} // namespace

class TestSerialLineFramer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void terminators_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QStringList>("expected");
        const QStringList ab{QStringLiteral("A1"), QStringLiteral("B2")};
        QTest::newRow("CR") << QByteArray("A1\rB2\r") << ab;
        QTest::newRow("LF") << QByteArray("A1\nB2\n") << ab;
        QTest::newRow("CRLF") << QByteArray("A1\r\nB2\r\n") << ab;
        QTest::newRow("mixed") << QByteArray("A1\r\nB2\rC3\nD4\r\n")
                               << QStringList{"A1", "B2", "C3", "D4"};
        QTest::newRow("empty lines skipped") << QByteArray("\r\n\nA1\r\r\n\rB2\n\n") << ab;
        QTest::newRow("LFCR is two terminators") << QByteArray("A1\n\rB2\n") << ab;
        QTest::newRow("unterminated waits") << QByteArray("A1\nB2") << QStringList{"A1"};
        QTest::newRow("utf-8 kept as bytes") << QByteArray("预约\r\n") << QStringList{QStringLiteral("预约")};
    }

    void terminators()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QStringList, expected);
        SerialLineFramer framer;
        QCOMPARE(describe(framer.feed(stream)), expected);
    }

    void chunksSplitAnywhere()
    {
        const QByteArray stream("A1\r\nB2\rC3\nD4\r\n\r\nE5\r");
        const QStringList expected{"A1", "B2", "C3", "D4", "E5"};
        for (int i = 0; i <= stream.size(); ++i) {
            for (int j = i; j <= stream.size(); ++j) {
                SerialLineFramer framer;
                QList<FramedLine> got = framer.feed(stream.left(i));
                got += framer.feed(stream.mid(i, j - i));
                got += framer.feed(stream.mid(j));
                QVERIFY2(describe(got) == expected, qPrintable(QStringLiteral("split at %1, %2: %3")
                                                                   .arg(i)
                                                                   .arg(j)
                                                                   .arg(describe(got).join('|'))));
                QCOMPARE(framer.pendingBytes(), 0);
            }
        }
    }

    void crlfAcrossChunksIsOneTerminator()
    {
        SerialLineFramer framer;
        QCOMPARE(describe(framer.feed("CODE\r")), QStringList{"CODE"});
        QCOMPARE(describe(framer.feed("\nNEXT\r")), QStringList{"NEXT"});
    }

    void lineAtTheBoundIsDelivered()
    {
        SerialLineFramer framer(8);
        QCOMPARE(describe(framer.feed("12345678\n")), QStringList{"12345678"});
    }

    void overLongLineInOneChunk()
    {
        SerialLineFramer framer(8);
        QCOMPARE(describe(framer.feed("123456789\nOK\n")),
                 (QStringList{QStringLiteral("!line too long: over 8 bytes; dropped up to the next CR/LF"),
                              QStringLiteral("OK")}));
    }

    void overLongLineAcrossChunksIsReportedOnce()
    {
        SerialLineFramer framer(8);
        QList<FramedLine> got;
        for (int i = 0; i < 100; ++i)
            got += framer.feed("abc");
        QVERIFY(framer.pendingBytes() <= 8);
        got += framer.feed("def\r");
        got += framer.feed("\nOK\r\n");
        QCOMPARE(describe(got),
                 (QStringList{QStringLiteral("!line too long: over 8 bytes; dropped up to the next CR/LF"),
                              QStringLiteral("OK")}));
    }

    void overLongThenCrlfSplitDoesNotEmitEmptyScan()
    {
        SerialLineFramer framer(4);
        QList<FramedLine> got = framer.feed("toolong\r");
        got += framer.feed("\n");
        got += framer.feed("ok\n");
        QCOMPARE(describe(got), (QStringList{QStringLiteral("!line too long: over 4 bytes; dropped up to the next CR/LF"),
                                             QStringLiteral("ok")}));
    }

    void clearForgetsAPartialLine()
    {
        SerialLineFramer framer;
        QVERIFY(framer.feed("HALF").isEmpty());
        QCOMPARE(framer.pendingBytes(), 4);
        framer.clear();
        QCOMPARE(describe(framer.feed("WHOLE\n")), QStringList{"WHOLE"});
    }
};

QTEST_GUILESS_MAIN(TestSerialLineFramer)
#include "tst_serial_line_framer.moc"
