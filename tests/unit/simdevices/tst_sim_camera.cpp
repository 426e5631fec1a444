#include "SimulatedCamera.h"
#include "StrictWarnings.h"
#include "TestPattern.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

static QImage frameAt(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(0).value<QImage>();
}

class TestSimCamera : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void patternHasTheAgreedShape()
    {
        const QImage image = renderTestPattern(0, QTime(12, 34, 56, 789));
        QCOMPARE(image.size(), QSize(640, 480));
        QCOMPARE(image.format(), QImage::Format_RGB32);
        QCOMPARE(renderTestPattern(0, QTime(), QSize(10, 10)).size(), QSize(160, 120));
    }

    void patternIsDeterministic()
    {
        const QTime time(8, 0, 0, 125);
        QCOMPARE(renderTestPattern(42, time), renderTestPattern(42, time));
    }

    void patternMovesWithTheFrameNumber()
    {
        const QTime time(8, 0, 0, 0);
        const QImage a = renderTestPattern(1, time);
        const QImage b = renderTestPattern(2, time);
        QVERIFY(a != b);
        // The bars scroll: the top-left pixel row of the picture part differs.
        QVERIFY(a.copy(0, 0, 640, 100) != b.copy(0, 0, 640, 100));
    }

    void timestampIsDrawnInTheBottomBand()
    {
        const QImage a = renderTestPattern(7, QTime(8, 0, 0, 0));
        const QImage b = renderTestPattern(7, QTime(9, 1, 2, 3));
        const int band = 40; // digit height + margins
        QCOMPARE(a.copy(0, 0, 640, 480 - band), b.copy(0, 0, 640, 480 - band));
        QVERIFY(a.copy(0, 480 - band, 640, band) != b.copy(0, 480 - band, 640, band));

        // Something white is drawn in the band where the digits are.
        bool lit = false;
        for (int x = 0; x < 200 && !lit; ++x)
            for (int y = 480 - band; y < 480 && !lit; ++y)
                lit = a.pixel(x, y) == qRgb(255, 255, 255);
        QVERIFY(lit);
    }

    void framesRateIsValidated()
    {
        SimulatedCamera camera;
        QCOMPARE(camera.framesPerSecond(), 10);
        QVERIFY(!camera.setFramesPerSecond(0));
        QVERIFY(!camera.setFramesPerSecond(61));
        QCOMPARE(camera.framesPerSecond(), 10);
        QVERIFY(camera.setFramesPerSecond(25));
        QCOMPARE(camera.framesPerSecond(), 25);
    }

    void noFramesUntilStarted()
    {
        SimulatedCamera camera;
        QVERIFY(camera.isSimulated());
        QCOMPARE(camera.kind(), QStringLiteral("camera"));
        QCOMPARE(camera.status(), Device::Status::Unavailable);
        QCOMPARE(camera.reason(), QStringLiteral("not started"));
        QVERIFY(!camera.isStreaming());
        camera.setPlugged(false);
        camera.setPlugged(true);
        QVERIFY(!camera.isStreaming());
        QCOMPARE(camera.reason(), QStringLiteral("not started"));
    }

    void emitsMovingFramesWhileStarted()
    {
        SimulatedCamera camera;
        QVERIFY(camera.setFramesPerSecond(50));
        QSignalSpy frames(&camera, &Camera::frameReady);
        camera.start();
        QCOMPARE(camera.status(), Device::Status::Ready);
        QVERIFY(camera.isStreaming());

        QTRY_VERIFY(frames.count() >= 2);
        const QImage first = frameAt(frames, 0);
        QCOMPARE(first.size(), QSize(640, 480));
        QCOMPARE(first.format(), QImage::Format_RGB32);
        QVERIFY(first != frameAt(frames, 1));
        QCOMPARE(camera.framesEmitted(), quint64(frames.count()));

        camera.stop();
        QCOMPARE(camera.status(), Device::Status::Unavailable);
        QCOMPARE(camera.reason(), QStringLiteral("stopped"));
        QVERIFY(!camera.isStreaming());
    }

    void unplugStopsFramesAndPlugResumesThem()
    {
        SimulatedCamera camera;
        QVERIFY(camera.setFramesPerSecond(50));
        QSignalSpy frames(&camera, &Camera::frameReady);
        camera.start();
        QVERIFY(frames.wait());

        camera.setPlugged(false);
        QCOMPARE(camera.status(), Device::Status::Unavailable);
        QCOMPARE(camera.reason(), QStringLiteral("unplugged"));
        QVERIFY(!camera.isStreaming());
        frames.clear();
        QVERIFY(!frames.wait(150)); // several frame intervals pass without a frame
        QCOMPARE(frames.count(), 0);

        camera.setPlugged(true);
        QCOMPARE(camera.status(), Device::Status::Ready);
        QVERIFY(frames.wait());
    }

    void unplugAndPlugWhileStoppedDoesNotStream()
    {
        SimulatedCamera camera;
        camera.start();
        camera.stop();
        camera.setPlugged(false);
        camera.setPlugged(true);
        QVERIFY(!camera.isStreaming());
        QCOMPARE(camera.reason(), QStringLiteral("stopped"));
    }

    void frameRateIsHonoured()
    {
        // Lower bound only: timers may be late on a busy machine, never much early.
        SimulatedCamera camera;
        QVERIFY(camera.setFramesPerSecond(20));
        QSignalSpy frames(&camera, &Camera::frameReady);
        QElapsedTimer clock;
        clock.start();
        camera.start();
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() >= 6, 10000);
        QVERIFY2(clock.elapsed() >= 6 * 50 * 9 / 10, qPrintable(QString::number(clock.elapsed())));
    }
};

QTEST_MAIN(TestSimCamera)
#include "tst_sim_camera.moc"
