#include "RendererWatchdog.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcWeb)

RendererWatchdog::RendererWatchdog(QObject *parent) : QObject(parent)
{
    m_ping.setInterval(defaultPingIntervalMs);
    connect(&m_ping, &QTimer::timeout, this, &RendererWatchdog::onPing);
}

void RendererWatchdog::setRunning(bool running)
{
    if (running == m_running)
        return;
    m_running = running;
    if (running) {
        m_silence.start();
        m_ping.start();
    } else {
        m_ping.stop();
    }
    emit runningChanged();
}

void RendererWatchdog::setPingIntervalMs(int ms)
{
    if (ms <= 0 || ms == m_ping.interval())
        return;
    m_ping.setInterval(ms);
    emit timingChanged();
}

void RendererWatchdog::setHangLimitMs(int ms)
{
    if (ms <= 0 || ms == m_hangLimitMs)
        return;
    m_hangLimitMs = ms;
    emit timingChanged();
}

void RendererWatchdog::answered(int serial)
{
    Q_UNUSED(serial)
    if (m_running)
        m_silence.start();
}

void RendererWatchdog::restart()
{
    if (m_running)
        m_silence.start();
}

bool RendererWatchdog::watch(qint64 pid)
{
    if (pid != m_pid) {
        m_pid = pid;
        restart();
    }
    if (pid > 0)
        return true;
    restart();
    return false;
}

void RendererWatchdog::onPing()
{
    const qint64 silent = m_silence.elapsed();
    if (silent >= m_hangLimitMs) {
        qCWarning(lcWeb).noquote() << "the page's renderer has not answered for" << silent << "ms";
        setRunning(false);
        emit hung(int(silent));
        return;
    }
    emit pingRequested(++m_serial);
}
