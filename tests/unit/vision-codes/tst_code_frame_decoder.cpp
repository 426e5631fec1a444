// CodeFrameDecoder: generated frames (exact results, corners, every QImage format, garbage) and the real
// photos in the barcode samples (counts reached with the kiosk's settings; skipped when the samples are
// not there).
#include "CodeFrameDecoder.h"
#include "FinderPatternHint.h"
#include "StrictWarnings.h"
#include "VisionTestFrames.h"

#include <QTest>

#include <map>

namespace {
// Decodes every image of a samples folder with the kiosk's settings; returns how many gave the expected
// text (or, for a .bin sample, any code) and, in *anyResult, how many gave any code at all.
int decodeFolder(const QString &dir, const QString &folder, CodeFormats formats, int *anyResult, int *images,
                 std::map<DecodeStep, int> *steps = nullptr)
{
    CodeFrameDecoder decoder(CodeFrameDecoder::kioskOptions(formats));
    int matched = 0;
    *anyResult = 0;
    const QList<CodeSample> samples = codeSamples(dir, folder);
    *images = int(samples.size());
    for (const CodeSample &sample : samples) {
        QString error;
        const QImage image = loadCodeImage(sample.path, &error);
        if (image.isNull()) {
            qInfo("%s (counts as no result)", qPrintable(error)); // 1x1.webp: OpenCV refuses it
            continue;
        }
        const QList<DecodedCode> codes = decoder.decode(image);
        if (!codes.isEmpty())
            ++*anyResult;
        if (steps)
            ++(*steps)[decoder.lastStep()];
        const bool hit = std::any_of(codes.begin(), codes.end(), [&](const DecodedCode &c) {
            return !sample.hasExpectedText || c.text == sample.expected;
        });
        if (hit)
            ++matched;
        else if (qEnvironmentVariableIsSet("ONESTOP_VISION_VERBOSE"))
            qInfo("miss: %s (hinted %d)", qPrintable(sample.path), decoder.lastHinted());
    }
    return matched;
}
} // namespace

class TestCodeFrameDecoder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void formatNames()
    {
        QCOMPARE(codeFormatName(CodeFormat::QRCode), QStringLiteral("QRCode"));
        QCOMPARE(codeFormatsFromName(QStringLiteral("qr")), CodeFormats(CodeFormat::QRCode));
        QCOMPARE(codeFormatsFromName(QStringLiteral("DataMatrix")), CodeFormats(CodeFormat::DataMatrix));
        QCOMPARE(codeFormatsFromName(QStringLiteral("pdf417")), CodeFormats(CodeFormat::PDF417));
        QVERIFY(!codeFormatsFromName(QStringLiteral("ean13")));
    }

    void decodesAGeneratedFrame_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("module");
        QTest::newRow("1080p, 8 px modules") << QSize(1920, 1080) << 8;
        QTest::newRow("1080p, 4 px modules") << QSize(1920, 1080) << 4;
        QTest::newRow("640x480, 4 px modules") << QSize(640, 480) << 4;
        QTest::newRow("640x480, 3 px modules") << QSize(640, 480) << 3;
    }

    void decodesAGeneratedFrame()
    {
        QFETCH(QSize, size);
        QFETCH(int, module);
        const QString text = QStringLiteral("https://zwdt.example.gov.cn/track/SH-2026-000123?k=7f3a");
        const QImage frame = qrCodeFrame(text, size, module);
        CodeFrameDecoder decoder;
        const QList<DecodedCode> codes = decoder.decode(frame);
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes[0].text, text);
        QCOMPARE(codes[0].format, CodeFormat::QRCode);
        QCOMPARE(codes[0].symbology, QStringLiteral("]Q1"));
        // The corners are in frame pixels, around the centre where the code was drawn.
        const QPoint centre(size.width() / 2, size.height() / 2);
        QPoint sum;
        for (const QPoint &p : codes[0].corners)
            sum += p;
        QVERIFY2((sum / 4 - centre).manhattanLength() < 4 * module + 8,
                 qPrintable(QStringLiteral("centre %1,%2").arg(sum.x() / 4).arg(sum.y() / 4)));
    }

    void everyImageFormatGivesTheSameResult()
    {
        const QString text = QStringLiteral("OneStop 一网通办 #42");
        const QImage rgb32 = qrCodeFrame(text, QSize(640, 480), 4);
        CodeFrameDecoder decoder;
        for (QImage::Format format : {QImage::Format_RGB32, QImage::Format_ARGB32, QImage::Format_RGB888,
                                      QImage::Format_Grayscale8, QImage::Format_RGB16, QImage::Format_Indexed8}) {
            const QList<DecodedCode> codes = decoder.decode(rgb32.convertToFormat(format));
            QVERIFY2(codes.size() == 1 && codes[0].text == text, qPrintable(QString::number(format)));
        }
        // A grey buffer with padded rows, through decodeGray.
        const QImage gray = rgb32.convertToFormat(QImage::Format_Grayscale8);
        QByteArray padded(gray.height() * (gray.width() + 13), '\0');
        for (int y = 0; y < gray.height(); ++y)
            memcpy(padded.data() + y * (gray.width() + 13), gray.constScanLine(y), size_t(gray.width()));
        const QList<DecodedCode> codes = decoder.decodeGray(reinterpret_cast<const uchar *>(padded.constData()),
                                                            gray.width(), gray.height(), gray.width() + 13);
        QVERIFY(codes.size() == 1 && codes[0].text == text);
    }

    void aFrameWithoutACodeStaysCheap()
    {
        CodeFrameDecoder decoder;
        // Generated scenes (shapes, text, noise; the bench's frames without a code): no hint, so the
        // expensive steps do not run.
        int hinted = 0;
        for (quint32 seed = 101; seed <= 108; ++seed) {
            QVERIFY(decoder.decode(sceneFrame(QSize(1920, 1080), seed)).isEmpty());
            QCOMPARE(decoder.lastStep(), DecodeStep::None);
            hinted += decoder.lastHinted() ? 1 : 0;
        }
        QCOMPARE(hinted, 0);
        // A flat grey frame: no finder-like runs, so no expensive step.
        QImage flat(1920, 1080, QImage::Format_RGB32);
        flat.fill(QColor(128, 128, 128));
        QVERIFY(decoder.decode(flat).isEmpty());
        QVERIFY(!decoder.lastHinted());
    }

    void garbageIsHarmless()
    {
        CodeFrameDecoder decoder;
        QVERIFY(decoder.decode(QImage()).isEmpty());
        QVERIFY(decoder.decode(QImage(1, 1, QImage::Format_RGB32)).isEmpty());
        QVERIFY(decoder.decodeGray(nullptr, 100, 100, 100).isEmpty());
        const uchar pixel = 0;
        QVERIFY(decoder.decodeGray(&pixel, 10, 10, 5).isEmpty()); // stride shorter than a row
        decoder.setFormats(CodeFormats());
        QVERIFY(decoder.decode(qrCodeFrame(QStringLiteral("x"), QSize(320, 240), 4)).isEmpty());
        QString error;
        QVERIFY(loadCodeImage(QStringLiteral("/nonexistent/a.png"), &error).isNull());
        QVERIFY2(error.contains(QStringLiteral("/nonexistent/a.png")), qPrintable(error));
    }

    void finderCandidatesOnAGeneratedCode()
    {
        const QImage gray = qrCodeFrame(QStringLiteral("finder"), QSize(640, 480), 6).convertToFormat(QImage::Format_Grayscale8);
        QImage binary(gray.size(), QImage::Format_Grayscale8);
        for (int y = 0; y < gray.height(); ++y)
            for (int x = 0; x < gray.width(); ++x)
                binary.scanLine(y)[x] = gray.constScanLine(y)[x] < 100 ? 255 : 0;
        const QList<FinderCandidate> found =
            findFinderCandidates(binary.constBits(), binary.width(), binary.height(), int(binary.bytesPerLine()));
        QCOMPARE(found.size(), 3);
        for (const FinderCandidate &c : found)
            QVERIFY(qAbs(c.moduleSize - 6) < 1.5);
        const QList<QRect> regions = finderRegions(found, binary.width(), binary.height());
        QCOMPARE(regions.size(), 1);
        QVERIFY(regions[0].contains(QPoint(320, 240)));
    }

    void samples_data()
    {
        QTest::addColumn<QStringList>("folders");
        QTest::addColumn<int>("formats");
        QTest::addColumn<int>("minimum");
        QTest::addColumn<int>("maxAny"); // -1: no bound on images with any result
        QTest::newRow("qrcode-1..6") << QStringList{"qrcode-1", "qrcode-2", "qrcode-3", "qrcode-4", "qrcode-5", "qrcode-6"}
                                     << int(CodeFormat::QRCode) << 121 << -1;
        QTest::newRow("falsepositives (QR)") << QStringList{"falsepositives-1", "falsepositives-2"}
                                             << int(CodeFormat::QRCode) << 0 << 0;
        QTest::newRow("falsepositives (all)") << QStringList{"falsepositives-1", "falsepositives-2"}
                                              << int(CodeFormat::QRCode | CodeFormat::DataMatrix | CodeFormat::PDF417)
                                              << 0 << 0;
        QTest::newRow("datamatrix-1") << QStringList{"datamatrix-1"} << int(CodeFormat::DataMatrix) << 27 << -1;
        QTest::newRow("pdf417-1") << QStringList{"pdf417-1"} << int(CodeFormat::PDF417) << 16 << -1;
    }

    void samples()
    {
        QFETCH(QStringList, folders);
        QFETCH(int, formats);
        QFETCH(int, minimum);
        QFETCH(int, maxAny);
        const QString dir = barcodeSamplesDir();
        if (dir.isEmpty())
            QSKIP("barcode samples not found (set ONESTOP_SAMPLES_DIR)");
        int matched = 0, any = 0, images = 0;
        std::map<DecodeStep, int> steps;
        for (const QString &folder : folders) {
            int folderAny = 0, folderImages = 0;
            const int folderMatched = decodeFolder(dir, folder, CodeFormats::fromInt(formats), &folderAny, &folderImages, &steps);
            qInfo("%s: %d of %d decoded as expected, %d with any result", qPrintable(folder), folderMatched,
                  folderImages, folderAny);
            QVERIFY2(folderImages > 0, qPrintable(folder));
            matched += folderMatched;
            any += folderAny;
            images += folderImages;
        }
        QString stepText;
        for (const auto &[step, count] : steps)
            stepText += QStringLiteral(" %1=%2").arg(decodeStepName(step)).arg(count);
        qInfo("total: %d of %d; steps:%s", matched, images, qPrintable(stepText));
        QVERIFY2(matched >= minimum, qPrintable(QStringLiteral("%1 decoded, expected at least %2").arg(matched).arg(minimum)));
        if (maxAny >= 0)
            QVERIFY2(any <= maxAny, qPrintable(QStringLiteral("%1 images gave a result").arg(any)));
    }
};

QTEST_MAIN(TestCodeFrameDecoder)
#include "tst_code_frame_decoder.moc"
