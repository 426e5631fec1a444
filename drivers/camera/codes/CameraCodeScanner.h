#pragma once

#include "Camera.h"
#include "CodeFrameDecoder.h"
#include "CodeScanner.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QThread>

#include <memory>

class FrameMailbox;

// A camera acting as a code scanner, for the identify screen: frames from any Camera (OpenCvCamera,
// SimulatedCamera) are decoded with CodeFrameDecoder (kioskOptions) on this scanner's own worker thread.
// While the worker is busy, newer frames replace the waiting one (FrameMailbox): frames are dropped,
// never queued, and the GUI thread never waits. A decoded payload goes through scanPayloadProblem() like
// any scanner's, then out as codeScanned (symbology: ZXing's AIM id, "]Q1" for QR); the same text is not
// repeated while it stays in view (within repeatQuietMs of its last sighting).
// States follow the camera: Ready while started and the camera is Ready, else Unavailable with
// "camera: <its reason>" (or "stopped"). It does not start or stop the camera (DeviceHub does).
// Thread: GUI thread for everything public; decoding on the worker.
class CameraCodeScanner : public CodeScanner
{
    Q_OBJECT

public:
    static constexpr int defaultRepeatQuietMs = 3000;

    explicit CameraCodeScanner(Camera *camera, CodeFormats formats = CodeFormat::QRCode,
                               const QString &name = QStringLiteral("camera-scanner"), QObject *parent = nullptr);
    ~CameraCodeScanner() override;

    bool isSimulated() const override;
    void start() override;
    void stop() override;

    // What the current screen expects (QR by default); applies from the next frame.
    void setFormats(CodeFormats formats);
    void setRepeatQuietMs(int ms) { m_repeatQuietMs = ms; }

    quint64 framesDecoded() const; // taken by the worker
    quint64 framesDropped() const; // replaced while the worker was busy

private:
    void onFrame(const QImage &frame);
    void onDecoded(const QList<DecodedCode> &codes);
    void applyState();

    QPointer<Camera> m_camera;
    std::shared_ptr<FrameMailbox> m_mailbox;
    QThread m_thread;
    class Worker;
    Worker *m_worker = nullptr; // lives on m_thread
    bool m_started = false;
    quint64 m_sequence = 0;
    int m_repeatQuietMs = defaultRepeatQuietMs;
    QHash<QString, qint64> m_lastSeen; // text -> ms on m_clock
    QElapsedTimer m_clock;
};
