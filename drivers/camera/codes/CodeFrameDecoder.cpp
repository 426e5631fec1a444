#define ZX_USE_UTF8 1
#include "CodeFrameDecoder.h"

#include "FinderPatternHint.h"

#include <ZXing/ReadBarcode.h>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QFile>

#include <algorithm>

namespace {

ZXing::BarcodeFormats zxingFormats(CodeFormats formats)
{
    ZXing::BarcodeFormats out;
    if (formats & CodeFormat::QRCode)
        out |= ZXing::BarcodeFormat::QRCode;
    if (formats & CodeFormat::DataMatrix)
        out |= ZXing::BarcodeFormat::DataMatrix;
    if (formats & CodeFormat::PDF417)
        out |= ZXing::BarcodeFormat::PDF417;
    return out;
}

bool ourFormat(ZXing::BarcodeFormat format, CodeFormat *out)
{
    switch (format) {
    case ZXing::BarcodeFormat::QRCode: *out = CodeFormat::QRCode; return true;
    case ZXing::BarcodeFormat::DataMatrix: *out = CodeFormat::DataMatrix; return true;
    case ZXing::BarcodeFormat::PDF417: *out = CodeFormat::PDF417; return true;
    default: return false;
    }
}

ZXing::ImageView view(const cv::Mat &gray)
{
    return ZXing::ImageView(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum, int(gray.step));
}

} // namespace

struct CodeFrameDecoder::Private
{
    Options options;
    DecodeStep lastStep = DecodeStep::None;
    bool lastHinted = false;
    // Scratch, reused from frame to frame.
    cv::Mat gray, small, binary, inverted, rescaled, region;

    // Runs ZXing on `image`; maps valid results back to frame pixels (scale, offset) into *out.
    // *sawSymbol: ZXing found a symbol it could not decode (the hint's other half).
    void read(const cv::Mat &image, const ZXing::DecodeHints &hints, double scale, QPoint offset,
              QList<DecodedCode> *out, bool *sawSymbol = nullptr) const
    {
        const ZXing::Results results = ZXing::ReadBarcodes(view(image), hints);
        for (const ZXing::Result &r : results) {
            CodeFormat format;
            if (!ourFormat(r.format(), &format))
                continue;
            if (!r.isValid()) {
                if (sawSymbol)
                    *sawSymbol = true;
                continue;
            }
            DecodedCode code;
            code.format = format;
            code.text = QString::fromStdString(r.text());
            code.symbology = QString::fromStdString(r.symbologyIdentifier());
            const ZXing::Position &p = r.position();
            for (int i = 0; i < 4; ++i)
                code.corners[size_t(i)] = QPoint(int(p[i].x * scale) + offset.x(), int(p[i].y * scale) + offset.y());
            const bool duplicate = std::any_of(out->begin(), out->end(), [&](const DecodedCode &c) {
                return c.format == code.format && c.text == code.text;
            });
            if (!duplicate)
                out->append(code);
        }
    }

    ZXing::DecodeHints hints(bool harder) const
    {
        ZXing::DecodeHints h;
        h.setFormats(zxingFormats(options.formats));
        h.setTryHarder(harder);
        h.setTryRotate(harder && (options.formats & (CodeFormat::PDF417 | CodeFormat::DataMatrix)));
        h.setTryDownscale(harder);
        h.setReturnErrors(!harder);
        h.setMaxNumberOfSymbols(8);
        return h;
    }

    QList<DecodedCode> run(const cv::Mat &frameGray);
};

QList<DecodedCode> CodeFrameDecoder::Private::run(const cv::Mat &frameGray)
{
    QList<DecodedCode> codes;
    lastStep = DecodeStep::None;
    lastHinted = false;
    if (frameGray.empty() || options.formats == CodeFormats())
        return codes;

    // 1. fast: a downscaled copy (INTER_AREA averages, which also smooths sensor noise).
    const int longSide = std::max(frameGray.cols, frameGray.rows);
    double scale = 1.0;
    const cv::Mat *fast = &frameGray;
    if (options.fastMaxSide > 0 && longSide > options.fastMaxSide) {
        scale = double(longSide) / options.fastMaxSide;
        cv::resize(frameGray, small, cv::Size(), 1.0 / scale, 1.0 / scale, cv::INTER_AREA);
        fast = &small;
        scale = double(frameGray.cols) / small.cols;
    }
    bool sawSymbol = false;
    read(*fast, hints(false), scale, QPoint(), &codes, &sawSymbol);
    if (!codes.isEmpty()) {
        lastStep = DecodeStep::Fast;
        return codes;
    }
    if (!options.escalate)
        return codes;

    // 2. the hint. Strong: a pair of finder-like patterns (dark or light), a symbol ZXing saw but could
    // not read, or a screen that asks for DataMatrix/PDF417 (no cheap test for those here): every step.
    // Weak: a single finder-like pattern in a small frame (a photo or crop, up to 1000 px): the cheap
    // steps 3 and 4 only. None: done.
    QList<QRect> regions;
    bool weakHint = false;
    if (options.formats & CodeFormat::QRCode) {
        const int block = std::max(15, (std::min(fast->cols, fast->rows) / 16) | 1);
        cv::adaptiveThreshold(*fast, binary, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block, 10);
        const QList<FinderCandidate> candidates =
            findFinderCandidates(binary.data, binary.cols, binary.rows, int(binary.step));
        for (const QRect &r : finderRegions(candidates, binary.cols, binary.rows))
            regions.append(QRect(int(r.x() * scale), int(r.y() * scale), int(r.width() * scale), int(r.height() * scale)));
        lastHinted = hasFinderPair(candidates);
        weakHint = !candidates.isEmpty();
        if (!lastHinted) {
            // Light modules on a dark ground: the same test on the inverted binary image.
            cv::bitwise_not(binary, binary);
            const QList<FinderCandidate> light = findFinderCandidates(binary.data, binary.cols, binary.rows, int(binary.step));
            lastHinted = hasFinderPair(light);
            weakHint = weakHint || !light.isEmpty();
        }
        weakHint = weakHint && longSide <= 1000;
    }
    lastHinted = lastHinted || sawSymbol || (options.formats & ~CodeFormats(CodeFormat::QRCode)) || options.alwaysEscalate;
    if (!lastHinted && !weakHint)
        return codes;

    // Each remaining step: one more look, as long as nothing was found. Ordered cheap to expensive.
    auto attempt = [&](DecodeStep step, const cv::Mat &image, const ZXing::DecodeHints &h, double imageScale) {
        read(image, h, imageScale, QPoint(), &codes);
        if (!codes.isEmpty())
            lastStep = step;
        return !codes.isEmpty();
    };
    // 3. inverted (light modules on a dark ground; ZXing 1.4 cannot invert by itself), on the fast copy.
    if (options.inverted) {
        cv::bitwise_not(*fast, inverted);
        if (attempt(DecodeStep::Inverted, inverted, hints(true), scale))
            return codes;
    }
    // 4. half size, try harder: coarse noise, halftone and over-large modules average out.
    if (options.rescaled) {
        cv::resize(frameGray, rescaled, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
        if (attempt(DecodeStep::Halved, rescaled, hints(true), double(frameGray.cols) / rescaled.cols))
            return codes;
    }
    if (!lastHinted)
        return codes; // a weak hint stops here
    // 5. full resolution, try harder (local-average binarizer), then 6. the global-histogram binarizer.
    if (options.full) {
        if (attempt(DecodeStep::Full, frameGray, hints(true), 1.0))
            return codes;
        if (attempt(DecodeStep::Global, frameGray, hints(true).setBinarizer(ZXing::Binarizer::GlobalHistogram), 1.0))
            return codes;
    }
    // 7. one global (Otsu) threshold over the whole frame: evenly lit prints with a soft edge.
    if (options.otsu) {
        cv::threshold(frameGray, rescaled, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
        if (attempt(DecodeStep::Otsu, rescaled, hints(true), 1.0))
            return codes;
    }
    // 8. small frames (a photo, a crop) upscaled 2x: modules of one or two pixels.
    if (options.rescaled && std::max(frameGray.cols, frameGray.rows) <= 1000) {
        cv::resize(frameGray, rescaled, cv::Size(), 2.0, 2.0, cv::INTER_CUBIC);
        if (attempt(DecodeStep::Upscaled, rescaled, hints(true), 0.5))
            return codes;
    }
    // 9. regions around finder-pattern clusters, upscaled 2x: a small code in a big frame.
    if (options.regions) {
        for (const QRect &r : regions) {
            const QRect box = r.intersected(QRect(0, 0, frameGray.cols, frameGray.rows));
            if (box.width() < 16 || box.height() < 16 || qint64(box.width()) * box.height() > qint64(frameGray.total()) / 2)
                continue;
            cv::resize(frameGray(cv::Rect(box.x(), box.y(), box.width(), box.height())), region, cv::Size(), 2.0, 2.0,
                       cv::INTER_CUBIC);
            read(region, hints(true), 0.5, box.topLeft(), &codes);
            if (!codes.isEmpty()) {
                lastStep = DecodeStep::Regions;
                return codes;
            }
        }
    }
    return codes;
}

CodeFrameDecoder::CodeFrameDecoder()
    : CodeFrameDecoder(kioskOptions())
{
}

CodeFrameDecoder::CodeFrameDecoder(const Options &options)
    : d(std::make_unique<Private>())
{
    d->options = options;
}

CodeFrameDecoder::~CodeFrameDecoder() = default;

const CodeFrameDecoder::Options &CodeFrameDecoder::options() const
{
    return d->options;
}

void CodeFrameDecoder::setOptions(const Options &options)
{
    d->options = options;
}

void CodeFrameDecoder::setFormats(CodeFormats formats)
{
    d->options.formats = formats;
}

DecodeStep CodeFrameDecoder::lastStep() const
{
    return d->lastStep;
}

bool CodeFrameDecoder::lastHinted() const
{
    return d->lastHinted;
}

CodeFrameDecoder::Options CodeFrameDecoder::kioskOptions(CodeFormats formats)
{
    Options o;
    o.formats = formats;
    return o;
}

QList<DecodedCode> CodeFrameDecoder::decodeGray(const uchar *data, int width, int height, int stride)
{
    if (!data || width <= 0 || height <= 0 || stride < width)
        return {};
    // A header over the caller's buffer: no copy at full resolution.
    const cv::Mat gray(height, width, CV_8UC1, const_cast<uchar *>(data), size_t(stride));
    return d->run(gray);
}

QList<DecodedCode> CodeFrameDecoder::decode(const QImage &frame)
{
    if (frame.isNull())
        return {};
    switch (frame.format()) {
    case QImage::Format_Grayscale8:
        return decodeGray(frame.constBits(), frame.width(), frame.height(), int(frame.bytesPerLine()));
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
    case QImage::Format_ARGB32_Premultiplied: {
        // Little-endian 0xAARRGGBB is B, G, R, A in memory.
        const cv::Mat bgra(frame.height(), frame.width(), CV_8UC4, const_cast<uchar *>(frame.constBits()),
                           size_t(frame.bytesPerLine()));
        cv::cvtColor(bgra, d->gray, cv::COLOR_BGRA2GRAY);
        return d->run(d->gray);
    }
    case QImage::Format_RGB888: {
        const cv::Mat rgb(frame.height(), frame.width(), CV_8UC3, const_cast<uchar *>(frame.constBits()),
                          size_t(frame.bytesPerLine()));
        cv::cvtColor(rgb, d->gray, cv::COLOR_RGB2GRAY);
        return d->run(d->gray);
    }
    default: {
        const QImage gray = frame.convertToFormat(QImage::Format_Grayscale8);
        return decodeGray(gray.constBits(), gray.width(), gray.height(), int(gray.bytesPerLine()));
    }
    }
}

QString codeFormatName(CodeFormat format)
{
    switch (format) {
    case CodeFormat::QRCode: return QStringLiteral("QRCode");
    case CodeFormat::DataMatrix: return QStringLiteral("DataMatrix");
    case CodeFormat::PDF417: return QStringLiteral("PDF417");
    }
    return QString();
}

CodeFormats codeFormatsFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("qr") || n == QLatin1String("qrcode"))
        return CodeFormat::QRCode;
    if (n == QLatin1String("datamatrix") || n == QLatin1String("dm"))
        return CodeFormat::DataMatrix;
    if (n == QLatin1String("pdf417"))
        return CodeFormat::PDF417;
    return CodeFormats();
}

QString decodeStepName(DecodeStep step)
{
    switch (step) {
    case DecodeStep::None: return QStringLiteral("none");
    case DecodeStep::Fast: return QStringLiteral("fast");
    case DecodeStep::Inverted: return QStringLiteral("inverted");
    case DecodeStep::Halved: return QStringLiteral("halved");
    case DecodeStep::Full: return QStringLiteral("full");
    case DecodeStep::Global: return QStringLiteral("global");
    case DecodeStep::Otsu: return QStringLiteral("otsu");
    case DecodeStep::Upscaled: return QStringLiteral("upscaled");
    case DecodeStep::Regions: return QStringLiteral("regions");
    }
    return QString();
}

QImage loadCodeImage(const QString &path, QString *error)
{
    if (!QFile::exists(path)) {
        if (error)
            *error = QStringLiteral("cannot read %1: no such file").arg(path);
        return QImage();
    }
    cv::Mat gray;
    try {
        gray = cv::imread(QFile::encodeName(path).toStdString(), cv::IMREAD_GRAYSCALE);
    } catch (const cv::Exception &e) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, QString::fromStdString(e.msg));
        return QImage();
    }
    if (gray.empty()) {
        if (error)
            *error = QStringLiteral("cannot read %1: not an image OpenCV can decode").arg(path);
        return QImage();
    }
    QImage image(gray.cols, gray.rows, QImage::Format_Grayscale8);
    for (int y = 0; y < gray.rows; ++y)
        std::copy_n(gray.ptr<uchar>(y), gray.cols, image.scanLine(y));
    return image;
}
