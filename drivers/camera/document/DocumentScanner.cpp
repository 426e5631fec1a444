#include "DocumentScanner.h"
#include "PageGeometry.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace {

// The frame as BGRA (4 channels, as Qt's RGB32 is laid out in memory) or grey; `keep` owns any copy.
struct FrameView
{
    QImage keep;
    cv::Mat mat;
};

FrameView viewOf(const QImage &frame)
{
    FrameView v;
    if (frame.format() == QImage::Format_Grayscale8) {
        v.keep = frame;
        v.mat = cv::Mat(frame.height(), frame.width(), CV_8UC1, const_cast<uchar *>(frame.constBits()), size_t(frame.bytesPerLine()));
        return v;
    }
    if (frame.format() == QImage::Format_RGB32 || frame.format() == QImage::Format_ARGB32)
        v.keep = frame;
    else
        v.keep = frame.convertToFormat(QImage::Format_RGB32);
    v.mat = cv::Mat(v.keep.height(), v.keep.width(), CV_8UC4, const_cast<uchar *>(v.keep.constBits()), size_t(v.keep.bytesPerLine()));
    return v;
}

QImage toQImage(const cv::Mat &m)
{
    if (m.channels() == 1)
        return QImage(m.data, m.cols, m.rows, int(m.step), QImage::Format_Grayscale8).copy();
    return QImage(m.data, m.cols, m.rows, int(m.step), QImage::Format_RGB32).copy();
}

struct Candidate
{
    std::vector<cv::Point> quad; // in the shrunk frame
    double area = 0;
    double fill = 0;             // contour area / quadrilateral area
};

// Largest convex quadrilateral among the contours of a binary image.
void collectQuads(const cv::Mat &binary, double minArea, double maxArea, std::vector<Candidate> *out)
{
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(binary, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
    for (const auto &contour : contours) {
        const double contourArea = cv::contourArea(contour);
        if (contourArea < minArea * 0.8)
            continue;
        std::vector<cv::Point> hull;
        cv::convexHull(contour, hull);
        std::vector<cv::Point> approx;
        cv::approxPolyDP(hull, approx, 0.02 * cv::arcLength(hull, true), true);
        if (approx.size() != 4 || !cv::isContourConvex(approx))
            continue;
        const double area = cv::contourArea(approx);
        const double fill = std::min(1.0, contourArea / area);
        // A page's outline fills its quadrilateral; a web of texture edges around it does not.
        if (area < minArea || area > maxArea || fill < 0.9)
            continue;
        out->push_back({approx, area, fill});
    }
}

// Moves each side of the quadrilateral onto the strongest grey-level edge nearby (full resolution), fits a
// line to those edge points and intersects neighbouring sides. Returns the fraction of samples that found
// a clear edge, 0 when refinement failed (corners then stay as given).
double refineCorners(const cv::Mat &grey, QList<QPointF> *corners, double searchRadius)
{
    const int samplesPerSide = 48;
    QList<QPointF> linePoint, lineDir;
    int found = 0, total = 0;
    for (int side = 0; side < 4; ++side) {
        const QPointF a = corners->at(side), b = corners->at((side + 1) % 4);
        const QPointF along = b - a;
        const double length = std::hypot(along.x(), along.y());
        if (length < 8)
            return 0;
        const QPointF normal(-along.y() / length, along.x() / length);
        std::vector<cv::Point2f> edge;
        for (int i = 0; i < samplesPerSide; ++i) {
            // Stay away from the corners, where the neighbouring side would disturb the profile.
            const double t = 0.1 + 0.8 * (i + 0.5) / samplesPerSide;
            const QPointF p = a + t * along;
            ++total;
            double bestGradient = 0, bestOffset = 0;
            double previous = -1;
            const int steps = int(std::ceil(searchRadius));
            std::vector<double> profile;
            for (int s = -steps; s <= steps; ++s) {
                const QPointF q = p + s * normal;
                const int x = int(std::lround(q.x())), y = int(std::lround(q.y()));
                if (x < 0 || y < 0 || x >= grey.cols || y >= grey.rows) {
                    profile.push_back(previous);
                    continue;
                }
                previous = grey.at<uchar>(y, x);
                profile.push_back(previous);
            }
            int bestIndex = -1;
            for (size_t k = 1; k + 1 < profile.size(); ++k) {
                if (profile[k - 1] < 0 || profile[k + 1] < 0)
                    continue;
                const double g = std::abs(profile[k + 1] - profile[k - 1]) / 2;
                if (g > bestGradient) {
                    bestGradient = g;
                    bestIndex = int(k);
                }
            }
            if (bestIndex < 0 || bestGradient < 8)
                continue;
            // Sub-pixel: parabola through the gradient at the best step and its neighbours.
            auto gradientAt = [&](int k) {
                if (k < 1 || k + 1 >= int(profile.size()) || profile[k - 1] < 0 || profile[k + 1] < 0)
                    return 0.0;
                return std::abs(profile[k + 1] - profile[k - 1]) / 2;
            };
            const double gl = gradientAt(bestIndex - 1), gr = gradientAt(bestIndex + 1);
            const double denominator = gl - 2 * bestGradient + gr;
            const double shift = std::abs(denominator) > 1e-9 ? 0.5 * (gl - gr) / denominator : 0.0;
            bestOffset = bestIndex - steps + std::clamp(shift, -0.5, 0.5);
            const QPointF e = p + bestOffset * normal;
            edge.emplace_back(float(e.x()), float(e.y()));
            ++found;
        }
        if (edge.size() < 6)
            return 0;
        cv::Vec4f line;
        cv::fitLine(edge, line, cv::DIST_HUBER, 0, 0.01, 0.01);
        lineDir.append(QPointF(line[0], line[1]));
        linePoint.append(QPointF(line[2], line[3]));
    }
    QList<QPointF> refined;
    for (int corner = 0; corner < 4; ++corner) {
        // Corner k is where side k-1 (ending at it) meets side k (starting at it).
        const int before = (corner + 3) % 4;
        QPointF x;
        if (!PageGeometry::intersect(linePoint[before], lineDir[before], linePoint[corner], lineDir[corner], &x))
            return 0;
        if (std::hypot(x.x() - corners->at(corner).x(), x.y() - corners->at(corner).y()) > 2 * searchRadius + 2)
            return 0; // the fit wandered off to another edge: keep the coarse corners
        refined.append(x);
    }
    *corners = refined;
    return double(found) / total;
}

void enhance(cv::Mat &page, DocumentEnhance mode)
{
    switch (mode) {
    case DocumentEnhance::None:
        return;
    case DocumentEnhance::Contrast: {
        cv::Mat grey;
        if (page.channels() == 1)
            grey = page;
        else
            cv::cvtColor(page, grey, cv::COLOR_BGRA2GRAY);
        // Levels from the 2nd and 98th grey percentiles: paper -> white, ink -> black, colours kept.
        int hist[256] = {};
        for (int y = 0; y < grey.rows; ++y) {
            const uchar *row = grey.ptr<uchar>(y);
            for (int x = 0; x < grey.cols; ++x)
                ++hist[row[x]];
        }
        const double n = double(grey.total());
        int low = 0, high = 255;
        for (double seen = 0; low < 255 && (seen += hist[low]) < 0.02 * n;)
            ++low;
        for (double seen = 0; high > 0 && (seen += hist[high]) < 0.02 * n;)
            --high;
        if (high - low < 16)
            return; // a flat page: stretching would only amplify noise
        const double alpha = 255.0 / (high - low);
        page.convertTo(page, -1, alpha, -low * alpha);
        return;
    }
    case DocumentEnhance::Grey:
    case DocumentEnhance::Binarise: {
        cv::Mat grey;
        if (page.channels() == 1)
            grey = page.clone();
        else
            cv::cvtColor(page, grey, cv::COLOR_BGRA2GRAY);
        if (mode == DocumentEnhance::Grey) {
            cv::Ptr<cv::CLAHE> clahe = cv::createCLAHE(2.0, cv::Size(8, 8));
            clahe->apply(grey, page);
        } else {
            cv::adaptiveThreshold(grey, page, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY, 31, 12);
        }
        return;
    }
    }
}

} // namespace

DocumentScanner::DocumentScanner(const DocumentScanConfig &config) : m_config(config) {}

DocumentScan DocumentScanner::scan(const QImage &frame) const
{
    DocumentScan result;
    if (frame.isNull() || frame.width() < 64 || frame.height() < 64) {
        result.error = true;
        result.reason = QStringLiteral("document scan: empty or tiny frame (%1x%2)").arg(frame.width()).arg(frame.height());
        return result;
    }
    const DocumentScanConfig &c = m_config;
    try {
        const FrameView view = viewOf(frame);
        const cv::Mat &full = view.mat;
        const double scale = std::min(1.0, double(std::max(160, c.detectWidth)) / full.cols);
        cv::Mat small;
        if (scale < 1.0)
            cv::resize(full, small, cv::Size(), scale, scale, cv::INTER_AREA);
        else
            small = full;
        cv::Mat grey;
        if (small.channels() == 1)
            grey = small.clone();
        else
            cv::cvtColor(small, grey, cv::COLOR_BGRA2GRAY);
        cv::GaussianBlur(grey, grey, cv::Size(5, 5), 0);

        const double frameArea = double(grey.total());
        const double minArea = c.minAreaFraction * frameArea;
        const double maxArea = 0.99 * frameArea;
        std::vector<Candidate> candidates;
        // Edges: the page's outline against any background.
        cv::Mat edges;
        cv::Canny(grey, edges, 40, 120);
        cv::dilate(edges, edges, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
        collectQuads(edges, minArea, maxArea, &candidates);
        // Brightness: a white page on a darker desk, even when texture breaks its outline into pieces.
        cv::Mat bright;
        cv::threshold(grey, bright, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
        cv::morphologyEx(bright, bright, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));
        collectQuads(bright, minArea, maxArea, &candidates);

        if (candidates.empty()) {
            result.reason = QStringLiteral("no page found: no four-sided outline covering %1 % of the frame")
                                .arg(qRound(c.minAreaFraction * 100));
            return result;
        }
        // The largest well-filled quadrilateral: the page, not a line of text or a picture on it.
        const Candidate *best = nullptr;
        for (const Candidate &cand : candidates)
            if (!best || cand.area * cand.fill > best->area * best->fill)
                best = &cand;

        QList<QPointF> corners;
        for (const cv::Point &p : best->quad)
            corners.append(QPointF((p.x + 0.5) / scale - 0.5, (p.y + 0.5) / scale - 0.5));
        corners = PageGeometry::orderCorners(corners);

        cv::Mat fullGrey;
        if (full.channels() == 1)
            fullGrey = full;
        else
            cv::cvtColor(full, fullGrey, cv::COLOR_BGRA2GRAY);
        const double edgeFraction = refineCorners(fullGrey, &corners, 3.0 / scale + 2);

        // Confidence: outline fill x edges confirmed at full resolution x aspect plausibility (perspective
        // can stretch the page, so the aspect only weighs half).
        const QSize size = PageGeometry::outputSize(corners, c.pageAspect, c.maxLongSide);
        const double w = (std::hypot(corners[1].x() - corners[0].x(), corners[1].y() - corners[0].y())
                          + std::hypot(corners[2].x() - corners[3].x(), corners[2].y() - corners[3].y())) / 2;
        const double h = (std::hypot(corners[3].x() - corners[0].x(), corners[3].y() - corners[0].y())
                          + std::hypot(corners[2].x() - corners[1].x(), corners[2].y() - corners[1].y())) / 2;
        const double seenAspect = std::max(w, h) / std::max(1.0, std::min(w, h));
        const double aspectScore = std::exp(-std::abs(seenAspect - c.pageAspect) / c.pageAspect * 3);
        result.confidence = best->fill * (0.25 + 0.75 * edgeFraction) * (0.5 + 0.5 * aspectScore);
        if (result.confidence < c.minConfidence) {
            result.reason = QStringLiteral("no page found: the best outline is not page-like (confidence %1)")
                                .arg(result.confidence, 0, 'f', 2);
            return result;
        }

        std::vector<cv::Point2f> from, to;
        for (const QPointF &p : corners)
            from.emplace_back(float(p.x()), float(p.y()));
        const float W = float(size.width()), H = float(size.height());
        // The corners are pixel centres; map them onto the output's outer pixel centres.
        to = {{-0.5f, -0.5f}, {W - 0.5f, -0.5f}, {W - 0.5f, H - 0.5f}, {-0.5f, H - 0.5f}};
        const cv::Mat homography = cv::getPerspectiveTransform(from, to);
        cv::Mat page;
        cv::warpPerspective(full, page, homography, cv::Size(size.width(), size.height()), cv::INTER_LINEAR,
                            cv::BORDER_REPLICATE);
        enhance(page, c.enhance);

        result.found = true;
        result.corners = corners;
        result.page = toQImage(page);
    } catch (const cv::Exception &e) {
        result = DocumentScan();
        result.error = true;
        result.reason = QStringLiteral("document scan: OpenCV failed: %1").arg(QString::fromStdString(e.what()));
    }
    return result;
}
