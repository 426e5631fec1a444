#pragma once

#include "Camera.h"

#include <QTimer>

// A camera without hardware, behind the same interface as the real ones: while started and plugged it
// emits a 640x480 Format_RGB32 test pattern (see TestPattern.h) at framesPerSecond(). Unplugging makes it
// Unavailable "unplugged" and stops the frames; plugging it back makes it Ready and, if it was started,
// the frames resume.
// Thread: GUI thread only. Frames come from a QTimer; rendering one takes well under a millisecond.
class SimulatedCamera : public Camera
{
    Q_OBJECT

public:
    static constexpr int defaultFramesPerSecond = 10;
    static constexpr int maxFramesPerSecond = 60;

    explicit SimulatedCamera(const QString &name = QStringLiteral("simulated-camera"),
                             QObject *parent = nullptr);

    bool isSimulated() const override { return true; }
    void start() override;
    void stop() override;

    // True while frames are being emitted.
    bool isStreaming() const { return m_frameTimer.isActive(); }
    // How many frames were emitted since construction.
    quint64 framesEmitted() const { return m_framesEmitted; }

    // Knobs (GUI thread).
    void setPlugged(bool plugged);
    bool isPlugged() const { return m_plugged; }
    // 1..maxFramesPerSecond; returns false and keeps the old rate for anything else.
    bool setFramesPerSecond(int fps);
    int framesPerSecond() const { return m_fps; }

private:
    void applyState();
    void emitFrame();

    QTimer m_frameTimer;
    bool m_started = false;
    bool m_plugged = true;
    QString m_stoppedReason = QStringLiteral("not started");
    int m_fps = defaultFramesPerSecond;
    quint64 m_framesEmitted = 0;
};
