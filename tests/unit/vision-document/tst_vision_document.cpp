#include "DocumentScanner.h"
#include "PageFrames.h"
#include "PageGeometry.h"
#include "StrictWarnings.h"

#include <QLineF>
#include <QTest>

#include <cmath>

// Page detection, corner accuracy and deskew on an A4 page photographed in perspective onto a desk.
class TestVisionDocument : public QObject
{
    Q_OBJECT

    // Mean absolute grey difference between the warped page and the original at the same size.
    static double meanDifference(const QImage &a, const QImage &b)
    {
        const QImage x = a.convertToFormat(QImage::Format_Grayscale8);
        const QImage y = b.scaled(a.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation).convertToFormat(QImage::Format_Grayscale8);
        double sum = 0;
        for (int r = 0; r < x.height(); ++r) {
            const uchar *p = x.constScanLine(r), *q = y.constScanLine(r);
            for (int c = 0; c < x.width(); ++c)
                sum += std::abs(int(p[c]) - int(q[c]));
        }
        return sum / (double(x.width()) * x.height());
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void orderCorners()
    {
        const QList<QPointF> shuffled = {QPointF(90, 110), QPointF(10, 5), QPointF(5, 100), QPointF(100, 10)};
        const QList<QPointF> expected = {QPointF(10, 5), QPointF(100, 10), QPointF(90, 110), QPointF(5, 100)};
        QCOMPARE(PageGeometry::orderCorners(shuffled), expected);
        QCOMPARE(PageGeometry::outputSize(expected, 297.0 / 210.0, 1754), QSize(69, 98)); // sides ~95 and ~100 px
        QCOMPARE(PageGeometry::outputSize(expected, 297.0 / 210.0, 50), QSize(35, 50));
    }

    void findsAndFlattensThePage_data()
    {
        QTest::addColumn<QSize>("frameSize");
        QTest::addColumn<QList<QPointF>>("quad");
        QTest::newRow("640x480 tilted") << QSize(640, 480)
            << QList<QPointF>{QPointF(180, 40), QPointF(470, 62), QPointF(505, 455), QPointF(150, 430)};
        QTest::newRow("1280x960 perspective") << QSize(1280, 960)
            << QList<QPointF>{QPointF(360, 90), QPointF(915, 130), QPointF(1010, 880), QPointF(275, 845)};
        QTest::newRow("1920x1080 rotated other way") << QSize(1920, 1080)
            << QList<QPointF>{QPointF(700, 120), QPointF(1330, 60), QPointF(1390, 960), QPointF(720, 1010)};
        QTest::newRow("1920x1080 landscape page") << QSize(1920, 1080)
            << QList<QPointF>{QPointF(400, 230), QPointF(1500, 200), QPointF(1530, 975), QPointF(380, 950)};
    }

    void findsAndFlattensThePage()
    {
        QFETCH(QSize, frameSize);
        QFETCH(QList<QPointF>, quad);
        const bool landscape = QLineF(quad[0], quad[1]).length() > QLineF(quad[0], quad[3]).length();
        QImage page = PageFrames::a4Page();
        if (landscape)
            page = page.transformed(QTransform().rotate(90));
        const QImage photo = PageFrames::photographed(page, PageFrames::desk(frameSize), quad);
        QVERIFY(!photo.isNull());

        DocumentScanner scanner;
        const DocumentScan scan = scanner.scan(photo);
        QVERIFY2(scan.found, qPrintable(scan.reason));
        QVERIFY(!scan.error);
        QCOMPARE(scan.corners.size(), 4);
        // Corners are pixel centres; the quad is in pixel-edge coordinates, half a pixel further out.
        double worst = 0;
        for (int i = 0; i < 4; ++i) {
            const QPointF expected = quad[i] - QPointF(0.5, 0.5);
            const double error = QLineF(scan.corners[i], expected).length();
            worst = std::max(worst, error);
            QVERIFY2(error <= 2.0, qPrintable(QStringLiteral("corner %1: found (%2, %3), expected (%4, %5), error %6 px")
                                                  .arg(i).arg(scan.corners[i].x()).arg(scan.corners[i].y())
                                                  .arg(expected.x()).arg(expected.y()).arg(error)));
        }
        qInfo("worst corner error %.2f px, confidence %.2f", worst, scan.confidence);
        QVERIFY2(scan.confidence > 0.7, qPrintable(QString::number(scan.confidence)));
        // A4 in the page's own orientation.
        const double longSide = std::max(scan.page.width(), scan.page.height());
        const double shortSide = std::min(scan.page.width(), scan.page.height());
        QVERIFY2(std::abs(longSide / shortSide - 297.0 / 210.0) < 0.01, qPrintable(QStringLiteral("%1x%2").arg(scan.page.width()).arg(scan.page.height())));
        QCOMPARE(scan.page.width() > scan.page.height(), landscape);
        // Flattened = the original page again (text bars and frame where they belong).
        const double difference = meanDifference(scan.page, page);
        QVERIFY2(difference < 20, qPrintable(QStringLiteral("mean grey difference %1").arg(difference)));
    }

    void enhancementModes()
    {
        const QList<QPointF> quad{QPointF(180, 40), QPointF(470, 62), QPointF(505, 455), QPointF(150, 430)};
        const QImage photo = PageFrames::photographed(PageFrames::a4Page(), PageFrames::desk(QSize(640, 480)), quad);
        for (DocumentEnhance mode : {DocumentEnhance::None, DocumentEnhance::Grey, DocumentEnhance::Binarise}) {
            DocumentScanConfig config;
            config.enhance = mode;
            const DocumentScan scan = DocumentScanner(config).scan(photo);
            QVERIFY2(scan.found, qPrintable(scan.reason));
            QCOMPARE(scan.page.format() == QImage::Format_Grayscale8, mode != DocumentEnhance::None);
            if (mode == DocumentEnhance::Binarise) {
                const QImage &p = scan.page;
                for (int y = 0; y < p.height(); y += 7)
                    for (int x = 0; x < p.width(); x += 7)
                        QVERIFY(p.constScanLine(y)[x] == 0 || p.constScanLine(y)[x] == 255);
            }
        }
    }

    void noPageIsANormalAnswer()
    {
        DocumentScanner scanner;
        const DocumentScan scan = scanner.scan(PageFrames::desk(QSize(1280, 960), 3));
        QVERIFY(!scan.found);
        QVERIFY(!scan.error);
        QVERIFY2(scan.reason.startsWith(QStringLiteral("no page found")), qPrintable(scan.reason));
        QVERIFY(scan.corners.isEmpty());
        QVERIFY(scan.page.isNull());

        QImage grey(800, 600, QImage::Format_RGB32);
        grey.fill(QColor(128, 128, 128));
        QVERIFY(!scanner.scan(grey).found);

        // Odd shapes and a page running out of the frame: answers, not crashes.
        for (const QSize &size : {QSize(2000, 70), QSize(64, 64), QSize(70, 3000)}) {
            QImage odd(size, QImage::Format_RGB32);
            odd.fill(Qt::white);
            QVERIFY(!scanner.scan(odd).error);
        }
        const QList<QPointF> cut{QPointF(-200, -150), QPointF(600, 40), QPointF(700, 900), QPointF(100, 850)};
        const DocumentScan partial = scanner.scan(PageFrames::photographed(PageFrames::a4Page(), PageFrames::desk(QSize(1280, 960)), cut));
        QVERIFY2(!partial.found, "a page with a corner outside the frame is not a whole page");

        const DocumentScan empty = scanner.scan(QImage());
        QVERIFY(empty.error);
        QVERIFY(!empty.found);
        QVERIFY(empty.reason.contains(QStringLiteral("empty")));
    }
};

QTEST_MAIN(TestVisionDocument)
#include "tst_vision_document.moc"
