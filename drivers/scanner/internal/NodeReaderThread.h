#pragma once

#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

// Private to drivers/scanner (not installed, not included by public headers).
//
// One reader thread for one character device node (/dev/hidrawN, /dev/input/eventN). The loop is an
// explicit state machine:
//   Closed --open() ok, setUp ok--> Open --readable() reports a problem / POLLHUP / POLLERR--> Closed
//   Closed --open or setUp failed--> Closed (wait reopenInterval, try again)
// tearDown() always runs after a successful setUp(), whichever way Open is left (stop, unplug, error).
// stop() wakes the thread through a pipe; the poll() also has a timeout, so stop() is bounded either way.
// Thread: constructed, started and stopped on the owner's thread (the GUI thread); every hook runs on the
// reader thread. Hooks hand results to the GUI thread themselves (QMetaObject::invokeMethod, queued).
class NodeReaderThread
{
public:
    struct Hooks
    {
        // After open(): e.g. EVIOCGRAB. Returns what failed, or empty. Reader thread.
        std::function<QString(int fd)> setUp;
        // The node is readable: read one unit (a report, a batch of events). Returns empty to keep reading,
        // or why the node must be closed ("read: No such device"). Reader thread.
        std::function<QString(int fd)> readable;
        // Undo setUp() (release the grab). Always runs before close() when setUp succeeded. Reader thread.
        std::function<void(int fd)> tearDown;
        // The node was opened (open = true, reason empty) or closed / could not be opened (open = false,
        // reason says why). Called on changes only. Reader thread.
        std::function<void(bool open, const QString &reason)> stateChanged;
    };

    NodeReaderThread(const QString &path, Hooks hooks,
                     std::chrono::milliseconds reopenInterval = std::chrono::seconds(1));
    ~NodeReaderThread(); // stop()

    NodeReaderThread(const NodeReaderThread &) = delete;
    NodeReaderThread &operator=(const NodeReaderThread &) = delete;

    void start();
    void stop(); // joins; bounded by the poll timeout

    QString path() const { return m_path; }

    // The smallest interval between two attempts to open the node.
    static constexpr std::chrono::milliseconds minimumReopenInterval{1000};

private:
    void run();
    bool waitForStop(std::chrono::milliseconds duration); // true when stop() was asked
    void report(bool open, const QString &reason);

    const QString m_path;
    const Hooks m_hooks;
    const std::chrono::milliseconds m_reopenInterval;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    int m_wakePipe[2] = {-1, -1};
    bool m_reportedOpen = false;
    QString m_reportedReason;
    bool m_reportedOnce = false;
};
