#include "WedgeScanner.h"

#include "ScannerLogging.h"
#include "evdev/WedgeDecoder.h"
#include "internal/NodeReaderThread.h"

#include <cerrno>
#include <cstring>
#include <functional>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <unistd.h>

struct WedgeScanner::Private
{
    QString devicePath;
    int suffixKey = KEY_ENTER;
    int reopenIntervalMs = 1000;
    int generation = 0; // GUI thread: bumped by start(), so work queued by an earlier run is dropped
    std::unique_ptr<NodeReaderThread> reader;
    std::unique_ptr<Wedge::WedgeDecoder> decoder; // reader thread only while the reader runs
};

WedgeScanner::WedgeScanner(const QString &name, const QString &devicePath, QObject *parent, int suffixKey,
                           int reopenIntervalMs)
    : CodeScanner(QStringLiteral("scanner"), name, parent), d(std::make_unique<Private>())
{
    d->devicePath = devicePath;
    d->suffixKey = suffixKey;
    d->reopenIntervalMs = reopenIntervalMs;
}

WedgeScanner::~WedgeScanner()
{
    stop();
}

QString WedgeScanner::devicePath() const
{
    return d->devicePath;
}

// GUI thread.
void WedgeScanner::start()
{
    if (d->reader)
        return;
    qCDebug(lcScanner) << name() << "starting on" << d->devicePath;
    d->decoder = std::make_unique<Wedge::WedgeDecoder>(d->suffixKey, CodeScanner::maxPayloadBytes);

    const int generation = ++d->generation;
    auto post = [this, generation](std::function<void()> work) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, work = std::move(work)] {
                if (d->reader && d->generation == generation)
                    work();
            },
            Qt::QueuedConnection);
    };

    NodeReaderThread::Hooks hooks;
    hooks.setUp = [this](int fd) -> QString {
        d->decoder->clear();
        if (::ioctl(fd, EVIOCGRAB, 1) != 0)
            return QStringLiteral("grab (EVIOCGRAB): %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return QString();
    };
    hooks.tearDown = [this](int fd) {
        if (::ioctl(fd, EVIOCGRAB, 0) != 0 && errno != ENODEV)
            qCInfo(lcScanner) << name()
                              << "releasing the grab failed (closing releases it):" << std::strerror(errno);
    };
    hooks.readable = [this, post](int fd) -> QString {
        input_event events[64];
        const ssize_t n = ::read(fd, events, sizeof events);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                return QString();
            return QStringLiteral("read: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        }
        if (n == 0)
            return QStringLiteral("read: end of file (device gone)");
        if (n % sizeof(input_event) != 0)
            return QStringLiteral("read: %1 bytes, not a whole number of input events").arg(n);
        for (size_t i = 0; i < size_t(n) / sizeof(input_event); ++i) {
            const std::optional<Wedge::WedgeResult> result =
                d->decoder->feed(events[i].type, events[i].code, events[i].value);
            if (!result)
                continue;
            if (!result->error.isEmpty()) {
                const QString detail = result->error;
                post([this, detail] { reportError(QStringLiteral("scan"), detail); });
            } else {
                const QString text = result->text;
                post([this, text] { deliverScan(text, QString()); });
            }
        }
        return QString();
    };
    hooks.stateChanged = [this, post](bool open, const QString &reason) {
        post([this, open, reason] {
            qCDebug(lcScanner) << name() << (open ? "open and grabbed" : "closed:") << reason;
            setState(open ? Status::Ready : Status::Unavailable, reason);
        });
    };
    d->reader = std::make_unique<NodeReaderThread>(d->devicePath, std::move(hooks),
                                                   std::chrono::milliseconds(d->reopenIntervalMs));
    setState(Status::Unavailable, QStringLiteral("opening %1").arg(d->devicePath));
    d->reader->start();
}

// GUI thread.
void WedgeScanner::stop()
{
    if (!d->reader)
        return;
    d->reader->stop(); // tearDown releases the grab
    d->reader.reset();
    qCDebug(lcScanner) << name() << "stopped";
    setState(Status::Unavailable, QStringLiteral("stopped"));
}
