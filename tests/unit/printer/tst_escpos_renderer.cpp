// The renderer: paper of the printer's width, text where the text is (aligned, sized, bold), QR modules
// exactly where the QR matrix has them, raster bits, cuts, and problems for what cannot be printed.
#include "EscPosDecoder.h"
#include "EscPosEncoder.h"
#include "EscPosRenderer.h"
#include "QrMatrix.h"
#include "StrictWarnings.h"

#include <QFontDatabase>
#include <QTest>

static bool isDark(const QImage &image, int x, int y)
{
    return qGray(image.pixel(x, y)) < 128;
}

// The smallest rectangle holding every dark pixel; null when the paper is blank.
static QRect inkBox(const QImage &image)
{
    QRect box;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (isDark(image, x, y))
                box = box.united(QRect(x, y, 1, 1));
    return box;
}

static int inkCount(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += isDark(image, x, y);
    return count;
}

static EscPosRendering renderBytes(const QByteArray &bytes, int widthDots = 384)
{
    EscPosRenderOptions options;
    options.widthDots = widthDots;
    return EscPosRenderer::render(EscPosDecoder::decode(bytes), options);
}

static QByteArray textReceipt(const QString &text, EscPosAlign align = EscPosAlign::Left, bool bold = false,
                              int size = 1)
{
    EscPosBuilder b;
    b.initialize().chineseMode(true).align(align).bold(bold).characterSize(size, size).line(text);
    if (!b.ok())
        qFatal("%s", qPrintable(b.error()));
    return b.bytes();
}

class TestEscPosRenderer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY2(QFontDatabase::hasFamily(QStringLiteral("Noto Sans CJK SC")),
                 "fonts-noto-cjk is not installed");
    }

    void paperWidth_data()
    {
        QTest::addColumn<int>("width");
        QTest::newRow("58 mm") << 384;
        QTest::newRow("80 mm") << 576;
    }

    void paperWidth()
    {
        QFETCH(int, width);
        const EscPosRendering blank = renderBytes(QByteArray(), width);
        QCOMPARE(blank.image.width(), width);
        QVERIFY(blank.image.height() > 0);
        QVERIFY(inkBox(blank.image).isNull());
        const EscPosRendering text = renderBytes(textReceipt(QStringLiteral("社区服务中心")), width);
        QCOMPARE(text.image.width(), width);
        QVERIFY(text.image.height() >= 24);
        QVERIFY(!inkBox(text.image).isNull());
        QCOMPARE(text.problems, QStringList());
    }

    void textIsAlignedAndTakesItsCells()
    {
        // Six double-byte characters: 6 x 24 = 144 dots of cells.
        const QRect left = inkBox(renderBytes(textReceipt(QStringLiteral("社区服务中心"))).image);
        QVERIFY2(left.left() < 8 && left.width() > 120 && left.width() <= 144,
                 qPrintable(QStringLiteral("%1").arg(left.width())));
        const QRect centre =
            inkBox(renderBytes(textReceipt(QStringLiteral("社区服务中心"), EscPosAlign::Centre)).image);
        QVERIFY2(qAbs(centre.center().x() - 192) <= 6, qPrintable(QString::number(centre.center().x())));
        const QRect right =
            inkBox(renderBytes(textReceipt(QStringLiteral("社区服务中心"), EscPosAlign::Right)).image);
        QVERIFY2(right.right() > 384 - 8, qPrintable(QString::number(right.right())));
        // Six ASCII characters take half the width: 12-dot cells.
        const QRect ascii = inkBox(renderBytes(textReceipt(QStringLiteral("ABCDEF"))).image);
        QVERIFY2(ascii.width() > 50 && ascii.width() <= 72, qPrintable(QString::number(ascii.width())));
    }

    void boldAndSize()
    {
        const QImage normal = renderBytes(textReceipt(QStringLiteral("受理回执 A1"))).image;
        const QImage bold =
            renderBytes(textReceipt(QStringLiteral("受理回执 A1"), EscPosAlign::Left, true)).image;
        QVERIFY2(inkCount(bold) > inkCount(normal) * 11 / 10,
                 qPrintable(QStringLiteral("%1 vs %2").arg(inkCount(bold)).arg(inkCount(normal))));
        const QImage doubled =
            renderBytes(textReceipt(QStringLiteral("受理回执 A1"), EscPosAlign::Left, false, 2)).image;
        const QRect small = inkBox(normal);
        const QRect large = inkBox(doubled);
        QVERIFY2(large.width() >= small.width() * 18 / 10 && large.height() >= small.height() * 18 / 10,
                 qPrintable(QStringLiteral("%1x%2 vs %3x%4")
                                .arg(large.width())
                                .arg(large.height())
                                .arg(small.width())
                                .arg(small.height())));
    }

    void longLinesWrap()
    {
        const QImage one = renderBytes(textReceipt(QString(32, QLatin1Char('x')))).image;
        const QImage two = renderBytes(textReceipt(QString(33, QLatin1Char('x')))).image;
        QCOMPARE(two.height() - one.height(), EscPosRenderer::lineSpacing);
    }

    void underlineDrawsALine()
    {
        EscPosBuilder b;
        b.underline(2).line(QStringLiteral("    "));
        const QImage image = renderBytes(b.bytes()).image; // spaces: only the underline is ink
        const QRect box = inkBox(image);
        QCOMPARE(box.width(), 48);
        QCOMPARE(box.height(), 2);
    }

    void qrModulesMatchTheMatrix()
    {
        const QByteArray data = QStringLiteral("https://gov.example/c/A1024 社区").toUtf8();
        EscPosBuilder b;
        b.align(EscPosAlign::Centre).qrCode(data, 5, EscPosQrLevel::M);
        const EscPosRendering rendering = renderBytes(b.bytes());
        QCOMPARE(rendering.problems, QStringList());
        const QrMatrix matrix = QrMatrix::encode(data, EscPosQrLevel::M);
        QVERIFY(matrix.ok());
        const QRect box = inkBox(rendering.image);
        QCOMPARE(box.width(), matrix.size * 5); // finder patterns are dark at both corners
        QCOMPARE(box.height(), matrix.size * 5);
        QVERIFY(qAbs(box.center().x() - 192) <= 3);
        for (int y = 0; y < matrix.size; ++y)
            for (int x = 0; x < matrix.size; ++x)
                QCOMPARE(isDark(rendering.image, box.left() + x * 5 + 2, box.top() + y * 5 + 2),
                         matrix.isDark(x, y));
    }

    void qrWiderThanThePaperIsNotPrinted()
    {
        EscPosBuilder b;
        b.qrCode(QByteArray(200, 'a'), 16, EscPosQrLevel::H);
        const EscPosRendering rendering = renderBytes(b.bytes());
        QCOMPARE(rendering.problems.size(), 1);
        QVERIFY2(rendering.problems[0].contains(QLatin1String("wider than the 384-dot paper")),
                 qPrintable(rendering.problems[0]));
        QVERIFY(inkBox(rendering.image).isNull());
    }

    void rasterBits()
    {
        QByteArray bits; // 16 x 3: row 0 all black, row 1 the left half, row 2 the rightmost dot
        bits += QByteArray::fromHex("ffff") + QByteArray::fromHex("ff00") + QByteArray::fromHex("0001");
        EscPosBuilder b;
        b.rasterImage(2, 3, bits);
        const QImage image = renderBytes(b.bytes()).image;
        const QRect box = inkBox(image);
        QCOMPARE(box, QRect(0, box.top(), 16, 3));
        for (int x = 0; x < 16; ++x) {
            QVERIFY(isDark(image, x, box.top()));
            QCOMPARE(isDark(image, x, box.top() + 1), x < 8);
            QCOMPARE(isDark(image, x, box.top() + 2), x == 15);
        }
    }

    void cutIsADashedLine()
    {
        const QImage full = renderBytes(EscPosEncoder::cut(EscPosCut::Full)).image;
        const QRect box = inkBox(full);
        QVERIFY(box.width() > 300);
        QVERIFY(box.height() <= 3);
        int gaps = 0;
        for (int x = 1; x < full.width(); ++x)
            gaps += isDark(full, x - 1, box.top()) && !isDark(full, x, box.top());
        QVERIFY2(gaps > 10, qPrintable(QString::number(gaps))); // dashed, not solid
        const QImage partial = renderBytes(EscPosEncoder::cut(EscPosCut::Partial)).image;
        QVERIFY(!isDark(partial, 192, inkBox(partial).top()));
    }

    void problemsAreListed()
    {
        const EscPosRendering rendering =
            renderBytes(QByteArray::fromHex("07") + QByteArray::fromHex("1b61"));
        QCOMPARE(rendering.problems,
                 QStringList({QStringLiteral("offset 0: unknown bytes 07 not printed"),
                              QStringLiteral("offset 1: truncated ESC a (align): 3 bytes needed, 2 left")}));
    }

    void longReceiptsAreClipped()
    {
        QByteArray bytes;
        for (int i = 0; i < 100; ++i)
            bytes += EscPosEncoder::feedLines(255).bytes;
        bytes += "end\n";
        const EscPosRendering rendering = renderBytes(bytes);
        QCOMPARE(rendering.image.height(), EscPosRenderOptions().maxHeightDots);
        QVERIFY(rendering.problems.last().contains(QLatin1String("clipped at 16000")));
    }
};

QTEST_MAIN(TestEscPosRenderer)
#include "tst_escpos_renderer.moc"
