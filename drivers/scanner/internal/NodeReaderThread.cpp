#include "NodeReaderThread.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace {
constexpr int kPollTimeoutMs = 250; // upper bound of stop() if the wake pipe ever failed

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
} // namespace

NodeReaderThread::NodeReaderThread(const QString &path, Hooks hooks, std::chrono::milliseconds reopenInterval)
    : m_path(path), m_hooks(std::move(hooks)),
      m_reopenInterval(std::max(reopenInterval, minimumReopenInterval))
{
}

NodeReaderThread::~NodeReaderThread()
{
    stop();
}

// Owner's thread.
void NodeReaderThread::start()
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_reportedOnce = false;
    if (::pipe2(m_wakePipe, O_CLOEXEC | O_NONBLOCK) != 0)
        m_wakePipe[0] = m_wakePipe[1] = -1; // stop() still works through the poll timeout
    m_thread = std::thread([this] { run(); });
}

// Owner's thread.
void NodeReaderThread::stop()
{
    if (!m_thread.joinable())
        return;
    m_stopping = true;
    if (m_wakePipe[1] >= 0) {
        const char byte = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_wakePipe[1], &byte, 1);
    }
    m_thread.join();
    for (int &fd : m_wakePipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

// Reader thread.
bool NodeReaderThread::waitForStop(std::chrono::milliseconds duration)
{
    const auto deadline = std::chrono::steady_clock::now() + duration;
    while (!m_stopping) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return false;
        pollfd wake{m_wakePipe[0], POLLIN, 0};
        ::poll(&wake, m_wakePipe[0] >= 0 ? 1 : 0, int(std::min<qint64>(left.count(), kPollTimeoutMs)));
    }
    return true;
}

// Reader thread.
void NodeReaderThread::report(bool open, const QString &reason)
{
    if (m_reportedOnce && open == m_reportedOpen && reason == m_reportedReason)
        return;
    m_reportedOnce = true;
    m_reportedOpen = open;
    m_reportedReason = reason;
    if (m_hooks.stateChanged)
        m_hooks.stateChanged(open, reason);
}

// Reader thread: the whole Closed/Open state machine.
void NodeReaderThread::run()
{
    const QByteArray nativePath = QFile::encodeName(m_path);
    while (!m_stopping) {
        // Closed: try to open.
        const int fd = ::open(nativePath.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            report(false, QStringLiteral("cannot open %1: %2").arg(m_path, errnoText(errno)));
            waitForStop(m_reopenInterval);
            continue;
        }
        if (m_hooks.setUp) {
            const QString problem = m_hooks.setUp(fd);
            if (!problem.isEmpty()) {
                ::close(fd);
                report(false, QStringLiteral("%1: %2").arg(m_path, problem));
                waitForStop(m_reopenInterval);
                continue;
            }
        }
        report(true, QString());

        // Open: read until stop, unplug or error.
        QString closedBecause;
        while (!m_stopping && closedBecause.isEmpty()) {
            pollfd fds[2] = {{fd, POLLIN, 0}, {m_wakePipe[0], POLLIN, 0}};
            const int ready = ::poll(fds, m_wakePipe[0] >= 0 ? 2 : 1, kPollTimeoutMs);
            if (ready < 0) {
                if (errno != EINTR)
                    closedBecause = QStringLiteral("poll: %1").arg(errnoText(errno));
                continue;
            }
            if (ready == 0 || m_stopping)
                continue;
            if (fds[0].revents & POLLIN)
                closedBecause = m_hooks.readable(fd);
            else if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL))
                closedBecause = QStringLiteral("device gone (hang-up)");
        }
        if (m_hooks.tearDown)
            m_hooks.tearDown(fd);
        ::close(fd);
        if (m_stopping)
            break;
        report(false, QStringLiteral("%1: %2").arg(m_path, closedBecause));
        waitForStop(m_reopenInterval);
    }
}
