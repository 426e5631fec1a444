#include "HidPosScanner.h"

#include "ScannerLogging.h"
#include "codec/HidPosReport.h"
#include "hidraw/HidrawDiscovery.h"
#include "internal/NodeReaderThread.h"

#include <QTimer>

#include <functional>

#include <cerrno>
#include <cstring>
#include <unistd.h>

struct HidPosScanner::Private
{
    QString configuredPath;
    QString devicePath;
    int reopenIntervalMs = 1000;
    QTimer discoveryRetry; // GUI thread: no scanner found yet, look again
    int generation = 0;    // GUI thread: bumped by start(), so work queued by an earlier run is dropped
    std::unique_ptr<NodeReaderThread> reader;
    HidPos::ScanReassembler reassembler{CodeScanner::maxPayloadBytes}; // reader thread only
};

HidPosScanner::HidPosScanner(const QString &name, const QString &devicePath, QObject *parent,
                             int reopenIntervalMs)
    : CodeScanner(QStringLiteral("scanner"), name, parent), d(std::make_unique<Private>())
{
    d->configuredPath = devicePath;
    d->devicePath = devicePath;
    d->reopenIntervalMs = std::max(reopenIntervalMs, 1000);
    d->discoveryRetry.setSingleShot(true);
    d->discoveryRetry.setInterval(d->reopenIntervalMs);
    connect(&d->discoveryRetry, &QTimer::timeout, this, &HidPosScanner::start);
}

HidPosScanner::~HidPosScanner()
{
    stop();
}

QString HidPosScanner::devicePath() const
{
    return d->devicePath;
}

// GUI thread.
void HidPosScanner::start()
{
    if (d->reader)
        return;
    if (d->configuredPath.isEmpty()) {
        const QStringList found = HidrawDiscovery::findHidPosScanners();
        if (found.isEmpty()) {
            setState(Status::Unavailable,
                     QStringLiteral("no HID POS scanner (usage page 0x8C) among /dev/hidraw*"));
            d->discoveryRetry.start(); // until hotplug exists: look again every reopen interval
            return;
        }
        d->devicePath = found.first();
    }
    qCDebug(lcScanner) << name() << "starting on" << d->devicePath;

    const int generation = ++d->generation;
    // Runs `work` on the GUI thread unless the scanner was stopped (or restarted) meanwhile.
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
    // All hooks run on the reader thread; results go to the GUI thread queued, with `this` as context so
    // nothing arrives after the scanner is gone (stop() joins the reader before destruction anyway).
    hooks.setUp = [this](int) {
        d->reassembler.clear();
        return QString();
    };
    hooks.readable = [this, post](int fd) -> QString {
        char buffer[HidPos::kReportSize];
        const ssize_t n = ::read(fd, buffer, sizeof buffer); // hidraw: one report per read
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                return QString();
            return QStringLiteral("read: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        }
        if (n == 0)
            return QStringLiteral("read: end of file (device gone)");
        const HidPos::FeedResult fed = d->reassembler.feed(QByteArray(buffer, int(n)));
        if (!fed.ok()) {
            if (fed.error.kind == HidPos::ReportError::Kind::WrongReportId) {
                qCDebug(lcScanner) << name() << "ignored:" << fed.error.message();
                return QString();
            }
            const QString detail = QStringLiteral("HID POS %1").arg(fed.error.message());
            post([this, detail] { reportError(QStringLiteral("scan"), detail); });
            return QString();
        }
        if (!fed.complete)
            return QString();
        const HidPos::DecodedPayload decoded = HidPos::decodePayload(fed.scan.bytes);
        const int bytes = int(fed.scan.bytes.size());
        if (decoded.encoding == HidPos::PayloadEncoding::Undecodable) {
            const QString detail =
                QStringLiteral("HID POS payload of %1 bytes is neither UTF-8 nor GB18030; dropped")
                    .arg(bytes);
            post([this, detail] { reportError(QStringLiteral("scan"), detail); });
            return QString();
        }
        qCDebug(lcScanner) << name() << "scan of" << bytes << "bytes,"
                           << HidPos::encodingName(decoded.encoding);
        const QString text = decoded.text;
        const QString symbology = QString::fromLatin1(fed.scan.symbology);
        post([this, text, symbology] { deliverScan(text, symbology); });
        return QString();
    };
    hooks.stateChanged = [this, post](bool open, const QString &reason) {
        post([this, open, reason] {
            qCDebug(lcScanner) << name() << (open ? "open" : "closed:") << reason;
            setState(open ? Status::Ready : Status::Unavailable, reason);
        });
    };
    d->reader = std::make_unique<NodeReaderThread>(d->devicePath, std::move(hooks),
                                                   std::chrono::milliseconds(d->reopenIntervalMs));
    setState(Status::Unavailable, QStringLiteral("opening %1").arg(d->devicePath));
    d->reader->start();
}

// GUI thread.
void HidPosScanner::stop()
{
    if (d->discoveryRetry.isActive()) {
        d->discoveryRetry.stop();
        setState(Status::Unavailable, QStringLiteral("stopped"));
    }
    if (!d->reader)
        return;
    d->reader->stop();
    d->reader.reset();
    qCDebug(lcScanner) << name() << "stopped";
    setState(Status::Unavailable, QStringLiteral("stopped"));
}
