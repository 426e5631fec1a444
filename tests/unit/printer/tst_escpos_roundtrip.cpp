// Encoder -> decoder round trips, exact bytes where the command table fixes them, the encoder's limits,
// the JSON-lines form, and a receipt from an independent encoder (receiptline) decoded by ours.
#include "EscPosDecoder.h"
#include "EscPosEncoder.h"
#include "EscPosJson.h"
#include "StrictWarnings.h"

#include <QFile>
#include <QTest>

static QList<EscPosElement> ofKind(const EscPosElements &elements, EscPosElement::Kind kind)
{
    QList<EscPosElement> out;
    for (const EscPosElement &e : elements) {
        if (e.kind == kind)
            out.append(e);
    }
    return out;
}

static EscPosElements decodeClean(const QByteArray &bytes)
{
    const EscPosElements elements = EscPosDecoder::decode(bytes);
    const QStringList problems = EscPosDecoder::problems(elements);
    if (!problems.isEmpty())
        qWarning("unexpected decode problems: %s", qPrintable(problems.join(QStringLiteral("; "))));
    return elements;
}

class TestEscPosRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void gb18030ExactBytes()
    {
        const EscPosEncoded encoded = EscPosEncoder::text(QStringLiteral("社区服务中心"));
        QVERIFY2(encoded.ok(), qPrintable(encoded.error));
        QCOMPARE(encoded.bytes.toHex(' '), QByteArray("c9 e7 c7 f8 b7 fe ce f1 d6 d0 d0 c4"));
    }

    void fixedCommandBytes()
    {
        QCOMPARE(EscPosEncoder::initialize().toHex(' '), QByteArray("1b 40"));
        QCOMPARE(EscPosEncoder::chineseMode(true).toHex(' '), QByteArray("1c 26"));
        QCOMPARE(EscPosEncoder::chineseMode(false).toHex(' '), QByteArray("1c 2e"));
        QCOMPARE(EscPosEncoder::align(EscPosAlign::Right).toHex(' '), QByteArray("1b 61 02"));
        QCOMPARE(EscPosEncoder::bold(true).toHex(' '), QByteArray("1b 45 01"));
        QCOMPARE(EscPosEncoder::underline(2).toHex(' '), QByteArray("1b 2d 02"));
        QCOMPARE(EscPosEncoder::characterSize(2, 2).bytes.toHex(' '), QByteArray("1d 21 11"));
        QCOMPARE(EscPosEncoder::characterSize(8, 1).bytes.toHex(' '), QByteArray("1d 21 70"));
        QCOMPARE(EscPosEncoder::feedLines(4).bytes.toHex(' '), QByteArray("1b 64 04"));
        QCOMPARE(EscPosEncoder::cut(EscPosCut::Full).toHex(' '), QByteArray("1d 56 00"));
        QCOMPARE(EscPosEncoder::cut(EscPosCut::Partial).toHex(' '), QByteArray("1d 56 01"));
        QCOMPARE(EscPosEncoder::feedAndCut(5).bytes.toHex(' '), QByteArray("1d 56 42 05"));
        QCOMPARE(EscPosEncoder::qrModel2().toHex(' '), QByteArray("1d 28 6b 04 00 31 41 32 00"));
        QCOMPARE(EscPosEncoder::qrModuleSize(6).bytes.toHex(' '), QByteArray("1d 28 6b 03 00 31 43 06"));
        QCOMPARE(EscPosEncoder::qrErrorCorrection(EscPosQrLevel::Q).toHex(' '),
                 QByteArray("1d 28 6b 03 00 31 45 32"));
        QCOMPARE(EscPosEncoder::qrPrint().toHex(' '), QByteArray("1d 28 6b 03 00 31 51 30"));
    }

    void qrStoreLengthIsDataPlusThree()
    {
        const QByteArray data(300, 'x');
        const QByteArray store = EscPosEncoder::qrStore(data).bytes;
        QCOMPARE(store.left(3).toHex(' '), QByteArray("1d 28 6b"));
        const int length = quint8(store.at(3)) + 256 * quint8(store.at(4));
        QCOMPARE(length, 303);
        QCOMPARE(store.mid(5, 3).toHex(' '), QByteArray("31 50 30"));
        QCOMPARE(store.mid(8), data);
    }

    void chineseText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("service centre") << QStringLiteral("社区服务中心");
        QTest::newRow("mixed ascii") << QStringLiteral("受理编号: A1024 (窗口 3)");
        QTest::newRow("ascii only") << QStringLiteral("Case A1024 / 2024-05-01");
        QTest::newRow("four-byte gb18030") << QStringLiteral("𠮷野家 €");
        QTest::newRow("empty line") << QString();
    }

    void chineseText()
    {
        QFETCH(QString, text);
        EscPosBuilder b;
        b.initialize().chineseMode(true).line(text);
        QVERIFY2(b.ok(), qPrintable(b.error()));
        const QList<EscPosElement> lines = ofKind(decodeClean(b.bytes()), EscPosElement::Kind::TextLine);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].text, text);
        QCOMPARE(lines[0].raw, EscPosEncoder::text(text).bytes);
        for (const EscPosTextSpan &span : lines[0].spans)
            QVERIFY(span.chineseMode);
    }

    void latinWithoutChineseMode()
    {
        // Outside Chinese mode bytes are single-byte characters (Latin-1 here).
        const QByteArray bytes = QByteArray::fromHex("1b40") + "caf\xe9\n";
        const QList<EscPosElement> lines = ofKind(decodeClean(bytes), EscPosElement::Kind::TextLine);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].text, QStringLiteral("café"));
        QVERIFY(!lines[0].spans[0].chineseMode);
        // The same byte in Chinese mode starts a double-byte character.
        const QByteArray chinese = QByteArray::fromHex("1c26") + QByteArray::fromHex("c9e7") + "\n";
        QCOMPARE(ofKind(decodeClean(chinese), EscPosElement::Kind::TextLine)[0].text, QStringLiteral("社"));
    }

    void styles_data()
    {
        QTest::addColumn<int>("align");
        QTest::addColumn<bool>("bold");
        QTest::addColumn<int>("underline");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("plain") << 0 << false << 0 << 1 << 1;
        QTest::newRow("centre bold") << 1 << true << 0 << 1 << 1;
        QTest::newRow("right underline 2") << 2 << false << 2 << 1 << 1;
        QTest::newRow("double") << 1 << true << 1 << 2 << 2;
        QTest::newRow("tall") << 0 << false << 0 << 1 << 3;
        QTest::newRow("largest") << 2 << true << 2 << 8 << 8;
    }

    void styles()
    {
        QFETCH(int, align);
        QFETCH(bool, bold);
        QFETCH(int, underline);
        QFETCH(int, width);
        QFETCH(int, height);
        EscPosBuilder b;
        b.initialize()
            .chineseMode(true)
            .align(EscPosAlign(align))
            .bold(bold)
            .underline(underline)
            .characterSize(width, height)
            .line(QStringLiteral("办理 OK"))
            .initialize()
            .line(QStringLiteral("after reset"));
        QVERIFY2(b.ok(), qPrintable(b.error()));
        const QList<EscPosElement> lines = ofKind(decodeClean(b.bytes()), EscPosElement::Kind::TextLine);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(int(lines[0].align), align);
        QCOMPARE(lines[0].style.bold, bold);
        QCOMPARE(lines[0].style.underline, underline);
        QCOMPARE(lines[0].style.width, width);
        QCOMPARE(lines[0].style.height, height);
        // ESC @ resets every mode.
        QCOMPARE(lines[1].align, EscPosAlign::Left);
        QCOMPARE(lines[1].style, EscPosTextStyle());
    }

    void styleIsTheOneTheTextWasPrintedIn()
    {
        // Bold switched off before the LF: the line was still printed bold. Alignment changed in the
        // middle of a line only applies from the next line, as on a printer.
        EscPosBuilder b;
        b.align(EscPosAlign::Right).bold(true).text(QStringLiteral("Total"));
        b.bold(false).align(EscPosAlign::Left).text(QStringLiteral(" 12.00")).lineFeed();
        b.line(QStringLiteral("next"));
        const QList<EscPosElement> lines = ofKind(decodeClean(b.bytes()), EscPosElement::Kind::TextLine);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].text, QStringLiteral("Total 12.00"));
        QCOMPARE(lines[0].align, EscPosAlign::Right);
        QVERIFY(lines[0].style.bold);
        QCOMPARE(lines[0].spans.size(), 2);
        QVERIFY(lines[0].spans[0].style.bold);
        QVERIFY(!lines[0].spans[1].style.bold);
        QCOMPARE(lines[1].align, EscPosAlign::Left);
        QVERIFY(!lines[1].style.bold);
    }

    void printModeAndFeedCommands()
    {
        // ESC ! 0x38: bold + double height + double width.
        const QByteArray bytes =
            QByteArray::fromHex("1b2138") + "BIG\n" + QByteArray::fromHex("1b2100") + "small\n";
        const QList<EscPosElement> lines = ofKind(decodeClean(bytes), EscPosElement::Kind::TextLine);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].style, (EscPosTextStyle{true, 0, 2, 2}));
        QCOMPARE(lines[1].style, EscPosTextStyle());
    }

    void otherCommandsAreNamed()
    {
        const QByteArray bytes = QByteArray::fromHex("100401"         // DLE EOT 1
                                                     "1b7400"         // ESC t 0
                                                     "1b2100"         // ESC ! 0
                                                     "1c2104"         // FS ! 4
                                                     "1c284102003000" // FS ( A
                                                     "1d284c0200305b" // GS ( L fn 0x5b
                                                     "101401000a");   // DLE DC4 pulse
        QStringList names;
        for (const EscPosElement &e : decodeClean(bytes)) {
            QCOMPARE(e.kind, EscPosElement::Kind::Command);
            names.append(e.name);
        }
        QCOMPARE(names,
                 QStringList({QStringLiteral("real-time status"), QStringLiteral("code table"),
                              QStringLiteral("print mode"), QStringLiteral("Chinese print mode"),
                              QStringLiteral("function FS ( A"), QStringLiteral("graphics function 91"),
                              QStringLiteral("real-time pulse")}));
    }

    void qr_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("moduleSize");
        QTest::addColumn<int>("level");
        QTest::newRow("url") << QByteArrayLiteral("https://gov.example/case/A1024?k=7f3a") << 6
                             << int(EscPosQrLevel::M);
        QTest::newRow("chinese utf-8")
            << QStringLiteral("社区服务中心 受理编号 A1024").toUtf8() << 8 << int(EscPosQrLevel::H);
        QTest::newRow("binary with NUL")
            << QByteArray::fromHex("00ff1b401d560a") << 3 << int(EscPosQrLevel::L);
        QTest::newRow("largest module") << QByteArrayLiteral("A") << 16 << int(EscPosQrLevel::Q);
    }

    void qr()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, moduleSize);
        QFETCH(int, level);
        EscPosBuilder b;
        b.initialize()
            .chineseMode(true)
            .align(EscPosAlign::Centre)
            .qrCode(data, moduleSize, EscPosQrLevel(level));
        QVERIFY2(b.ok(), qPrintable(b.error()));
        const EscPosElements elements = decodeClean(b.bytes());
        const QList<EscPosElement> qrs = ofKind(elements, EscPosElement::Kind::Qr);
        QCOMPARE(qrs.size(), 1);
        QCOMPARE(qrs[0].data, data);
        QCOMPARE(qrs[0].qrModuleSize, moduleSize);
        QCOMPARE(int(qrs[0].qrLevel), level);
        QCOMPARE(qrs[0].align, EscPosAlign::Centre);
        QVERIFY(ofKind(elements, EscPosElement::Kind::TextLine).isEmpty()); // binary data is not text
    }

    void qrLimits()
    {
        const EscPosEncoded tooLong = EscPosEncoder::qrCode(QByteArray(7090, '1'), 6, EscPosQrLevel::L);
        QVERIFY(!tooLong.ok());
        QVERIFY2(tooLong.error.contains(QLatin1String("7090 bytes, the limit is 7089")),
                 qPrintable(tooLong.error));
        // 7089 digits is the largest QR code there is (version 40, level L) ...
        const EscPosEncoded largest = EscPosEncoder::qrCode(QByteArray(7089, '7'), 1, EscPosQrLevel::L);
        QVERIFY2(largest.ok(), qPrintable(largest.error));
        QCOMPARE(ofKind(decodeClean(largest.bytes), EscPosElement::Kind::Qr)[0].data.size(), 7089);
        // ... and does not fit at level M.
        const EscPosEncoded atM = EscPosEncoder::qrCode(QByteArray(7089, '7'), 1, EscPosQrLevel::M);
        QVERIFY(!atM.ok());
        QVERIFY2(atM.error.contains(QLatin1String("do not fit")), qPrintable(atM.error));
        QVERIFY(!EscPosEncoder::qrCode(QByteArray(), 6).ok());
        QVERIFY(EscPosEncoder::qrCode("x", 17).error.contains(QLatin1String("1..16")));
        QVERIFY(EscPosEncoder::qrCode("x", 0).error.contains(QLatin1String("1..16")));
    }

    void cutsAndFeeds()
    {
        EscPosBuilder b;
        b.line(QStringLiteral("a")).feedLines(3).cut(EscPosCut::Full).feedAndCut(7, EscPosCut::Partial);
        b.cut(EscPosCut::Partial).feedAndCut(0, EscPosCut::Full);
        QVERIFY2(b.ok(), qPrintable(b.error()));
        const EscPosElements elements = decodeClean(b.bytes());
        const QList<EscPosElement> feeds = ofKind(elements, EscPosElement::Kind::Feed);
        QCOMPARE(feeds.size(), 1);
        QCOMPARE(feeds[0].count, 3);
        const QList<EscPosElement> cuts = ofKind(elements, EscPosElement::Kind::Cut);
        QCOMPARE(cuts.size(), 4);
        QCOMPARE(cuts[0].partial, false);
        QCOMPARE(cuts[1].partial, true);
        QCOMPARE(cuts[1].count, 7);
        QCOMPARE(cuts[2].partial, true);
        QCOMPARE(cuts[3].partial, false);
        QVERIFY(!EscPosEncoder::feedLines(256).ok());
        QVERIFY(!EscPosEncoder::feedLines(-1).ok());
    }

    void rasterImage()
    {
        QByteArray bits;
        for (int i = 0; i < 3 * 5; ++i)
            bits.append(char(i * 17));
        EscPosBuilder b;
        b.align(EscPosAlign::Right).rasterImage(3, 5, bits);
        QVERIFY2(b.ok(), qPrintable(b.error()));
        const QList<EscPosElement> images = ofKind(decodeClean(b.bytes()), EscPosElement::Kind::Image);
        QCOMPARE(images.size(), 1);
        QCOMPARE(images[0].imageWidth, 24);
        QCOMPARE(images[0].imageHeight, 5);
        QCOMPARE(images[0].data, bits);
        QCOMPARE(images[0].align, EscPosAlign::Right);
        QVERIFY(
            EscPosEncoder::rasterImage(3, 5, bits.left(14)).error.contains(QLatin1String("3 x 5 needs 15")));
        QVERIFY(!EscPosEncoder::rasterImage(73, 1, QByteArray(73, 0)).ok());
    }

    void builderRefusesWhatWouldPrintWrong()
    {
        EscPosBuilder noChineseMode;
        noChineseMode.initialize().line(QStringLiteral("社区"));
        QVERIFY(!noChineseMode.ok());
        QVERIFY2(noChineseMode.error().contains(QLatin1String("Chinese mode is off")),
                 qPrintable(noChineseMode.error()));

        EscPosBuilder injection;
        injection.chineseMode(true).text(QStringLiteral("name\x1b@")).line(QStringLiteral("after"));
        QVERIFY(!injection.ok());
        QVERIFY2(injection.error().startsWith(
                     QLatin1String("command 2: text: control character U+001b at position 4")),
                 qPrintable(injection.error()));
        QCOMPARE(injection.bytes(), EscPosEncoder::chineseMode(true)); // nothing after the error

        EscPosBuilder size;
        size.characterSize(9, 1);
        QVERIFY(size.error().contains(QLatin1String("each must be 1..8")));
        QVERIFY(!EscPosEncoder::text(QString(QChar(0xD800))).ok());
    }

    void jsonLines()
    {
        EscPosBuilder b;
        b.initialize()
            .chineseMode(true)
            .align(EscPosAlign::Centre)
            .bold(true)
            .characterSize(2, 2)
            .line(QStringLiteral("社区服务中心"))
            .initialize()
            .chineseMode(true)
            .line(QStringLiteral("A\"1\\"))
            .qrCode(QStringLiteral("受理 A1").toUtf8(), 4, EscPosQrLevel::Q)
            .rasterImage(1, 2, QByteArray(2, '\x81'))
            .feedLines(2)
            .cut(EscPosCut::Partial);
        QVERIFY2(b.ok(), qPrintable(b.error()));
        const QByteArray expected =
            QStringLiteral(
                "{\"cmd\":\"initialize\",\"bytes\":\"1b 40\"}\n"
                "{\"cmd\":\"Chinese mode on\",\"bytes\":\"1c 26\"}\n"
                "{\"cmd\":\"align\",\"bytes\":\"1b 61 01\"}\n"
                "{\"cmd\":\"bold\",\"bytes\":\"1b 45 01\"}\n"
                "{\"cmd\":\"character size\",\"bytes\":\"1d 21 11\"}\n"
                "{\"text\":\"社区服务中心\",\"align\":\"centre\",\"bold\":true,\"size\":[2,2]}\n"
                "{\"cmd\":\"initialize\",\"bytes\":\"1b 40\"}\n"
                "{\"cmd\":\"Chinese mode on\",\"bytes\":\"1c 26\"}\n"
                "{\"text\":\"A\\\"1\\\\\"}\n"
                "{\"cmd\":\"QR model 2\",\"bytes\":\"1d 28 6b 04 00 31 41 32 00\"}\n"
                "{\"cmd\":\"QR module size\",\"bytes\":\"1d 28 6b 03 00 31 43 04\"}\n"
                "{\"cmd\":\"QR error correction\",\"bytes\":\"1d 28 6b 03 00 31 45 32\"}\n"
                "{\"cmd\":\"QR store\",\"bytes\":\"1d 28 6b 0c 00 31 50 30 e5 8f 97 e7 90 86 20 41 31\"}\n"
                "{\"qr\":\"受理 A1\",\"module\":4,\"ec\":\"Q\"}\n"
                "{\"image\":[8,2]}\n"
                "{\"cmd\":\"feed\",\"lines\":2}\n"
                "{\"cut\":true,\"partial\":true}\n")
                .toUtf8();
        const QList<QByteArray> actualLines = EscPosJson::lines(decodeClean(b.bytes())).split('\n');
        const QList<QByteArray> expectedLines = expected.split('\n');
        for (int i = 0; i < qMin(actualLines.size(), expectedLines.size()); ++i)
            QCOMPARE(QString::fromUtf8(actualLines[i]), QString::fromUtf8(expectedLines[i]));
        QCOMPARE(actualLines.size(), expectedLines.size());

        const EscPosElements odd = EscPosDecoder::decode(QByteArray::fromHex("1b7f07") + "x");
        QCOMPARE(QString::fromUtf8(EscPosJson::lines(odd)),
                 QStringLiteral("{\"cmd\":\"unknown\",\"offset\":0,\"bytes\":\"1b 7f\"}\n"
                                "{\"cmd\":\"unknown\",\"offset\":2,\"bytes\":\"07\"}\n"
                                "{\"error\":\"truncated line: 1 text bytes not followed by LF, not "
                                "printed\",\"offset\":3}\n"));
    }

    // receiptline (an independent encoder, see fixtures/make-receiptline-fixture.js) and our decoder
    // agree on what the receipt says.
    void receiptlineReceipt()
    {
        QFile file(sourcePath(QStringLiteral("tests/unit/printer/fixtures/receiptline-gb18030.bin")));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const EscPosElements elements = decodeClean(file.readAll());
        QVERIFY(ofKind(elements, EscPosElement::Kind::Unknown).isEmpty());
        const QList<EscPosElement> lines = ofKind(elements, EscPosElement::Kind::TextLine);
        QVERIFY(lines.size() >= 6);
        QCOMPARE(lines[0].text, QStringLiteral("社区服务中心"));
        QCOMPARE(lines[0].style.width, 2); // "^" is double width
        QCOMPARE(lines[0].style.height, 1);
        QCOMPARE(lines[1].text, QStringLiteral("受理回执"));
        QCOMPARE(lines[3].text,
                 QStringLiteral("事项居住证办理")); // columns are placed with ESC $, not spaces
        QCOMPARE(lines[4].text, QStringLiteral("编号A1024"));
        // receiptline sends its QR code as a raster graphic (GS 8 L, printed with GS ( L).
        const QList<EscPosElement> images = ofKind(elements, EscPosElement::Kind::Image);
        QCOMPARE(images.size(), 1);
        QCOMPARE(images[0].imageWidth, 174);
        QCOMPARE(images[0].imageHeight, 174);
        QCOMPARE(images[0].align, EscPosAlign::Centre);
        const QList<EscPosElement> cuts = ofKind(elements, EscPosElement::Kind::Cut);
        QCOMPARE(cuts.size(), 1);
        QVERIFY(cuts[0].partial);
    }
};

QTEST_GUILESS_MAIN(TestEscPosRoundTrip)
#include "tst_escpos_roundtrip.moc"
