#include "OpenCvCamera.h"

#include "CameraLogging.h"

#include <opencv2/core.hpp>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <QFileInfo>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

QString fourccText(double value)
{
    const auto code = quint32(value);
    if (code == 0)
        return QString();
    QString text;
    for (int i = 0; i < 4; ++i) {
        const char c = char((code >> (8 * i)) & 0xFF);
        text += (c >= 0x20 && c < 0x7F) ? QLatin1Char(c) : QLatin1Char('?');
    }
    return text;
}

// The frame as Format_RGB32 (or Grayscale8 for a grey source), converted straight into the QImage's
// buffer: one copy.
QImage toImage(const cv::Mat &frame)
{
    if (frame.type() == CV_8UC1) {
        QImage image(frame.cols, frame.rows, QImage::Format_Grayscale8);
        cv::Mat target(frame.rows, frame.cols, CV_8UC1, image.bits(), size_t(image.bytesPerLine()));
        frame.copyTo(target);
        return image;
    }
    QImage image(frame.cols, frame.rows, QImage::Format_RGB32);
    cv::Mat target(frame.rows, frame.cols, CV_8UC4, image.bits(), size_t(image.bytesPerLine()));
    if (frame.type() == CV_8UC3)
        cv::cvtColor(frame, target, cv::COLOR_BGR2BGRA);
    else if (frame.type() == CV_8UC4)
        frame.copyTo(target);
    else
        return QImage();
    return image;
}

} // namespace

struct OpenCvCamera::Private
{
    OpenCvCamera *q = nullptr;
    CameraSource source;
    int firstRetryMs = 500;
    int maxRetryMs = 8000;

    // Worker control.
    std::thread worker;
    std::mutex waitMutex;
    std::condition_variable wake;
    std::atomic<bool> stopping{false};
    quint64 generation = 0; // GUI thread: the run whose reports are still wanted

    // Shared with the worker.
    mutable std::mutex shared;
    std::vector<std::shared_ptr<FrameMailbox>> mailboxes;
    std::shared_ptr<FrameMailbox> signalBox;
    QSize size;
    double fps = 0;
    QString pixelFormat;
    std::atomic<quint64> grabbed{0};
    std::atomic<quint64> failures{0};

    // Worker thread: posts a state change to the GUI thread, dropped if the run is over by then.
    void postState(quint64 run, Device::Status status, const QString &reason)
    {
        QMetaObject::invokeMethod(q, [this, run, status, reason] {
            if (run == generation && !stopping)
                q->setState(status, reason);
        }, Qt::QueuedConnection);
    }
    void postError(quint64 run, const QString &operation, const QString &detail)
    {
        QMetaObject::invokeMethod(q, [this, run, operation, detail] {
            if (run == generation && !stopping)
                q->reportError(operation, detail);
        }, Qt::QueuedConnection);
    }

    // Worker thread: sleeps up to ms, returns early (false) when asked to stop.
    bool pause(std::chrono::milliseconds ms)
    {
        std::unique_lock<std::mutex> lock(waitMutex);
        return !wake.wait_for(lock, ms, [this] { return stopping.load(); });
    }
    bool pauseUntil(Clock::time_point when)
    {
        std::unique_lock<std::mutex> lock(waitMutex);
        return !wake.wait_until(lock, when, [this] { return stopping.load(); });
    }

    bool open(cv::VideoCapture &capture, QString *why) const;
    void run(quint64 run);
};

bool OpenCvCamera::Private::open(cv::VideoCapture &capture, QString *why) const
{
    const std::string location = source.location.toStdString();
    bool opened = false;
    try {
        switch (source.kind) {
        case CameraSource::Kind::V4l2:
            if (!QFileInfo::exists(source.location)) {
                *why = QStringLiteral("cannot open %1: no such device (unplugged?)").arg(source.location);
                return false;
            }
            opened = capture.open(location, cv::CAP_V4L2);
            if (opened) {
                // Ask, in the order V4L2 wants it (format, then size, then rate); read back after.
                if (source.fourcc.size() == 4) {
                    const QByteArray f = source.fourcc.toLatin1();
                    capture.set(cv::CAP_PROP_FOURCC, cv::VideoWriter::fourcc(f[0], f[1], f[2], f[3]));
                }
                if (source.width > 0)
                    capture.set(cv::CAP_PROP_FRAME_WIDTH, source.width);
                if (source.height > 0)
                    capture.set(cv::CAP_PROP_FRAME_HEIGHT, source.height);
                if (source.fps > 0)
                    capture.set(cv::CAP_PROP_FPS, source.fps);
            }
            break;
        case CameraSource::Kind::File:
            if (!QFileInfo::exists(source.location)) {
                *why = QStringLiteral("cannot open %1: no such file").arg(source.location);
                return false;
            }
            opened = capture.open(location, cv::CAP_ANY);
            break;
        case CameraSource::Kind::Images:
            opened = capture.open(location, cv::CAP_IMAGES);
            break;
        case CameraSource::Kind::GStreamer:
            opened = capture.open(location, cv::CAP_GSTREAMER);
            break;
        case CameraSource::Kind::Invalid:
            *why = source.error;
            return false;
        }
    } catch (const cv::Exception &e) {
        *why = QStringLiteral("cannot open %1: %2").arg(source.toString(), QString::fromStdString(e.msg));
        return false;
    }
    if (!opened)
        *why = QStringLiteral("cannot open %1: the %2 backend refused it").arg(source.toString(), CameraSource::kindName(source.kind));
    return opened;
}

void OpenCvCamera::Private::run(quint64 runId)
{
    cv::VideoCapture capture;
    cv::Mat frame;
    int retryMs = firstRetryMs;
    quint64 framesThisOpen = 0;
    bool announced = false; // Ready and negotiated() sent since the last failure
    bool loopReopen = false; // reopening a file/sequence at its end (?loop=1): still Ready
    bool retrying = false;   // after a failure: stays Unavailable (with the reason) until a frame comes
    Clock::time_point paceStart;
    std::chrono::microseconds period{0};

    auto retryAfter = [&](const QString &why) {
        ++failures;
        announced = false;
        retrying = true;
        postState(runId, Device::Status::Unavailable, QStringLiteral("%1; retrying in %2 ms").arg(why).arg(retryMs));
        const bool goOn = pause(std::chrono::milliseconds(retryMs));
        retryMs = std::min(retryMs * 2, maxRetryMs);
        return goOn;
    };

    while (!stopping) {
        if (!capture.isOpened()) {
            if (!loopReopen && !retrying)
                postState(runId, Device::Status::Busy, QStringLiteral("opening %1").arg(source.toString()));
            loopReopen = false;
            QString why;
            if (!open(capture, &why)) {
                qCInfo(lcCamera).noquote() << "camera:" << why;
                postError(runId, QStringLiteral("open camera"), why);
                if (!retryAfter(why))
                    break;
                continue;
            }
            framesThisOpen = 0;
            double sourceFps = capture.get(cv::CAP_PROP_FPS);
            const double paceFps = source.fps > 0 ? source.fps : (sourceFps > 0 && sourceFps < 240 ? sourceFps : 30);
            period = source.isLive() ? std::chrono::microseconds(0)
                                     : std::chrono::microseconds(qint64(1e6 / paceFps));
            paceStart = Clock::now();
        }

        bool ok = false;
        try {
            ok = capture.read(frame) && !frame.empty();
        } catch (const cv::Exception &e) {
            qCInfo(lcCamera).noquote() << "camera: read failed:" << QString::fromStdString(e.msg);
        }
        if (stopping)
            break;
        if (!ok) {
            capture.release();
            if (!source.isLive() && framesThisOpen > 0) {
                if (source.loop) {
                    loopReopen = true;
                    continue; // from the start again, at once
                }
                postState(runId, Device::Status::Unavailable, QStringLiteral("ended: %1").arg(source.location));
                break;
            }
            const QString why = framesThisOpen > 0
                                    ? QStringLiteral("%1 stopped delivering frames (unplugged?)").arg(source.toString())
                                    : QStringLiteral("%1 opened but gave no frame").arg(source.toString());
            qCInfo(lcCamera).noquote() << "camera:" << why;
            postError(runId, QStringLiteral("read frame"), why);
            if (!retryAfter(why))
                break;
            continue;
        }

        const QImage image = toImage(frame);
        if (image.isNull())
            continue;
        if (framesThisOpen++ == 0 && !announced) {
            announced = true;
            retrying = false;
            retryMs = firstRetryMs;
            const double gotFps = capture.get(cv::CAP_PROP_FPS);
            const QString gotFormat = fourccText(capture.get(cv::CAP_PROP_FOURCC));
            {
                std::lock_guard<std::mutex> lock(shared);
                size = image.size();
                fps = gotFps;
                pixelFormat = gotFormat;
            }
            const QSize gotSize = image.size();
            QMetaObject::invokeMethod(q, [this, runId, gotSize, gotFps, gotFormat] {
                if (runId != generation || stopping)
                    return;
                qCInfo(lcCamera).noquote() << q->name() << "gives" << gotSize.width() << "x" << gotSize.height()
                                           << "at" << gotFps << "fps" << gotFormat;
                emit q->negotiated(gotSize, gotFps, gotFormat);
            }, Qt::QueuedConnection);
            postState(runId, Device::Status::Ready, QString());
        }
        const quint64 sequence = ++grabbed;
        {
            std::lock_guard<std::mutex> lock(shared);
            for (const auto &box : mailboxes)
                box->offer(image, sequence);
        }
        if (period.count() > 0 && !pauseUntil(paceStart + period * qint64(framesThisOpen)))
            break;
    }
    capture.release();
}

OpenCvCamera::OpenCvCamera(const CameraSource &source, const QString &name, QObject *parent)
    : Camera(QStringLiteral("camera"), name, parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->source = source;
    // OpenCV's own console warnings (a backend that cannot open a source) would repeat what the state says.
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
    d->signalBox = std::make_shared<FrameMailbox>(QStringLiteral("frameReady"));
    d->signalBox->setWakeUp([this] {
        // Worker thread: at most one of these is pending (the box wakes only when it was empty).
        QMetaObject::invokeMethod(this, [this] {
            QImage frame;
            if (d->signalBox->take(&frame) && !d->stopping)
                emit frameReady(frame);
        }, Qt::QueuedConnection);
    });
    d->mailboxes.push_back(d->signalBox);
    if (!source.isValid())
        setState(Status::Unavailable, source.error);
}

OpenCvCamera::~OpenCvCamera()
{
    stop();
}

void OpenCvCamera::start()
{
    if (d->worker.joinable() || !d->source.isValid())
        return;
    d->stopping = false;
    const quint64 run = ++d->generation;
    setState(Status::Busy, QStringLiteral("opening %1").arg(d->source.toString()));
    d->worker = std::thread([this, run] { d->run(run); });
}

void OpenCvCamera::stop()
{
    if (!d->worker.joinable())
        return;
    {
        std::lock_guard<std::mutex> lock(d->waitMutex);
        d->stopping = true;
    }
    d->wake.notify_all();
    d->worker.join();
    ++d->generation;
    setState(Status::Unavailable, QStringLiteral("stopped"));
}

const CameraSource &OpenCvCamera::source() const
{
    return d->source;
}

QSize OpenCvCamera::frameSize() const
{
    std::lock_guard<std::mutex> lock(d->shared);
    return d->size;
}

double OpenCvCamera::framesPerSecond() const
{
    std::lock_guard<std::mutex> lock(d->shared);
    return d->fps;
}

QString OpenCvCamera::pixelFormat() const
{
    std::lock_guard<std::mutex> lock(d->shared);
    return d->pixelFormat;
}

std::shared_ptr<FrameMailbox> OpenCvCamera::addConsumer(const QString &name)
{
    auto box = std::make_shared<FrameMailbox>(name);
    std::lock_guard<std::mutex> lock(d->shared);
    d->mailboxes.push_back(box);
    return box;
}

OpenCvCamera::Stats OpenCvCamera::stats() const
{
    Stats s;
    s.grabbed = d->grabbed;
    s.failures = d->failures;
    std::lock_guard<std::mutex> lock(d->shared);
    for (const auto &box : d->mailboxes)
        s.consumers.append({box->name(), box->delivered(), box->dropped()});
    return s;
}

void OpenCvCamera::setRetryDelays(int firstMs, int maxMs)
{
    d->firstRetryMs = std::max(1, firstMs);
    d->maxRetryMs = std::max(d->firstRetryMs, maxMs);
}
