// OpenCvCamera: the source string, capture from an image sequence and from a GStreamer pipeline, a source
// that fails (Unavailable with the reason) and recovers, and frame dropping for a slow consumer.
#include "CameraSource.h"
#include "OpenCvCamera.h"
#include "StrictWarnings.h"

#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
// Frames 0..count-1 as DIR/frame_NNN.png, each filled with grey level 20 * i so a frame says its number.
void writeSequence(const QString &dir, int count, const QSize &size = QSize(320, 240))
{
    for (int i = 0; i < count; ++i) {
        QImage image(size, QImage::Format_RGB32);
        image.fill(QColor(20 * i % 256, 20 * i % 256, 20 * i % 256));
        QVERIFY(image.save(QStringLiteral("%1/frame_%2.png").arg(dir).arg(i, 3, 10, QLatin1Char('0'))));
    }
}
} // namespace

class TestCameraCapture : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void parsesSourceStrings()
    {
        const CameraSource v = CameraSource::parse(QStringLiteral("v4l2:/dev/video0?width=1920&height=1080&fps=30&format=MJPG"));
        QVERIFY2(v.isValid(), qPrintable(v.error));
        QCOMPARE(v.kind, CameraSource::Kind::V4l2);
        QCOMPARE(v.location, QStringLiteral("/dev/video0"));
        QCOMPARE(v.width, 1920);
        QCOMPARE(v.height, 1080);
        QCOMPARE(v.fps, 30.0);
        QCOMPARE(v.fourcc, QStringLiteral("MJPG"));
        QCOMPARE(CameraSource::parse(v.toString()).toString(), v.toString());

        const CameraSource f = CameraSource::parse(QStringLiteral("file:/data/video.mp4?loop=1"));
        QCOMPARE(f.kind, CameraSource::Kind::File);
        QVERIFY(f.loop);
        QVERIFY(!f.isLive());
        const CameraSource g = CameraSource::parse(QStringLiteral("gst:videotestsrc num-buffers=30 ! videoconvert ! appsink"));
        QCOMPARE(g.kind, CameraSource::Kind::GStreamer);
        QCOMPARE(g.location, QStringLiteral("videotestsrc num-buffers=30 ! videoconvert ! appsink"));
        QVERIFY(g.isLive());

        for (const char *bad : {"", "/dev/video0", "usb:1", "v4l2:", "v4l2:/dev/video0?width=abc",
                                "v4l2:/dev/video0?loop=1", "images:/tmp/no-pattern.png", "gst:videotestsrc",
                                "file:/a.mp4?format=MJPG", "v4l2:/dev/video0?colour=red"}) {
            const CameraSource s = CameraSource::parse(QString::fromLatin1(bad));
            QVERIFY2(!s.isValid(), bad);
            QVERIFY2(!s.error.isEmpty(), bad);
        }
    }

    void capturesAnImageSequence()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeSequence(dir.path(), 10);
        OpenCvCamera camera(CameraSource::parse(QStringLiteral("images:%1/frame_%03d.png?fps=200").arg(dir.path())));
        QSignalSpy frames(&camera, &Camera::frameReady);
        QSignalSpy negotiated(&camera, &OpenCvCamera::negotiated);
        camera.start();
        QTRY_VERIFY_WITH_TIMEOUT(camera.reason().startsWith(QStringLiteral("ended: ")), 10000);
        QCOMPARE(camera.status(), Device::Status::Unavailable);
        QCOMPARE(camera.stats().grabbed, quint64(10));
        QCOMPARE(camera.frameSize(), QSize(320, 240));
        QCOMPARE(negotiated.size(), 1);
        QCOMPARE(negotiated.at(0).at(0).toSize(), QSize(320, 240));
        QVERIFY(frames.size() >= 1);
        const QImage last = frames.last().at(0).value<QImage>();
        QCOMPARE(last.size(), QSize(320, 240));
        QCOMPARE(last.format(), QImage::Format_RGB32);
        // The GUI got each frame it was told about, and the counts add up.
        const OpenCvCamera::Stats stats = camera.stats();
        QCOMPARE(stats.consumers.at(0).name, QStringLiteral("frameReady"));
        QCOMPARE(stats.consumers.at(0).delivered, quint64(frames.size()));
        QCOMPARE(stats.consumers.at(0).delivered + stats.consumers.at(0).dropped, quint64(10));
        // The last frame is the last of the sequence (grey 180).
        QCOMPARE(qGray(last.pixel(5, 5)), 180);
    }

    void loopsASequence()
    {
        QTemporaryDir dir;
        writeSequence(dir.path(), 3);
        OpenCvCamera camera(CameraSource::parse(QStringLiteral("images:%1/frame_%03d.png?fps=200&loop=1").arg(dir.path())));
        camera.start();
        QTRY_VERIFY_WITH_TIMEOUT(camera.stats().grabbed > 10, 10000);
        QVERIFY(camera.isReady());
        camera.stop();
        QCOMPARE(camera.reason(), QStringLiteral("stopped"));
    }

    void capturesAGStreamerPipelineAndRecoversWhenItEnds()
    {
        OpenCvCamera camera(CameraSource::parse(QStringLiteral(
            "gst:videotestsrc num-buffers=15 ! video/x-raw,width=320,height=240 ! videoconvert ! appsink")));
        camera.setRetryDelays(50, 200);
        QSignalSpy frames(&camera, &Camera::frameReady);
        QSignalSpy states(&camera, &Device::stateChanged);
        camera.start();
        QTRY_VERIFY_WITH_TIMEOUT(camera.isReady(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(frames.size() >= 1, 10000);
        QCOMPARE(frames.last().at(0).value<QImage>().size(), QSize(320, 240));
        // After 15 buffers the stream ends: Unavailable, then a retry reopens it and it is Ready again.
        QTRY_VERIFY_WITH_TIMEOUT(camera.stats().grabbed > 15, 20000);
        QVERIFY(camera.stats().failures >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(camera.isReady(), 10000);
        camera.stop();
    }

    void aMissingDeviceIsUnavailableWithTheReason()
    {
        OpenCvCamera camera(CameraSource::parse(QStringLiteral("v4l2:/dev/video-onestop-missing?width=640&height=480")));
        camera.setRetryDelays(50, 100);
        QSignalSpy errors(&camera, &Device::errorOccurred);
        camera.start();
        QTRY_VERIFY(errors.size() >= 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("open camera"));
        QVERIFY2(errors.at(0).at(1).toString().contains(QStringLiteral("/dev/video-onestop-missing: no such device")),
                 qPrintable(errors.at(0).at(1).toString()));
        QTRY_COMPARE(camera.status(), Device::Status::Unavailable);
        QTRY_VERIFY(camera.reason().contains(QStringLiteral("retrying in")));
        camera.stop();
        QCOMPARE(camera.reason(), QStringLiteral("stopped"));
    }

    void anInvalidSourceNeverStarts()
    {
        OpenCvCamera camera(CameraSource::parse(QStringLiteral("usb:7")));
        QCOMPARE(camera.status(), Device::Status::Unavailable);
        QVERIFY(camera.reason().contains(QStringLiteral("unknown kind")));
        camera.start();
        QCOMPARE(camera.status(), Device::Status::Unavailable);
    }

    void recoversWhenTheSourceAppears()
    {
        QTemporaryDir dir;
        OpenCvCamera camera(CameraSource::parse(QStringLiteral("images:%1/frame_%03d.png?fps=100&loop=1").arg(dir.path())));
        camera.setRetryDelays(50, 100);
        camera.start();
        QTRY_VERIFY(camera.stats().failures >= 1);
        QTRY_COMPARE(camera.status(), Device::Status::Unavailable);
        QVERIFY2(camera.reason().contains(QStringLiteral("cannot open")), qPrintable(camera.reason()));
        writeSequence(dir.path(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(camera.isReady(), 10000);
        QTRY_VERIFY(camera.stats().grabbed >= 3);
    }

    void aSlowConsumerGetsTheLatestFrame()
    {
        QTemporaryDir dir;
        writeSequence(dir.path(), 12);
        OpenCvCamera camera(CameraSource::parse(QStringLiteral("images:%1/frame_%03d.png?fps=200&loop=1").arg(dir.path())));
        const std::shared_ptr<FrameMailbox> slow = camera.addConsumer(QStringLiteral("slow"));
        camera.start();
        // The consumer is busy (takes nothing) while 30 frames go by.
        QTRY_VERIFY_WITH_TIMEOUT(camera.stats().grabbed >= 30, 10000);
        camera.stop();
        const quint64 grabbed = camera.stats().grabbed;
        QImage frame;
        quint64 sequence = 0;
        QVERIFY(slow->take(&frame, &sequence));
        QCOMPARE(sequence, grabbed); // the newest, not the oldest
        QCOMPARE(qGray(frame.pixel(1, 1)), int(20 * ((grabbed - 1) % 12) % 256));
        QVERIFY(!slow->take(&frame)); // nothing queued behind it
        const OpenCvCamera::Stats stats = camera.stats();
        QCOMPARE(stats.consumers.size(), 2);
        QCOMPARE(stats.consumers.at(1).name, QStringLiteral("slow"));
        QCOMPARE(stats.consumers.at(1).delivered, quint64(1));
        QCOMPARE(stats.consumers.at(1).dropped, grabbed - 1);
    }
};

QTEST_MAIN(TestCameraCapture)
#include "tst_camera_capture.moc"
