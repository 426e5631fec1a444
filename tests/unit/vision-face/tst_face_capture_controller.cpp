#include "FaceCaptureController.h"
#include "FaceFrames.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using State = FaceCaptureController::State;

// The face-capture controller: consent first, frames analysed on its worker, one JPEG kept, reset wipes.
class TestFaceCaptureController : public QObject
{
    Q_OBJECT
    QImage m_frame;

    // Pushes the frame and waits until the worker's answer is back on this thread.
    static bool push(FaceCaptureController &c, const QImage &frame)
    {
        QSignalSpy assessed(&c, &FaceCaptureController::frameAssessed);
        c.processFrame(frame);
        return assessed.wait(10000);
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QString error;
        const QImage portrait = FaceFrames::portrait(&error);
        if (portrait.isNull())
            QFAIL(qPrintable(error));
        m_frame = FaceFrames::kioskFrame(portrait);
    }

    void nothingIsAnalysedWithoutConsent()
    {
        FaceCaptureController c;
        QCOMPARE(c.state(), State::WaitingForConsent);
        QVERIFY(c.isAlternativeAvailable());
        QVERIFY(!c.alternativeText().isEmpty());
        QSignalSpy assessed(&c, &FaceCaptureController::frameAssessed);
        for (int i = 0; i < 5; ++i)
            c.processFrame(m_frame);
        QVERIFY(!assessed.wait(300)); // nothing was sent to the worker
        QCOMPARE(c.analysedFrames(), 0);
        QCOMPARE(c.droppedFrames(), 0);
        QVERIFY(!c.hasCapture());
        QCOMPARE(c.state(), State::WaitingForConsent);
    }

    void guidesThenCapturesADecodableJpeg()
    {
        FaceCaptureController c;
        c.giveConsent();
        QCOMPARE(c.state(), State::Looking);

        QVERIFY(push(c, FaceFrames::placed(m_frame, 0.5, 0, 0)));
        QCOMPARE(c.state(), State::Adjusting);
        QCOMPARE(c.guidanceKeys().value(0), QStringLiteral("move_closer"));
        QCOMPARE(c.guidance(), QStringLiteral("Please move closer"));

        QSignalSpy captured(&c, &FaceCaptureController::capturedChanged);
        // stillFrames (3) to pass the stillness gate, then framesToCapture (3) passing frames in a row.
        for (int i = 0; i < 12 && c.state() != State::Captured; ++i)
            QVERIFY(push(c, i % 2 ? FaceFrames::blurred(m_frame, 0.6) : m_frame));
        QCOMPARE(c.state(), State::Captured);
        QCOMPARE(captured.count(), 1);
        QCOMPARE(c.progress(), 100);
        QVERIFY(c.guidanceKeys().isEmpty());

        const QByteArray jpeg = c.capturedJpeg();
        QVERIFY(jpeg.startsWith("\xff\xd8"));
        QImage decoded;
        QVERIFY(decoded.loadFromData(jpeg, "JPEG"));
        // Head and shoulders, not the whole frame, and not a sliver.
        QVERIFY2(decoded.width() < m_frame.width() && decoded.width() > 200, qPrintable(QString::number(decoded.width())));
        QVERIFY(decoded.height() > 200);
        QCOMPARE(QByteArray::fromBase64(c.capturedUrl().mid(QStringLiteral("data:image/jpeg;base64,").size()).toLatin1()), jpeg);

        // Captured: further frames are not analysed.
        const int analysed = c.analysedFrames();
        c.processFrame(m_frame);
        QVERIFY(!QSignalSpy(&c, &FaceCaptureController::frameAssessed).wait(200));
        QCOMPARE(c.analysedFrames(), analysed);

        c.retake();
        QCOMPARE(c.state(), State::Looking);
        QVERIFY(c.capturedJpeg().isEmpty());
        QVERIFY(c.isConsentGiven());
    }

    void aFailingFrameRestartsTheCount()
    {
        FaceCaptureController c;
        c.setFramesToCapture(3);
        c.giveConsent();
        for (int i = 0; i < 4; ++i)
            QVERIFY(push(c, m_frame));
        QCOMPARE(c.state(), State::Holding); // stillness passed on frame 3, two passing frames so far
        QVERIFY(push(c, FaceFrames::sideBySide(m_frame)));
        QCOMPARE(c.state(), State::Adjusting);
        QCOMPARE(c.guidanceKeys(), QStringList{QStringLiteral("only_one_person")});
        QCOMPARE(c.progress(), 0);
        QVERIFY(!c.hasCapture());
    }

    void resetClearsEverything()
    {
        FaceCaptureController c;
        c.setFramesToCapture(1);
        c.giveConsent();
        for (int i = 0; i < 6 && !c.hasCapture(); ++i)
            QVERIFY(push(c, m_frame));
        QVERIFY(c.hasCapture());
        QSignalSpy captured(&c, &FaceCaptureController::capturedChanged);
        c.reset();
        QCOMPARE(captured.count(), 1);
        QVERIFY(!c.hasCapture());
        QVERIFY(c.capturedJpeg().isEmpty());
        QVERIFY(c.capturedUrl().isEmpty());
        QVERIFY(!c.isConsentGiven());
        QCOMPARE(c.state(), State::WaitingForConsent);
        QVERIFY(c.guidanceKeys().isEmpty());
        QCOMPARE(c.analysedFrames(), 0);
        // Consent does not survive the session.
        c.processFrame(m_frame);
        QVERIFY(!QSignalSpy(&c, &FaceCaptureController::frameAssessed).wait(200));
    }

    void resetWhileBusyDropsTheLateResult()
    {
        FaceCaptureController c;
        c.giveConsent();
        QSignalSpy assessed(&c, &FaceCaptureController::frameAssessed);
        c.processFrame(m_frame);
        c.processFrame(m_frame); // busy: dropped
        QCOMPARE(c.droppedFrames(), 1);
        c.reset();
        QVERIFY(!assessed.wait(500)); // the in-flight result belonged to the old session
        QCOMPARE(c.analysedFrames(), 0);
        QCOMPARE(c.state(), State::WaitingForConsent);
    }

    void alternativeWipesAndSaysSo()
    {
        FaceCaptureController c;
        c.giveConsent();
        QVERIFY(push(c, m_frame));
        QSignalSpy alternative(&c, &FaceCaptureController::alternativeChosen);
        c.chooseAlternative();
        QCOMPARE(alternative.count(), 1);
        QVERIFY(!c.isConsentGiven());
        QCOMPARE(c.state(), State::WaitingForConsent);
    }

    void missingCascadeFailsClearlyButLeavesTheAlternative()
    {
        QTemporaryDir dir;
        FaceGateConfig config;
        config.cascadePath = dir.filePath(QStringLiteral("missing.xml"));
        FaceCaptureController c(config);
        QCOMPARE(c.state(), State::Failed);
        QVERIFY2(c.error().contains(QStringLiteral("missing.xml")), qPrintable(c.error()));
        c.giveConsent();
        c.processFrame(m_frame);
        QVERIFY(!QSignalSpy(&c, &FaceCaptureController::frameAssessed).wait(200));
        QVERIFY(c.isAlternativeAvailable());
    }

    void everyGuidanceKeyHasASentence()
    {
        const QStringList keys = {QStringLiteral("look_at_camera"), QStringLiteral("only_one_person"),
                                  QStringLiteral("more_light"), QStringLiteral("too_bright"),
                                  QStringLiteral("move_closer"), QStringLiteral("move_back"),
                                  QStringLiteral("move_to_centre"), QStringLiteral("keep_steady"),
                                  QStringLiteral("hold_still")};
        for (int g = int(FaceGuidance::LookAtCamera); g <= int(FaceGuidance::HoldStill); ++g) {
            const QString key = faceGuidanceKey(FaceGuidance(g));
            QVERIFY2(keys.contains(key), qPrintable(key));
            QVERIFY2(!FaceCaptureController::guidanceText(key).isEmpty(), qPrintable(key));
        }
    }
};

QTEST_GUILESS_MAIN(TestFaceCaptureController)
#include "tst_face_capture_controller.moc"
