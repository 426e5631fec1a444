// CameraCodeScanner: a camera's frames decoded on the scanner's worker, payloads checked, repeats held
// back, frames dropped (not queued) while the worker is busy, state following the camera.
#include "CameraCodeScanner.h"
#include "StrictWarnings.h"
#include "VisionTestFrames.h"

#include <QSignalSpy>
#include <QTest>

// A camera the test drives frame by frame.
class ManualCamera : public Camera
{
public:
    ManualCamera()
        : Camera(QStringLiteral("camera"), QStringLiteral("manual"))
    {
    }
    bool isSimulated() const override { return true; }
    void start() override { setState(Status::Ready); }
    void stop() override { setState(Status::Unavailable, QStringLiteral("unplugged")); }
    void show(const QImage &frame) { emit frameReady(frame); }
};

class TestCameraCodeScanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void scansACodeOnceWhileItStaysInView()
    {
        ManualCamera camera;
        CameraCodeScanner scanner(&camera);
        QSignalSpy scanned(&scanner, &CodeScanner::codeScanned);
        camera.start();
        scanner.start();
        QVERIFY(scanner.isReady());

        const QString text = QStringLiteral("SH-CASE-2026-000777");
        const QImage frame = qrCodeFrame(text, QSize(640, 480), 4);
        camera.show(frame);
        QTRY_COMPARE(scanned.size(), 1);
        const auto code = scanned.at(0).at(0).value<ScannedCode>();
        QCOMPARE(code.text, text);
        QCOMPARE(code.symbology, QStringLiteral("]Q1"));

        // The same code in the next frames: not repeated.
        for (int i = 0; i < 3; ++i) {
            camera.show(frame);
            QTRY_VERIFY(scanner.framesDecoded() + scanner.framesDropped() >= quint64(2 + i));
        }
        QTRY_COMPARE(scanner.framesDecoded() + scanner.framesDropped(), quint64(4));
        QTest::qWait(50); // the worker's last answer, if any, has arrived
        QCOMPARE(scanned.size(), 1);
    }

    void dropsFramesWhileBusy()
    {
        ManualCamera camera;
        CameraCodeScanner scanner(&camera);
        camera.start();
        scanner.start();
        // 1080p frames that make every decode take the whole cascade; 20 arrive at once.
        const QImage frame = qrCodeFrame(QStringLiteral("busy"), QSize(1920, 1080), 1);
        for (int i = 0; i < 20; ++i)
            camera.show(frame);
        QTRY_COMPARE(scanner.framesDecoded() + scanner.framesDropped(), quint64(20));
        QVERIFY2(scanner.framesDropped() > 0, "the worker should have been busy");
        QVERIFY(scanner.framesDecoded() < 20);
    }

    void refusesAHostilePayload()
    {
        ManualCamera camera;
        CameraCodeScanner scanner(&camera);
        QSignalSpy scanned(&scanner, &CodeScanner::codeScanned);
        QSignalSpy errors(&scanner, &Device::errorOccurred);
        camera.start();
        scanner.start();
        camera.show(qrCodeFrame(QStringLiteral("line\x1b[2Jend"), QSize(640, 480), 4));
        QTRY_COMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("scan"));
        QVERIFY(errors.at(0).at(1).toString().contains(QStringLiteral("control character")));
        QCOMPARE(scanned.size(), 0);
    }

    void followsTheCamerasState()
    {
        ManualCamera camera;
        CameraCodeScanner scanner(&camera);
        QCOMPARE(scanner.status(), Device::Status::Unavailable);
        scanner.start();
        QVERIFY(scanner.reason().startsWith(QStringLiteral("camera: ")));
        camera.start();
        QVERIFY(scanner.isReady());
        camera.stop();
        QCOMPARE(scanner.reason(), QStringLiteral("camera: unplugged"));
        scanner.stop();
        QCOMPARE(scanner.reason(), QStringLiteral("stopped"));
        // Frames while stopped go nowhere.
        camera.start();
        camera.show(qrCodeFrame(QStringLiteral("x"), QSize(320, 240), 4));
        QCOMPARE(scanner.framesDecoded() + scanner.framesDropped(), quint64(0));
    }
};

QTEST_MAIN(TestCameraCodeScanner)
#include "tst_camera_code_scanner.moc"
