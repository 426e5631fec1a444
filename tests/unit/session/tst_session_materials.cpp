// The materials screen in the session: only for services that use the camera, its steps and skip paths,
// frames reaching only the capture that is open (CameraFrameRouter), pages and photo committed with the
// case in its transaction, the wipe at session end, and the camera as a second code scanner.
#include "CameraFrameRouter.h"
#include "DocumentCaptureController.h"
#include "FaceCaptureController.h"
#include "MaterialsController.h"
#include "PageFrames.h"
#include "SessionFixture.h"
#include "StrictWarnings.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using Screen = SessionController::Screen;
using Step = MaterialsController::Step;

namespace {
struct MaterialsFixture : SessionFixture
{
    DocumentCaptureController documents;
    FaceCaptureController face;
    MaterialsController materials{&documents, &face};
    SimulatedCodeScanner cameraScanner{QStringLiteral("camera-scanner")};
    std::unique_ptr<CameraFrameRouter> router;

    explicit MaterialsFixture(bool photo = true, bool pdf = false)
    {
        // Rebuilt so that the catalog flags are seen (the fixture's session holds the catalog by reference).
        for (ServiceSpec &s : catalog.services) {
            if (s.id == QLatin1String("needs-camera")) {
                s.photo = photo;
                s.documentsAsPdf = pdf;
            }
        }
        session->setMaterials(&materials);
        session->addCodeScanner(cameraScanner);
        cameraScanner.start();
        router = std::make_unique<CameraFrameRouter>(*session, &camera, &materials, &cameraScanner);
    }

    void walkToForm(const QString &serviceId)
    {
        session->begin();
        session->chooseLanguage(QStringLiteral("en"));
        reader.placeCard(testCard());
        QTRY_COMPARE(session->screen(), Screen::Catalog);
        session->chooseService(serviceId);
        session->startForm();
        QCOMPARE(session->screen(), Screen::Form);
        form.setValue(QStringLiteral("phone"), QStringLiteral("13812345678"));
        form.setValue(QStringLiteral("reason"), QStringLiteral("lost"));
    }

    // A page in the document controller's preview, accepted.
    bool addPage()
    {
        static const QImage page = PageFrames::photographed(
            PageFrames::a4Page(), PageFrames::desk(QSize(1280, 960)),
            {QPointF(300, 120), QPointF(980, 150), QPointF(1010, 860), QPointF(270, 830)});
        for (int i = 0; i < 100 && !documents.isPageFound(); ++i) {
            QSignalSpy scanned(&documents, &DocumentCaptureController::frameScanned);
            documents.processFrame(page);
            if (!scanned.wait(2000))
                return false;
        }
        return documents.capture() && documents.accept();
    }
};
} // namespace

class TestSessionMaterials : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void onlyCameraServicesGetTheMaterialsScreen()
    {
        MaterialsFixture f;
        f.walkToForm(QStringLiteral("needs-camera"));
        QVERIFY(f.session->hasMaterialsStep());
        f.session->toReview();
        QCOMPARE(f.session->screen(), Screen::Materials);
        QCOMPARE(f.session->screenName(), QStringLiteral("materials"));
        f.session->back();
        QCOMPARE(f.session->screen(), Screen::Form);
        f.session->toReview();
        f.materials.finish(); // nothing photographed: optional
        QCOMPARE(f.session->screen(), Screen::Review);
        f.session->back();
        QCOMPARE(f.session->screen(), Screen::Materials);
        f.session->endSession();

        f.walkToForm(QStringLiteral("social-security-card"));
        QVERIFY(!f.session->hasMaterialsStep());
        f.session->toReview();
        QCOMPARE(f.session->screen(), Screen::Review);
        f.session->back();
        QCOMPARE(f.session->screen(), Screen::Form);
    }

    void withoutCaptureControllersThereIsNoMaterialsScreen()
    {
        SessionFixture f;
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("en"));
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        f.session->chooseService(QStringLiteral("needs-camera"));
        f.session->startForm();
        f.form.setValue(QStringLiteral("phone"), QStringLiteral("13812345678"));
        f.form.setValue(QStringLiteral("reason"), QStringLiteral("lost"));
        f.session->toReview();
        QCOMPARE(f.session->screen(), Screen::Review);
    }

    void stepsAndThePhotoOnlyWhereWanted()
    {
        {
            MaterialsFixture f(false);
            f.walkToForm(QStringLiteral("needs-camera"));
            f.session->toReview();
            QVERIFY(!f.materials.isPhotoWanted());
            f.materials.openPhotoCapture();
            QCOMPARE(f.materials.step(), Step::List);
        }
        MaterialsFixture f(true);
        f.walkToForm(QStringLiteral("needs-camera"));
        f.session->toReview();
        QVERIFY(f.materials.isPhotoWanted());
        f.materials.openPhotoCapture();
        QCOMPARE(f.materials.step(), Step::Photo);
        QCOMPARE(f.router->target(), CameraFrameRouter::Target::Face);
        f.face.giveConsent();
        // "Use another way": the consent is taken back and the list is shown again.
        f.face.chooseAlternative();
        QCOMPARE(f.materials.step(), Step::List);
        QVERIFY(!f.face.isConsentGiven());
        QCOMPARE(f.router->target(), CameraFrameRouter::Target::None);
        f.materials.openDocumentCapture();
        QCOMPARE(f.materials.step(), Step::Document);
        f.session->back(); // back from a capture goes to the list, not the form
        QCOMPARE(f.materials.step(), Step::List);
        QCOMPARE(f.session->screen(), Screen::Materials);
    }

    void framesReachOnlyTheOpenCapture()
    {
        MaterialsFixture f;
        QVERIFY(f.camera.isStreaming());
        QSignalSpy scanned(&f.documents, &DocumentCaptureController::frameScanned);
        f.walkToForm(QStringLiteral("needs-camera"));
        f.session->toReview();
        QTest::qWait(400); // the camera runs at 10 frames a second
        QCOMPARE(scanned.count(), 0);
        f.materials.openDocumentCapture();
        QCOMPARE(f.router->target(), CameraFrameRouter::Target::Documents);
        QTRY_VERIFY(scanned.count() >= 2);
        f.materials.closeStep();
        QTest::qWait(300); // a scan in flight may still report
        const int settled = int(scanned.count());
        QTest::qWait(400);
        QCOMPARE(int(scanned.count()), settled);
    }

    void pagesAreCommittedWithTheCase_data()
    {
        QTest::addColumn<bool>("pdf");
        QTest::newRow("jpeg pages") << false;
        QTest::newRow("one pdf") << true;
    }

    void pagesAreCommittedWithTheCase()
    {
        QFETCH(bool, pdf);
        MaterialsFixture f(true, pdf);
        f.walkToForm(QStringLiteral("needs-camera"));
        f.session->toReview();
        f.materials.openDocumentCapture();
        QVERIFY(f.addPage());
        QVERIFY(f.addPage());
        f.documents.removePage(0);
        QCOMPARE(f.documents.pageCount(), 1);
        QCOMPARE(f.materials.summary(), QStringLiteral("1 page"));
        const QByteArray kept = f.documents.pages().at(0);
        f.materials.finish();
        QCOMPARE(f.session->screen(), Screen::Review);
        QVERIFY(f.submitAndSettle(true));
        QCOMPARE(f.session->screen(), Screen::Receipt);

        const QString caseId = f.submission->caseId();
        const QVector<AttachmentRecord> stored = f.store->attachments(caseId);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(f.submission->attachmentCount(), 1);
        QCOMPARE(stored.at(0).sequence, 1);
        if (pdf) {
            QCOMPARE(stored.at(0).kind, QStringLiteral("pdf"));
            QCOMPARE(stored.at(0).mimeType, QStringLiteral("application/pdf"));
            QVERIFY(stored.at(0).data.startsWith("%PDF-"));
        } else {
            QCOMPARE(stored.at(0).kind, QStringLiteral("page"));
            QCOMPARE(stored.at(0).data, kept);
        }
        // Committed in the same transaction: the case first, then the page as an outbox item of its own (its
        // declaration with the SHA-256, uploaded in chunks after the case); no copy of the bytes in the outbox.
        QCOMPARE(f.store->pendingCount(), 2);
        const std::optional<OutboxItem> caseItem = f.store->nextOutboxItem();
        QVERIFY(caseItem);
        QCOMPARE(caseItem->kind, QStringLiteral("case"));
        QVERIFY(!caseItem->body.contains(stored.at(0).data.toBase64()));
        QString error;
        QVERIFY2(f.store->markSynced(caseItem->seq, "{}", &error), qPrintable(error));
        const std::optional<OutboxItem> attachment = f.store->nextOutboxItem();
        QVERIFY(attachment);
        QCOMPARE(attachment->kind, QStringLiteral("attachment"));
        QVERIFY(attachment->body.contains(stored.at(0).sha256.toLatin1()));
        QVERIFY(!attachment->body.contains(stored.at(0).data.toBase64()));
    }

    // An attachment the store refuses fails the whole case: no case row, no outbox item, and the resident's
    // pages are still in memory for another try.
    void aRefusedAttachmentCommitsNothing()
    {
        MaterialsFixture f;
        f.walkToForm(QStringLiteral("needs-camera"));
        f.session->toReview();
        f.materials.openDocumentCapture();
        QVERIFY(f.addPage());
        f.materials.finish();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("case not committed: .*attachment 1 has kind")));
        QVERIFY(f.submission->submit(QStringLiteral("needs-camera"), f.form.values(), QStringLiteral("en"), testCard(),
                                     {{QStringLiteral("page-1.jpg"), QStringLiteral("image/jpeg"), "x", QStringLiteral("page")},
                                      {QStringLiteral("x.bin"), QStringLiteral("image/jpeg"), "y", QStringLiteral("selfie")}}));
        f.settleStore();
        QCOMPARE(f.submission->state(), SubmissionController::State::Failed);
        QCOMPARE(f.store->pendingCount(), 0);
        QVERIFY(f.submission->caseId().isEmpty());
        QCOMPARE(f.documents.pageCount(), 1);
    }

    void sessionEndWipesPagesPhotoAndConsent()
    {
        MaterialsFixture f;
        f.walkToForm(QStringLiteral("needs-camera"));
        f.session->toReview();
        f.materials.openDocumentCapture();
        QVERIFY(f.addPage());
        f.materials.closeStep();
        f.materials.openPhotoCapture();
        f.face.giveConsent();
        f.session->endSession();
        QCOMPARE(f.session->screen(), Screen::Attract);
        QCOMPARE(f.documents.pageCount(), 0);
        QVERIFY(f.documents.previewUrl().isEmpty());
        QVERIFY(!f.face.isConsentGiven());
        QVERIFY(!f.face.hasCapture());
        QCOMPARE(f.materials.step(), Step::List);
        QVERIFY(f.materials.summary().isEmpty());
        QCOMPARE(f.router->target(), CameraFrameRouter::Target::None);
    }

    void cameraScannerRunsOnlyOnTheIdentifyScreen()
    {
        MaterialsFixture f;
        QVERIFY(!f.router->isScannerRunning());
        QVERIFY(!f.cameraScanner.isReady());
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("en"));
        QCOMPARE(f.session->screen(), Screen::Identify);
        QVERIFY(f.cameraScanner.isReady());
        // A code from the camera is handled like any scanner's: hostile, a notice, no identity.
        QVERIFY(f.cameraScanner.scan(QStringLiteral("APPT-2026-0001")));
        QCOMPARE(f.session->screen(), Screen::Identify);
        QVERIFY(!f.session->notice().isEmpty());
        QVERIFY(!f.session->isIdentified());
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        QVERIFY(!f.cameraScanner.isReady());
    }
};

QTEST_MAIN(TestSessionMaterials)
#include "tst_session_materials.moc"
