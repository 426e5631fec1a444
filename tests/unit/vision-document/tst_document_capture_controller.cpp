#include "DocumentCaptureController.h"
#include "PageFrames.h"
#include "StrictWarnings.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using State = DocumentCaptureController::State;

// Capture -> preview -> retake or accept; accepted pages become JPEG attachments or one PDF.
class TestDocumentCaptureController : public QObject
{
    Q_OBJECT
    QImage m_photo;  // an A4 page on a desk
    QImage m_noPage; // the desk alone

    static bool push(DocumentCaptureController &c, const QImage &frame)
    {
        QSignalSpy scanned(&c, &DocumentCaptureController::frameScanned);
        c.processFrame(frame);
        return scanned.wait(10000);
    }

    static int pdfPageCount(const QByteArray &pdf)
    {
        // Page objects are plain dictionaries in Qt's PDF output: "/Type /Page" (not "/Pages").
        return int(QString::fromLatin1(pdf).count(QRegularExpression(QStringLiteral("/Type\\s*/Page\\b(?!s)"))));
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        const QList<QPointF> quad{QPointF(360, 90), QPointF(915, 130), QPointF(1010, 880), QPointF(275, 845)};
        m_noPage = PageFrames::desk(QSize(1280, 960));
        m_photo = PageFrames::photographed(PageFrames::a4Page(), m_noPage, quad);
    }

    void noPageMeansNoCapture()
    {
        DocumentCaptureController c;
        QVERIFY(push(c, m_noPage));
        QVERIFY(!c.isPageFound());
        QVERIFY(c.cornersForDisplay().isEmpty());
        QVERIFY(!c.capture());
        QCOMPARE(c.state(), State::Live);
        QVERIFY(!c.notice().isEmpty());
        // The notice goes away once a page is in view.
        QVERIFY(push(c, m_photo));
        QVERIFY(c.isPageFound());
        QVERIFY(c.notice().isEmpty());
        const QVariantList corners = c.cornersForDisplay();
        QCOMPARE(corners.size(), 4);
        QVERIFY(qAbs(corners[0].toMap().value(QStringLiteral("x")).toDouble() - 360.0 / 1280) < 0.01);
    }

    void retakeThenAcceptPagesAndMakeAPdf()
    {
        DocumentCaptureController c;
        QVERIFY(push(c, m_photo));
        QVERIFY(c.capture());
        QCOMPARE(c.state(), State::Preview);
        QImage preview;
        QVERIFY(preview.loadFromData(c.previewJpeg(), "JPEG"));
        QVERIFY(std::abs(double(preview.height()) / preview.width() - 297.0 / 210.0) < 0.01);
        QVERIFY(c.previewUrl().startsWith(QStringLiteral("data:image/jpeg;base64,/9j/")));
        // Frames are not scanned while the preview is shown.
        c.processFrame(m_photo);
        QVERIFY(!QSignalSpy(&c, &DocumentCaptureController::frameScanned).wait(200));

        c.retake();
        QCOMPARE(c.state(), State::Live);
        QCOMPARE(c.pageCount(), 0);
        QVERIFY(c.previewJpeg().isEmpty());
        QVERIFY(c.previewUrl().isEmpty());
        QVERIFY(!c.isPageFound()); // the next frame decides again
        QVERIFY(!c.capture());

        for (int page = 1; page <= 3; ++page) {
            QVERIFY(push(c, m_photo));
            QVERIFY(c.capture());
            QVERIFY(c.accept());
            QCOMPARE(c.pageCount(), page);
            QCOMPARE(c.state(), State::Live);
        }

        QString error;
        const QList<DocumentCaptureController::Attachment> jpegs = c.attachments(&error);
        QCOMPARE(jpegs.size(), 3);
        QCOMPARE(jpegs[2].fileName, QStringLiteral("page-3.jpg"));
        QCOMPARE(jpegs[0].mimeType, QStringLiteral("image/jpeg"));
        QVERIFY(!QImage::fromData(jpegs[1].data, "JPEG").isNull());

        c.removePage(1);
        QCOMPARE(c.pageCount(), 2);

        c.setPdfRequested(true);
        const QList<DocumentCaptureController::Attachment> pdf = c.attachments(&error);
        QVERIFY2(pdf.size() == 1, qPrintable(error));
        QCOMPARE(pdf[0].mimeType, QStringLiteral("application/pdf"));
        QVERIFY(pdf[0].data.startsWith("%PDF-"));
        QCOMPARE(pdfPageCount(pdf[0].data), 2);

        c.reset();
        QCOMPARE(c.pageCount(), 0);
        QVERIFY(c.attachments().isEmpty());
        QVERIFY(!c.isPdfRequested());
        QVERIFY(!c.isPageFound());
        QCOMPARE(c.state(), State::Live);
    }

    void maxPagesIsEnforced()
    {
        DocumentCaptureController c(DocumentScanConfig(), 1);
        QVERIFY(push(c, m_photo));
        QVERIFY(c.capture());
        QVERIFY(c.accept());
        QVERIFY(push(c, m_photo));
        QVERIFY(!c.capture());
        QVERIFY(!c.notice().isEmpty());
        QCOMPARE(c.pageCount(), 1);
    }

    void busyWorkerDropsFrames()
    {
        DocumentCaptureController c;
        QSignalSpy scanned(&c, &DocumentCaptureController::frameScanned);
        c.processFrame(m_photo);
        c.processFrame(m_photo);
        c.processFrame(m_photo);
        QCOMPARE(c.droppedFrames(), 2);
        QVERIFY(scanned.wait(10000));
        QVERIFY(!scanned.wait(300)); // only the first frame was scanned
        QCOMPARE(scanned.count(), 1);
    }
};

QTEST_MAIN(TestDocumentCaptureController)
#include "tst_document_capture_controller.moc"
