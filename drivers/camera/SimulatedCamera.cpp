#include "SimulatedCamera.h"

#include "CameraLogging.h"
#include "TestPattern.h"

SimulatedCamera::SimulatedCamera(const QString &name, QObject *parent)
    : Camera(QStringLiteral("camera"), name, parent)
{
    m_frameTimer.setInterval(1000 / m_fps);
    connect(&m_frameTimer, &QTimer::timeout, this, &SimulatedCamera::emitFrame);
}

void SimulatedCamera::start()
{
    if (m_started)
        return;
    m_started = true;
    qCDebug(lcCamera) << name() << "started";
    applyState();
}

void SimulatedCamera::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_stoppedReason = QStringLiteral("stopped");
    qCDebug(lcCamera) << name() << "stopped";
    applyState();
}

void SimulatedCamera::setPlugged(bool plugged)
{
    if (plugged == m_plugged)
        return;
    m_plugged = plugged;
    qCDebug(lcCamera) << name() << (plugged ? "plugged" : "unplugged");
    applyState();
}

bool SimulatedCamera::setFramesPerSecond(int fps)
{
    if (fps < 1 || fps > maxFramesPerSecond)
        return false;
    m_fps = fps;
    m_frameTimer.setInterval(1000 / fps); // a running timer restarts with the new interval
    return true;
}

void SimulatedCamera::applyState()
{
    if (!m_started) {
        m_frameTimer.stop();
        setState(Status::Unavailable, m_stoppedReason);
    } else if (!m_plugged) {
        m_frameTimer.stop();
        setState(Status::Unavailable, QStringLiteral("unplugged"));
    } else {
        if (!m_frameTimer.isActive())
            m_frameTimer.start();
        setState(Status::Ready);
    }
}

void SimulatedCamera::emitFrame()
{
    const QImage frame = renderTestPattern(m_framesEmitted, QTime::currentTime());
    ++m_framesEmitted;
    emit frameReady(frame);
}
