#include "FaceQualityGate.h"

#include <QFileInfo>
#include <QRectF>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <cmath>
#include <deque>

QString FaceGateConfig::defaultCascadePath()
{
    return QStringLiteral(ONESTOP_FACE_CASCADE_DEFAULT);
}

namespace {

// A view (or, for unusual formats, a converted copy) of the frame's pixels. `keep` owns the copy.
struct FrameView
{
    QImage keep;
    cv::Mat mat; // CV_8UC1, CV_8UC3 (RGB) or CV_8UC4 (BGRA in memory)
};

FrameView viewOf(const QImage &frame)
{
    FrameView v;
    switch (frame.format()) {
    case QImage::Format_Grayscale8:
        v.keep = frame;
        v.mat = cv::Mat(frame.height(), frame.width(), CV_8UC1, const_cast<uchar *>(frame.constBits()),
                        size_t(frame.bytesPerLine()));
        break;
    case QImage::Format_RGB888:
        v.keep = frame;
        v.mat = cv::Mat(frame.height(), frame.width(), CV_8UC3, const_cast<uchar *>(frame.constBits()),
                        size_t(frame.bytesPerLine()));
        break;
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
    case QImage::Format_ARGB32_Premultiplied:
        v.keep = frame;
        v.mat = cv::Mat(frame.height(), frame.width(), CV_8UC4, const_cast<uchar *>(frame.constBits()),
                        size_t(frame.bytesPerLine()));
        break;
    default:
        v.keep = frame.convertToFormat(QImage::Format_RGB32);
        v.mat = cv::Mat(v.keep.height(), v.keep.width(), CV_8UC4, const_cast<uchar *>(v.keep.constBits()),
                        size_t(v.keep.bytesPerLine()));
        break;
    }
    return v;
}

void toGrey(const cv::Mat &in, cv::Mat &out)
{
    if (in.channels() == 1)
        in.copyTo(out);
    else if (in.channels() == 3)
        cv::cvtColor(in, out, cv::COLOR_RGB2GRAY);
    else
        cv::cvtColor(in, out, cv::COLOR_BGRA2GRAY);
}

// Grey level at the given fraction (0..1) of the pixels, from a 256-bin histogram.
double percentile(const cv::Mat &grey, double fraction)
{
    int hist[256] = {};
    for (int y = 0; y < grey.rows; ++y) {
        const uchar *row = grey.ptr<uchar>(y);
        for (int x = 0; x < grey.cols; ++x)
            ++hist[row[x]];
    }
    const double target = fraction * double(grey.total());
    double seen = 0;
    for (int i = 0; i < 256; ++i) {
        seen += hist[i];
        if (seen >= target)
            return i;
    }
    return 255;
}

// Variance of the Laplacian of the region, resized to 128 px wide, for a 5th..95th percentile range of
// 200 grey levels (the Laplacian scales with contrast: a dim face is not a blurred one).
double sharpnessOf(const cv::Mat &frame, const cv::Rect &face)
{
    cv::Mat grey;
    toGrey(frame(face), grey);
    const int width = 128;
    const int height = std::max(1, int(std::lround(double(face.height) * width / face.width)));
    cv::Mat sized;
    cv::resize(grey, sized, cv::Size(width, height), 0, 0, face.width > width ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::Mat lap;
    cv::Laplacian(sized, lap, CV_64F);
    cv::Scalar mean, stddev;
    cv::meanStdDev(lap, mean, stddev);
    const double range = std::max(8.0, percentile(sized, 0.95) - percentile(sized, 0.05));
    const double gain = 200.0 / range;
    return stddev[0] * stddev[0] * gain * gain;
}

} // namespace

struct FaceQualityGate::Private
{
    FaceGateConfig config;
    cv::CascadeClassifier cascade;
    QString error;
    std::deque<QRectF> history; // normalised face boxes (x, y in frame widths/heights), newest last

    int updateStillness(const QRectF &box);
};

int FaceQualityGate::Private::updateStillness(const QRectF &box)
{
    history.push_back(box);
    while (int(history.size()) > std::max(1, config.stillFrames))
        history.pop_front();
    // Count back from the newest box while every box stays close to it.
    int still = 0;
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
        const double dx = std::abs(it->center().x() - box.center().x());
        const double dy = std::abs(it->center().y() - box.center().y()) * box.height() / std::max(1e-9, box.width());
        const double dw = std::abs(it->width() - box.width()) / std::max(1e-9, box.width());
        if (std::max(dx, dy) > config.stillTolerance || dw > config.stillSizeTolerance)
            break;
        ++still;
    }
    return still;
}

FaceQualityGate::FaceQualityGate(const FaceGateConfig &config) : d(std::make_unique<Private>())
{
    d->config = config;
    const QFileInfo file(config.cascadePath);
    if (config.cascadePath.isEmpty()) {
        d->error = QStringLiteral("face cascade: no file configured");
    } else if (!file.isFile()) {
        d->error = QStringLiteral("face cascade: %1 does not exist (Debian package opencv-data)").arg(config.cascadePath);
    } else {
        try {
            if (!d->cascade.load(config.cascadePath.toStdString()) || d->cascade.empty())
                d->error = QStringLiteral("face cascade: %1 is not a cascade OpenCV can load").arg(config.cascadePath);
        } catch (const cv::Exception &e) {
            d->error = QStringLiteral("face cascade: %1: %2").arg(config.cascadePath, QString::fromStdString(e.what()));
        }
    }
}

FaceQualityGate::~FaceQualityGate() = default;

bool FaceQualityGate::isReady() const { return d->error.isEmpty(); }
QString FaceQualityGate::errorString() const { return d->error; }
const FaceGateConfig &FaceQualityGate::config() const { return d->config; }

void FaceQualityGate::reset() { d->history.clear(); }

FaceAssessment FaceQualityGate::assess(const QImage &frame)
{
    FaceAssessment a;
    if (!isReady()) {
        a.error = d->error;
        return a;
    }
    if (frame.isNull() || frame.width() < 32 || frame.height() < 32) {
        a.error = QStringLiteral("face check: empty or tiny frame (%1x%2)").arg(frame.width()).arg(frame.height());
        return a;
    }
    const FaceGateConfig &c = d->config;
    try {
        const FrameView view = viewOf(frame);
        const cv::Mat &full = view.mat;

        // Shrink first (fewer pixels to convert), then grey.
        const double scale = std::min(1.0, double(std::max(64, c.detectWidth)) / full.cols);
        cv::Mat small;
        if (scale < 1.0)
            cv::resize(full, small, cv::Size(), scale, scale, cv::INTER_AREA);
        else
            small = full;
        cv::Mat grey;
        toGrey(small, grey);
        a.frameLuma = cv::mean(grey)[0];

        cv::Mat equalised;
        cv::equalizeHist(grey, equalised);
        std::vector<cv::Rect> faces;
        const int minSide = std::max(20, int(c.minDetectFraction * grey.cols));
        const int maxSide = std::max(minSide + 1, int(c.maxDetectFraction * grey.cols));
        d->cascade.detectMultiScale(equalised, faces, 1.1, 5, 0, cv::Size(minSide, minSide), cv::Size(maxSide, maxSide));
        a.faceCount = int(faces.size());
        for (const cv::Rect &r : faces)
            a.faces.append(QRect(int(r.x / scale), int(r.y / scale), int(r.width / scale), int(r.height / scale)));

        if (faces.empty()) {
            d->history.clear();
            a.state = FaceAssessment::State::NoFace;
            a.guidance.append(a.frameLuma < c.darkFrameLuma ? FaceGuidance::MoreLight : FaceGuidance::LookAtCamera);
            return a;
        }
        if (faces.size() > 1) {
            d->history.clear();
            a.state = FaceAssessment::State::Adjust;
            a.guidance.append(FaceGuidance::OnlyOnePerson);
            return a;
        }

        const cv::Rect s = faces.front();
        const cv::Rect inFrame(cv::Point(int(s.x / scale), int(s.y / scale)),
                               cv::Size(int(s.width / scale), int(s.height / scale)));
        const cv::Rect f = inFrame & cv::Rect(0, 0, full.cols, full.rows);
        a.face = QRect(f.x, f.y, f.width, f.height);
        a.widthFraction = double(f.width) / full.cols;
        a.offsetX = (f.x + f.width / 2.0) / full.cols - 0.5;
        a.offsetY = (f.y + f.height / 2.0) / full.rows - c.targetY;

        // Lighting on the inner part of the face box (less hair and background), shrunk grey copy.
        const cv::Rect inner = cv::Rect(s.x + s.width / 10, s.y + s.height / 10, s.width * 8 / 10, s.height * 85 / 100)
                               & cv::Rect(0, 0, grey.cols, grey.rows);
        const cv::Mat faceGrey = grey(inner);
        a.meanLuma = cv::mean(faceGrey)[0];
        a.lowLuma = percentile(faceGrey, 0.05);
        a.highLuma = percentile(faceGrey, 0.95);
        const double left = cv::mean(faceGrey(cv::Rect(0, 0, inner.width / 2, inner.height)))[0];
        const double right = cv::mean(faceGrey(cv::Rect(inner.width / 2, 0, inner.width - inner.width / 2, inner.height)))[0];
        a.sideImbalance = std::abs(left - right) / std::max(1.0, std::max(left, right));

        a.sharpness = sharpnessOf(full, f);
        a.stillFrames = d->updateStillness(QRectF(double(f.x) / full.cols, double(f.y) / full.rows,
                                                  double(f.width) / full.cols, double(f.height) / full.rows));

        // The gates, in the order a voice should ask for them.
        if (a.meanLuma < c.minMeanLuma || a.highLuma - a.lowLuma < c.minContrast || a.sideImbalance > c.maxSideImbalance)
            a.guidance.append(a.meanLuma > c.maxMeanLuma ? FaceGuidance::TooBright : FaceGuidance::MoreLight);
        else if (a.meanLuma > c.maxMeanLuma)
            a.guidance.append(FaceGuidance::TooBright);
        if (a.widthFraction < c.minFaceFraction)
            a.guidance.append(FaceGuidance::MoveCloser);
        else if (a.widthFraction > c.maxFaceFraction)
            a.guidance.append(FaceGuidance::MoveBack);
        if (std::abs(a.offsetX) > c.maxOffsetX || std::abs(a.offsetY) > c.maxOffsetY)
            a.guidance.append(FaceGuidance::MoveToCentre);
        if (a.sharpness < c.minSharpness)
            a.guidance.append(FaceGuidance::KeepSteady);
        if (a.stillFrames < c.stillFrames)
            a.guidance.append(FaceGuidance::HoldStill);
        a.state = a.guidance.isEmpty() ? FaceAssessment::State::Ready : FaceAssessment::State::Adjust;
    } catch (const cv::Exception &e) {
        d->history.clear();
        a = FaceAssessment();
        a.error = QStringLiteral("face check: OpenCV failed: %1").arg(QString::fromStdString(e.what()));
    }
    return a;
}
