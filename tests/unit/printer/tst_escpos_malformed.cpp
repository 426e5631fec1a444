// The decoder on hostile input: truncated streams, malformed commands and random bytes decode without
// crashing or reading past the end, and say what is wrong and where.
#include "EscPosDecoder.h"
#include "EscPosJson.h"
#include "EscPosTestReceipt.h"
#include "StrictWarnings.h"

#include <QRandomGenerator>
#include <QTest>

// Every element lies inside the input, in order.
static QString boundsProblem(const EscPosElements &elements, int size)
{
    int previous = 0;
    for (const EscPosElement &e : elements) {
        if (e.offset < 0 || e.offset > size || e.offset + e.raw.size() > size)
            return QStringLiteral("element at offset %1 (%2 raw bytes) is outside %3 bytes")
                .arg(e.offset)
                .arg(e.raw.size())
                .arg(size);
        if (e.kind != EscPosElement::Kind::Error && e.kind != EscPosElement::Kind::TextLine &&
            e.offset < previous)
            return QStringLiteral("element at offset %1 comes after offset %2").arg(e.offset).arg(previous);
        if (e.kind != EscPosElement::Kind::Error && e.kind != EscPosElement::Kind::TextLine)
            previous = e.offset;
    }
    return QString();
}

class TestEscPosMalformed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void sampleReceiptIsClean()
    {
        const EscPosElements elements = EscPosDecoder::decode(sampleReceipt());
        QCOMPARE(EscPosDecoder::problems(elements), QStringList());
        QSet<EscPosElement::Kind> kinds;
        for (const EscPosElement &e : elements)
            kinds.insert(e.kind);
        for (EscPosElement::Kind kind :
             {EscPosElement::Kind::TextLine, EscPosElement::Kind::Qr, EscPosElement::Kind::Image,
              EscPosElement::Kind::Barcode, EscPosElement::Kind::Feed, EscPosElement::Kind::Cut,
              EscPosElement::Kind::Command})
            QVERIFY2(kinds.contains(kind), qPrintable(EscPosElement::kindName(kind)));
        QStringList printed;
        for (const EscPosElement &e : elements) {
            if (e.kind == EscPosElement::Kind::TextLine)
                printed.append(e.text);
            if (e.kind == EscPosElement::Kind::Barcode)
                printed.append(e.name + QLatin1Char(' ') + QString::fromLatin1(e.data));
        }
        QCOMPARE(printed, QStringList({QStringLiteral("社区服务中心"), QStringLiteral("受理回执"),
                                       QStringLiteral("受理编号: A1024"), QStringLiteral("事项: 居住证办理"),
                                       QStringLiteral("2024-05-01 10:00"), QString(),
                                       QStringLiteral("CODE128 {BA1024")}));
    }

    // A prefix either ends between two elements (and then decodes to exactly the first elements of the
    // whole receipt) or reports what was truncated.
    void everyPrefixDecodesOrReportsTruncation()
    {
        const QByteArray receipt = sampleReceipt();
        const EscPosElements whole = EscPosDecoder::decode(receipt);
        QList<QByteArray> wholeLines;
        for (const EscPosElement &e : whole)
            wholeLines.append(EscPosJson::line(e));

        int truncated = 0;
        for (int n = 0; n < receipt.size(); ++n) {
            const EscPosElements part = EscPosDecoder::decode(receipt.left(n));
            const QString bounds = boundsProblem(part, n);
            QVERIFY2(bounds.isEmpty(), qPrintable(QStringLiteral("prefix %1: %2").arg(n).arg(bounds)));
            const QStringList problems = EscPosDecoder::problems(part);
            if (!problems.isEmpty()) {
                ++truncated;
                QVERIFY2(problems.last().contains(QLatin1String("truncated")),
                         qPrintable(
                             QStringLiteral("prefix %1: %2").arg(n).arg(problems.join(QLatin1String("; ")))));
                continue;
            }
            QVERIFY2(part.size() <= whole.size(), qPrintable(QStringLiteral("prefix %1").arg(n)));
            for (int i = 0; i < part.size(); ++i)
                QCOMPARE(EscPosJson::line(part[i]), wholeLines[i]);
        }
        // Most cut points are inside a command or a line.
        QVERIFY2(truncated > receipt.size() * 3 / 4, qPrintable(QString::number(truncated)));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const char *hex, int offset, const char *message) {
            QTest::newRow(name) << QByteArray::fromHex(hex) << offset << QString::fromUtf8(message);
        };
        row("lone ESC", "0a1b", 1, "truncated command: ESC at the end of the data");
        row("align without n", "1b61", 0, "truncated ESC a (align): 3 bytes needed, 2 left");
        row("QR store cut short", "1d286b10003150304142", 0, "truncated GS ( k: 21 bytes needed, 10 left");
        row("GS ( k too short", "1d286b010031", 0, "parameter length 1, needs at least 2");
        row("QR print without data", "1d286b03003151300a", 0, "no QR data stored");
        row("QR module size 0", "1d286b0300314300", 0, "n=0 is not 1..16");
        row("QR level out of range", "1d286b0300314535", 0, "n=53 is not 48..51");
        row("QR store without m", "1d286b04003150314142", 0, "m=0x31 is not 0x30");
        row("raster cut short", "1d76300002000200ff", 0,
            "truncated GS v 0 (raster image 2 x 2 bytes): 12 bytes");
        row("raster huge", "1d763000ffffffff00", 0, "4294836233 bytes needed, 9 left");
        row("raster empty", "1d76300000000500", 0, "nothing to print");
        row("graphics huge", "1d384cffffffff3070", 0, "truncated GS 8 L (graphics): 4294967302 bytes needed");
        row("graphics size mismatch", "1d284c0b0030703001013110000200ff", 0,
            "16 x 2 dots needs 4 bytes of data, has 1");
        row("graphics print without store", "1d284c020030320a", 0, "no graphic stored");
        row("gb18030 1 of 2", "1c26c9", 2, "truncated GB18030 character: 1 of 2 bytes");
        row("gb18030 before LF", "1c26c90a", 2,
            "incomplete GB18030 character: lead byte 0xc9 followed by 0x0a");
        row("gb18030 3 of 4", "1c2681308141", 2, "invalid GB18030 four-byte character");
        row("gb18030 four cut", "1c268130", 2, "truncated GB18030 character: 2 of 4 bytes");
        row("gb18030 bad lead", "1c26800a", 2, "byte 0x80 is not a GB18030 lead byte");
        row("text without LF", "1b40414243", 2, "truncated line: 3 text bytes not followed by LF");
        row("initialize drops text", "41421b400a", 2,
            "initialize discarded 2 unprinted text bytes from offset 0");
        row("align 5", "1b61050a", 0, "ESC a (align): n=5 is not 0..2 or 48..50, ignored");
        row("size 10x10", "1d2199", 0, "GS ! (character size): size 10x10 is beyond 8x8, ignored");
        row("cut mode 7", "1d5607", 0, "GS V (cut): mode m=7 is unknown");
        row("feed cut without n", "1d5642", 0, "truncated GS V (cut): 4 bytes needed, 3 left");
        row("barcode cut short", "1d6b49054142", 0,
            "truncated GS k (barcode CODE128): 9 bytes needed, 6 left");
        row("barcode without NUL", "1d6b044142", 0, "truncated GS k (barcode CODE39): no NUL after the data");
        row("barcode system 9", "1d6b0931323300", 0, "system m=9 is unknown");
        row("column image cut short", "1b2a21030001020304", 0,
            "truncated ESC * (bit image): 14 bytes needed, 9 left");
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, offset);
        QFETCH(QString, message);
        const EscPosElements elements = EscPosDecoder::decode(bytes);
        QVERIFY(boundsProblem(elements, int(bytes.size())).isEmpty());
        const QStringList problems = EscPosDecoder::problems(elements);
        const QString at = QStringLiteral("offset %1: ").arg(offset);
        bool found = false;
        for (const QString &p : problems)
            found = found || (p.startsWith(at) && p.contains(message));
        QVERIFY2(found, qPrintable(QStringLiteral("wanted \"%1%2\", got: %3")
                                       .arg(at, message, problems.join(QLatin1String("; ")))));
    }

    void decodingContinuesAfterAnError()
    {
        // A bad alignment is ignored; the line after it still prints, left-aligned.
        const EscPosElements elements = EscPosDecoder::decode(QByteArray::fromHex("1b6109") + "ok\n");
        QCOMPARE(EscPosDecoder::problems(elements).size(), 1);
        QCOMPARE(elements.last().kind, EscPosElement::Kind::TextLine);
        QCOMPARE(elements.last().text, QStringLiteral("ok"));
        // An invalid GB18030 byte prints as U+FFFD and the rest of the line survives.
        const EscPosElements chinese =
            EscPosDecoder::decode(QByteArray::fromHex("1c26ff") + QByteArray::fromHex("c9e7") + "\n");
        QCOMPARE(chinese.last().text, QStringLiteral("\uFFFD社"));
    }

    void unknownBytesAreReported()
    {
        const EscPosElements elements = EscPosDecoder::decode(QByteArray::fromHex("071b7f1d0e") + "x\n");
        QCOMPARE(elements.size(), 4);
        QCOMPARE(elements[0].kind, EscPosElement::Kind::Unknown);
        QCOMPARE(elements[0].raw, QByteArray::fromHex("07"));
        QCOMPARE(elements[1].raw, QByteArray::fromHex("1b7f"));
        QCOMPARE(elements[2].raw, QByteArray::fromHex("1d0e"));
        QCOMPARE(elements[3].text, QStringLiteral("x"));
    }

    // Random streams, biased towards command bytes so that most of them start commands.
    void randomBytesNeverEscapeTheInput()
    {
        QRandomGenerator random(20240501);
        static const char interesting[] = {0x1b, 0x1d,       0x1c,       0x10, 0x0a,       0x28, 0x6b,
                                           0x76, 0x30,       0x31,       0x4c, 0x38,       0x56, 0x21,
                                           0x61, char(0xc9), char(0x81), 0x00, char(0xff), 0x50, 0x51};
        const QByteArray receipt = sampleReceipt();
        for (int round = 0; round < 3000; ++round) {
            QByteArray bytes;
            const int length = random.bounded(120);
            for (int i = 0; i < length; ++i)
                bytes.append(random.bounded(3) == 0 ? char(random.bounded(256))
                                                    : interesting[random.bounded(int(sizeof interesting))]);
            if (round % 3 == 0) { // mutate a real receipt instead
                bytes = receipt;
                for (int flips = random.bounded(1, 6); flips > 0; --flips)
                    bytes[random.bounded(int(bytes.size()))] = char(random.bounded(256));
                bytes.truncate(random.bounded(int(bytes.size())) + 1);
            }
            const EscPosElements elements = EscPosDecoder::decode(bytes);
            const QString bounds = boundsProblem(elements, int(bytes.size()));
            QVERIFY2(bounds.isEmpty(),
                     qPrintable(QStringLiteral("%1: %2").arg(QString::fromLatin1(bytes.toHex()), bounds)));
            QCOMPARE(EscPosJson::lines(EscPosDecoder::decode(bytes)), EscPosJson::lines(elements));
        }
    }
};

QTEST_GUILESS_MAIN(TestEscPosMalformed)
#include "tst_escpos_malformed.moc"
