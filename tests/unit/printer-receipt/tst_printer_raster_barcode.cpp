// The encoder's newer commands: CODE128 barcodes (GS k) and raster logos (GS v 0) with dithering, through
// the decoder, the JSON lines and the renderer. The rendered bars are read back with ZXing: an
// independent CODE128 reader, so the symbol table cannot be wrong in the same way twice.
#include "Code128.h"
#include "EscPosDecoder.h"
#include "EscPosEncoder.h"
#include "EscPosJson.h"
#include "EscPosRaster.h"
#include "EscPosRenderer.h"
#include "ReceiptTemplate.h"
#include "StrictWarnings.h"

#include <QTest>

#ifdef HAVE_ZXING
#include <ReadBarcode.h>
#endif

static int blackDots(const QByteArray &bits)
{
    int n = 0;
    for (char c : bits)
        n += qPopulationCount(quint8(c));
    return n;
}

class TestRasterBarcode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void code128Symbols()
    {
        // Every symbol is 11 modules wide (the stop 13); bars and spaces alternate starting with a bar.
        const QList<int> m = Code128::modules("A017");
        QCOMPARE(m.size(), 6 * (1 + 4 + 1) + 7);
        int total = 0;
        for (int w : m) {
            QVERIFY(w >= 1 && w <= 4);
            total += w;
        }
        QCOMPARE(total, 11 * 6 + 13);
        // Checksum: (104 + 1*33 + 2*16 + 3*17 + 4*23) % 103 = 312 % 103 = 3
        QCOMPARE(Code128::checksumB("A017"), 3);
        QString error;
        QVERIFY(Code128::modules(QByteArray::fromHex("41e4"), &error).isEmpty());
        QCOMPARE(error, QStringLiteral("barcode: byte 0xe4 at position 1 is not printable ASCII (CODE128 set B)"));
        QVERIFY(Code128::modules("", &error).isEmpty());
        QCOMPARE(error, QStringLiteral("barcode: no data"));
    }

    void barcodeBytesAndDecode()
    {
        const EscPosEncoded e = EscPosEncoder::barcodeCode128("A{17", 80, 3);
        QVERIFY2(e.ok(), qPrintable(e.error));
        QCOMPARE(e.bytes.toHex(' '), QByteArray("1d 68 50 1d 77 03 1d 48 02 1d 6b 49 07 7b 42 41 7b 7b 31 37"));
        const EscPosElements elements = EscPosDecoder::decode(e.bytes);
        QVERIFY(EscPosDecoder::problems(elements).isEmpty());
        const EscPosElement &bar = elements.last();
        QCOMPARE(bar.kind, EscPosElement::Kind::Barcode);
        QCOMPARE(bar.name, QStringLiteral("CODE128"));
        QCOMPARE(EscPosJson::line(bar), QByteArray("{\"barcode\":\"A{17\",\"raw\":\"{BA{{17\",\"type\":\"CODE128\"}"));
        QVERIFY(!EscPosEncoder::barcodeCode128("中").ok());
        QVERIFY(!EscPosEncoder::barcodeCode128("A", 0).ok());
        QCOMPARE(EscPosEncoder::barcodeCode128("A", 64, 9).error,
                 QStringLiteral("barcode: module width 9 dots, the range is 2..6"));
    }

    void renderedBarsReadBack()
    {
        EscPosBuilder b;
        b.initialize().align(EscPosAlign::Centre).barcodeCode128("SH-A017", 64, 2).feedLines(2);
        QVERIFY2(b.ok(), qPrintable(b.error()));
        const EscPosRendering r = EscPosRenderer::render(EscPosDecoder::decode(b.bytes()), EscPosRenderOptions{});
        QVERIFY2(r.problems.isEmpty(), qPrintable(r.problems.join(QLatin1Char(';'))));
        // The bars are there: the rows across the symbol have black runs.
        const QImage grey = r.image.convertToFormat(QImage::Format_Grayscale8);
#ifdef HAVE_ZXING
        const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum,
                                    int(grey.bytesPerLine()));
        const ZXing::Result result =
            ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::Code128));
        QVERIFY2(result.isValid(), "ZXing found no CODE128 symbol in the rendered paper");
        QCOMPARE(QString::fromStdString(result.text()), QStringLiteral("SH-A017"));
#else
        QSKIP("ZXing not found");
#endif
    }

    void ditheringOnASmallImage()
    {
        // Half grey: Floyd–Steinberg prints about half the dots, a threshold none or all.
        QImage grey(16, 16, QImage::Format_RGB32);
        grey.fill(QColor(128, 128, 128));
        const EscPosRasterBits fs = EscPosRaster::fromImage(grey, 384);
        QVERIFY(fs.ok());
        QCOMPARE(fs.widthDots, 16);
        QCOMPARE(fs.bytesPerRow, 2);
        QCOMPARE(fs.rows, 16);
        QVERIFY2(qAbs(blackDots(fs.bits) - 128) <= 8, QByteArray::number(blackDots(fs.bits)));
        QCOMPARE(blackDots(EscPosRaster::fromImage(grey, 384, EscPosRaster::Dither::Threshold).bits), 0);

        QImage white(10, 3, QImage::Format_RGB32);
        white.fill(Qt::white);
        QCOMPARE(blackDots(EscPosRaster::fromImage(white, 384).bits), 0);
        QImage black(10, 3, QImage::Format_RGB32);
        black.fill(Qt::black);
        const EscPosRasterBits all = EscPosRaster::fromImage(black, 384);
        QCOMPARE(all.bits.toHex(' '), QByteArray("ff c0 ff c0 ff c0")); // 10 dots, padding bits clear
        QImage clear(8, 1, QImage::Format_ARGB32);
        clear.fill(Qt::transparent); // transparent black is white paper
        QCOMPARE(blackDots(EscPosRaster::fromImage(clear, 384).bits), 0);

        // Exact: a 2x2 checkerboard of black and white stays itself.
        QImage board(2, 2, QImage::Format_RGB32);
        board.setPixel(0, 0, qRgb(0, 0, 0));
        board.setPixel(1, 0, qRgb(255, 255, 255));
        board.setPixel(0, 1, qRgb(255, 255, 255));
        board.setPixel(1, 1, qRgb(0, 0, 0));
        QCOMPARE(EscPosRaster::fromImage(board, 384).bits.toHex(' '), QByteArray("80 40"));
    }

    void wideImagesAreScaledToThePaper()
    {
        QImage wide(1000, 100, QImage::Format_RGB32);
        wide.fill(Qt::black);
        const EscPosRasterBits r = EscPosRaster::fromImage(wide, 384);
        QCOMPARE(r.widthDots, 384);
        QCOMPARE(r.rows, 38);
        QVERIFY(!EscPosRaster::fromImage(QImage(), 384).ok());
        QCOMPARE(EscPosRaster::fromImage(QImage(), 384).error, QStringLiteral("raster: the image is empty"));
    }

    void logoRoundTrip()
    {
        const QImage logo = ReceiptTemplate::builtInLogo();
        QVERIFY(!logo.isNull());
        EscPosBuilder b;
        b.initialize().align(EscPosAlign::Centre).rasterImage(EscPosRaster::fromImage(logo, 384));
        QVERIFY2(b.ok(), qPrintable(b.error()));
        const EscPosElements elements = EscPosDecoder::decode(b.bytes());
        QVERIFY(EscPosDecoder::problems(elements).isEmpty());
        QCOMPARE(elements.last().kind, EscPosElement::Kind::Image);
        QCOMPARE(elements.last().imageWidth, logo.width() + (8 - logo.width() % 8) % 8);
        QCOMPARE(elements.last().imageHeight, logo.height());
        QCOMPARE(EscPosJson::line(elements.last()),
                 QByteArray("{\"image\":[") + QByteArray::number(elements.last().imageWidth) + ",96],\"align\":\"centre\"}");
        const EscPosRendering r = EscPosRenderer::render(elements, EscPosRenderOptions{});
        QVERIFY(r.problems.isEmpty());
        int black = 0;
        for (int y = 0; y < r.image.height(); ++y)
            for (int x = 0; x < r.image.width(); ++x)
                black += qGray(r.image.pixel(x, y)) < 128;
        QVERIFY2(black > 1000, QByteArray::number(black)); // the emblem is on the paper
    }
};

QTEST_MAIN(TestRasterBarcode)
#include "tst_printer_raster_barcode.moc"
