#pragma once

#include "Camera.h"
#include "CameraSource.h"
#include "FrameMailbox.h"

#include <QList>
#include <QSize>

#include <memory>

// A real camera (or a recorded stand-in: video file, image sequence, GStreamer pipeline) through OpenCV's
// cv::VideoCapture, behind the Camera interface. No OpenCV type appears here.
//
// Threads: the object lives on the GUI thread. start() launches a capture worker thread that opens the
// source, grabs frames, converts each to a QImage (Format_RGB32, one copy) and offers it to every
// consumer's FrameMailbox: the built-in one behind frameReady (emitted on the GUI thread, at most one
// frame event pending, so the GUI never queues frames) and any added with addConsumer() (decoders,
// detectors, the preview, each taking the newest frame when it is free). stop() and the destructor stop
// and join the worker; they wait at most for one blocking read of the source.
//
// States: Busy "opening SOURCE" -> Ready on the first frame. Open failure, read failure (unplugged) or the
// end of a live stream -> Unavailable with the reason, then a retry after 0.5 s, 1 s, 2 s ... up to
// maxRetryMs, until it works again (Ready). A file or sequence that ends without ?loop=1 is Unavailable
// "ended: ..." and is not retried. stop() -> Unavailable "stopped".
class OpenCvCamera : public Camera
{
    Q_OBJECT

public:
    struct ConsumerStats
    {
        QString name;
        quint64 delivered = 0;
        quint64 dropped = 0;
    };
    struct Stats
    {
        quint64 grabbed = 0;  // frames read from the source
        quint64 failures = 0; // opens or reads that failed
        QList<ConsumerStats> consumers; // "frameReady" first
    };

    // An invalid source is Unavailable with its parse error and never starts.
    explicit OpenCvCamera(const CameraSource &source, const QString &name = QStringLiteral("camera"),
                          QObject *parent = nullptr);
    ~OpenCvCamera() override;

    bool isSimulated() const override { return false; }
    void start() override; // GUI thread; never blocks
    void stop() override;  // GUI thread; joins the worker

    const CameraSource &source() const;
    // What the source gave (after the first frame): size, rate and pixel format; empty/0 before.
    QSize frameSize() const;
    double framesPerSecond() const;
    QString pixelFormat() const;

    // A consumer's mailbox, fed by the worker from the next frame on. Any thread may take from it.
    // Call from the GUI thread; the camera keeps a reference until it is destroyed.
    std::shared_ptr<FrameMailbox> addConsumer(const QString &name);
    Stats stats() const; // any thread

    // Retry backoff (GUI thread, before start()): first wait and the longest.
    void setRetryDelays(int firstMs, int maxMs);

signals:
    // The driver's answer to what the source string asked for (GUI thread), after each (re)open.
    void negotiated(const QSize &size, double fps, const QString &pixelFormat);

private:
    struct Private;
    std::unique_ptr<Private> d;
};
