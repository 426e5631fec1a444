#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

// Notices a web page's renderer that stopped answering (an endless script, a wedged process), which the
// engine itself never reports: while running, it asks the view every pingIntervalMs to run a no-op script
// (pingRequested(serial)), and the view answers answered(serial) when the script has run. When no ping has
// been answered for hangLimitMs, hung() is emitted once and the watchdog stops; the view then ends the
// renderer (WebSessionController::rendererHung), and the engine's "renderer terminated" path brings the
// kiosk's "stopped working" page with the way back to the start.
// A ping lost on the way (a navigation that replaced the document before it ran) is harmless: only
// silence across the whole limit counts, and any answer, to any ping, restarts it. restart() (a new
// renderer process) starts the silence over too.
// Used by qml/Web/LockedWebView.qml (`running` bound to "there is a view and no kiosk page over it"; at each
// ping the view says which renderer process it has, watch(pid), because Qt 6.4's view does not notify
// renderProcessPid reliably). Thread: GUI.
class RendererWatchdog : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool running READ isRunning WRITE setRunning NOTIFY runningChanged)
    Q_PROPERTY(int pingIntervalMs READ pingIntervalMs WRITE setPingIntervalMs NOTIFY timingChanged)
    Q_PROPERTY(int hangLimitMs READ hangLimitMs WRITE setHangLimitMs NOTIFY timingChanged)

public:
    // 1 s pings, hung after 5 s of silence: the kiosk's page is up well within the 10 s a resident may wait.
    static constexpr int defaultPingIntervalMs = 1000;
    static constexpr int defaultHangLimitMs = 5000;

    explicit RendererWatchdog(QObject *parent = nullptr);

    bool isRunning() const { return m_running; }
    void setRunning(bool running);
    int pingIntervalMs() const { return m_ping.interval(); }
    void setPingIntervalMs(int ms);
    int hangLimitMs() const { return m_hangLimitMs; }
    void setHangLimitMs(int ms);

    // The view ran ping `serial` (any serial counts: the renderer is alive).
    Q_INVOKABLE void answered(int serial);
    // A new renderer (its process id changed): the silence starts over.
    Q_INVOKABLE void restart();
    // At a ping: the view's renderer process is `pid` (0: none yet). True when the view is to be pinged;
    // false, with the silence started over, while there is no renderer (nothing can answer, nothing hangs).
    // A pid other than the last one is a new renderer: restart().
    Q_INVOKABLE bool watch(qint64 pid);

signals:
    void pingRequested(int serial);
    void hung(int silentMs);
    void runningChanged();
    void timingChanged();

private:
    void onPing();

    QTimer m_ping;
    QElapsedTimer m_silence; // since the last answer (or the start)
    int m_hangLimitMs = defaultHangLimitMs;
    int m_serial = 0;
    qint64 m_pid = 0;
    bool m_running = false;
};
