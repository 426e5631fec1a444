#include "VisionSuite.h"

#include "CameraPreviewItem.h"
#include "CameraSource.h"
#include "CodeFrameDecoder.h"
#include "OpenCvCamera.h"
#include "VisionTestFrames.h"

#include "VisionFaceDocument.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <zbar.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QQuickWindow>

#include <algorithm>
#include <chrono>
#include <map>

namespace {

// One decoder under test: returns the texts found (OpenCV's detector: "detected" when it finds a code).
struct Decoder
{
    QString name;
    std::function<QStringList(const QImage &)> run;
};

// A grey copy in one contiguous buffer (zbar and OpenCV want width == stride).
cv::Mat grayMat(const QImage &image)
{
    const QImage gray = image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
    cv::Mat mat(gray.height(), gray.width(), CV_8UC1);
    for (int y = 0; y < gray.height(); ++y)
        std::copy_n(gray.constScanLine(y), gray.width(), mat.ptr<uchar>(y));
    return mat;
}

struct ZbarScanner
{
    zbar::zbar_image_scanner_t *scanner = zbar::zbar_image_scanner_create();
    ZbarScanner()
    {
        zbar::zbar_image_scanner_set_config(scanner, zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
        zbar::zbar_image_scanner_set_config(scanner, zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    }
    ~ZbarScanner() { zbar::zbar_image_scanner_destroy(scanner); }
    QStringList scan(const QImage &frame)
    {
        cv::Mat gray = grayMat(frame);
        zbar::zbar_image_t *image = zbar::zbar_image_create();
        zbar::zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
        zbar::zbar_image_set_size(image, unsigned(gray.cols), unsigned(gray.rows));
        zbar::zbar_image_set_data(image, gray.data, size_t(gray.total()), nullptr);
        QStringList texts;
        if (zbar::zbar_scan_image(scanner, image) > 0) {
            for (const zbar::zbar_symbol_t *s = zbar::zbar_image_first_symbol(image); s; s = zbar::zbar_symbol_next(s))
                texts.append(QString::fromUtf8(zbar::zbar_symbol_get_data(s), int(zbar::zbar_symbol_get_data_length(s))));
        }
        zbar::zbar_image_destroy(image);
        return texts;
    }
};

QJsonObject msFigures(std::vector<double> ms)
{
    if (ms.empty())
        return {};
    std::sort(ms.begin(), ms.end());
    const auto rank = [&](double p) { return ms[std::min(ms.size() - 1, size_t(std::ceil(p * double(ms.size())) - 1))]; };
    return {{QStringLiteral("median_ms"), rank(0.5)}, {QStringLiteral("p90_ms"), rank(0.9)}};
}

struct FrameSet
{
    QString name; // "1080p_code"
    QList<QImage> frames;
    QStringList texts; // expected, empty for frames without a code
};

QList<FrameSet> generatedFrames()
{
    QList<FrameSet> sets;
    const struct { QString tag; QSize size; QList<int> modules; } shapes[] = {
        {QStringLiteral("1080p"), QSize(1920, 1080), {4, 5, 6, 8}},
        {QStringLiteral("640"), QSize(640, 480), {3, 4, 4, 5}},
    };
    for (const auto &shape : shapes) {
        FrameSet code{shape.tag + QStringLiteral("_code"), {}, {}};
        FrameSet none{shape.tag + QStringLiteral("_nocode"), {}, {}};
        for (int i = 0; i < 8; ++i) {
            const QString text = QStringLiteral("https://zwdt.example.gov.cn/t/SH-2026-%1").arg(100000 + i * 7919);
            code.frames.append(qrCodeFrame(text, shape.size, shape.modules[i % shape.modules.size()], quint32(i + 1)));
            code.texts.append(text);
            none.frames.append(sceneFrame(shape.size, quint32(i + 101)));
        }
        sets << code << none;
    }
    return sets;
}

// The capture rate of a 1080p GStreamer source and, when withPreview, the rate a CameraPreviewItem in a
// (software-rendered, offscreen) window turns frames into textures.
QJsonObject captureFigures(const QString &pipeline, bool withPreview, int frameCount, bool smooth = true)
{
    OpenCvCamera camera(CameraSource::parse(QStringLiteral("gst:") + pipeline));
    std::unique_ptr<QQuickWindow> window;
    CameraPreviewItem *preview = nullptr;
    if (withPreview) {
        window = std::make_unique<QQuickWindow>();
        window->resize(960, 540);
        preview = new CameraPreviewItem(window->contentItem());
        preview->setSize(QSizeF(960, 540));
        preview->setCamera(&camera);
        preview->setSmooth(smooth);
        window->show();
    }
    QElapsedTimer clock;
    camera.start();
    // Time from the first frame to the end of the stream.
    while (camera.stats().grabbed == 0 && camera.status() != Device::Status::Unavailable && clock.elapsed() < 20000) {
        if (!clock.isValid())
            clock.start();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    QElapsedTimer run;
    run.start();
    const quint64 first = camera.stats().grabbed;
    quint64 shownAtStart = preview ? preview->framesShown() : 0;
    while (camera.stats().grabbed < quint64(frameCount) && run.elapsed() < 30000 && camera.stats().failures == 0)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const double seconds = run.elapsed() / 1000.0;
    const OpenCvCamera::Stats stats = camera.stats();
    QJsonObject o{
        {QStringLiteral("source"), pipeline},
        {QStringLiteral("frame_size"), QStringLiteral("%1x%2").arg(camera.frameSize().width()).arg(camera.frameSize().height())},
        {QStringLiteral("grabbed"), qint64(stats.grabbed)},
        {QStringLiteral("capture_fps"), seconds > 0 ? double(stats.grabbed - first) / seconds : 0},
        {QStringLiteral("frameReady_delivered"), qint64(stats.consumers.value(0).delivered)},
        {QStringLiteral("frameReady_dropped"), qint64(stats.consumers.value(0).dropped)},
    };
    if (preview) {
        o.insert(QStringLiteral("preview_fps"), seconds > 0 ? double(preview->framesShown() - shownAtStart) / seconds : 0);
        o.insert(QStringLiteral("preview_shown"), qint64(preview->framesShown()));
        o.insert(QStringLiteral("preview_dropped"), qint64(preview->framesDropped()));
        o.insert(QStringLiteral("preview_renderer"), QStringLiteral("software scene graph, offscreen, 960x540 item, %1 filtering").arg(smooth ? QStringLiteral("linear") : QStringLiteral("nearest")));
    }
    camera.stop();
    return o;
}

} // namespace

SuiteReport runVisionSuite(const BenchConfig &config)
{
    SuiteReport report;
    report.suite = QStringLiteral("vision");
    // The preview is measured with the software scene graph: this machine has no GPU to count on.
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);

    CodeFrameDecoder ours(CodeFrameDecoder::kioskOptions());
    ZbarScanner zbarScanner;
    cv::QRCodeDetector detector;
    const QList<Decoder> decoders{
        {QStringLiteral("ours"), [&](const QImage &f) {
             QStringList t;
             for (const DecodedCode &c : ours.decode(f))
                 t.append(c.text);
             return t;
         }},
        {QStringLiteral("zbar"), [&](const QImage &f) { return zbarScanner.scan(f); }},
        {QStringLiteral("opencv_detect"), [&](const QImage &f) {
             std::vector<cv::Point2f> points;
             return detector.detect(grayMat(f), points) ? QStringList{QStringLiteral("detected")} : QStringList();
         }},
    };

    // 1. Generated frames: counts once, then the time per frame (cycling through the set).
    QJsonObject frameCounts;
    for (const FrameSet &set : generatedFrames()) {
        for (const Decoder &decoder : decoders) {
            int decoded = 0, falsePositives = 0;
            for (int i = 0; i < set.frames.size(); ++i) {
                const QStringList found = decoder.run(set.frames[i]);
                if (set.texts.isEmpty())
                    falsePositives += found.isEmpty() ? 0 : 1;
                else if (found.contains(set.texts[i]) || (decoder.name == QLatin1String("opencv_detect") && !found.isEmpty()))
                    ++decoded;
            }
            QJsonObject counts = frameCounts.value(decoder.name).toObject();
            counts.insert(set.name, QJsonObject{{QStringLiteral("frames"), int(set.frames.size())},
                                                {set.texts.isEmpty() ? QStringLiteral("false_positives") : QStringLiteral("decoded"),
                                                 set.texts.isEmpty() ? falsePositives : decoded}});
            frameCounts.insert(decoder.name, counts);

            int next = 0;
            BenchResult r = benchMeasure(decoder.name + QLatin1Char('_') + set.name, config, [&] {
                benchKeep(decoder.run(set.frames[next++ % set.frames.size()]).size());
            });
            r.bytes = set.frames[0].sizeInBytes();
            (decoder.name == QLatin1String("ours") ? report.results : report.baselines).append(r);
        }
        report.addRatio(QStringLiteral("ours_") + set.name, QStringLiteral("zbar_") + set.name);
        report.addRatio(QStringLiteral("ours_") + set.name, QStringLiteral("opencv_detect_") + set.name);
    }
    report.extra.insert(QStringLiteral("frames"), frameCounts);

    // 2. The sample photos: each image once per decoder, timed one by one.
    const QString samplesDir = barcodeSamplesDir();
    if (samplesDir.isEmpty()) {
        report.extra.insert(QStringLiteral("samples"), QStringLiteral("not found (set ONESTOP_SAMPLES_DIR)"));
    } else {
        struct Group { QString name; QStringList folders; CodeFormats formats; bool qrOnlyDecoders; bool noCode; };
        const QList<Group> groups{
            {QStringLiteral("qrcode-1..6"), {"qrcode-1", "qrcode-2", "qrcode-3", "qrcode-4", "qrcode-5", "qrcode-6"}, CodeFormat::QRCode, true, false},
            {QStringLiteral("falsepositives"), {"falsepositives-1", "falsepositives-2"}, CodeFormat::QRCode, true, true},
            {QStringLiteral("falsepositives_all_formats"), {"falsepositives-1", "falsepositives-2"},
             CodeFormat::QRCode | CodeFormat::DataMatrix | CodeFormat::PDF417, false, true},
            {QStringLiteral("datamatrix-1"), {"datamatrix-1"}, CodeFormat::DataMatrix, false, false},
            {QStringLiteral("pdf417-1"), {"pdf417-1"}, CodeFormat::PDF417, false, false},
        };
        QJsonObject samples;
        std::map<QString, int> steps;
        for (const Group &group : groups) {
            QList<CodeSample> images;
            for (const QString &folder : group.folders)
                images += codeSamples(samplesDir, folder);
            QList<QImage> loaded;
            for (const CodeSample &s : images) {
                QString error;
                loaded.append(loadCodeImage(s.path, &error)); // unreadable: null, counts as no result
            }
            for (const Decoder &decoder : decoders) {
                if (decoder.name != QLatin1String("ours") && !group.qrOnlyDecoders)
                    continue;
                ours.setFormats(group.formats);
                int decoded = 0, anyResult = 0;
                std::vector<double> ms;
                for (int i = 0; i < images.size(); ++i) {
                    if (loaded[i].isNull())
                        continue;
                    const auto start = std::chrono::steady_clock::now();
                    const QStringList found = decoder.run(loaded[i]);
                    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
                    if (!found.isEmpty())
                        ++anyResult;
                    if (decoder.name == QLatin1String("opencv_detect") ? !found.isEmpty()
                                                                          : (!images[i].hasExpectedText && !found.isEmpty())
                                                                                || found.contains(images[i].expected))
                        ++decoded;
                    if (decoder.name == QLatin1String("ours") && group.name == QLatin1String("qrcode-1..6"))
                        ++steps[decodeStepName(ours.lastStep())];
                }
                QJsonObject g = msFigures(ms);
                g.insert(QStringLiteral("images"), int(images.size()));
                if (group.noCode)
                    g.insert(QStringLiteral("false_positives"), anyResult);
                else
                    g.insert(decoder.name == QLatin1String("opencv_detect") ? QStringLiteral("detected") : QStringLiteral("decoded"), decoded);
                QJsonObject d = samples.value(decoder.name).toObject();
                d.insert(group.name, g);
                samples.insert(decoder.name, d);
            }
            ours.setFormats(CodeFormat::QRCode);
        }
        QJsonObject stepCounts;
        for (const auto &[step, count] : steps)
            stepCounts.insert(step, count);
        samples.insert(QStringLiteral("ours_qrcode_found_by_step"), stepCounts);
        samples.insert(QStringLiteral("dir"), samplesDir);
        report.extra.insert(QStringLiteral("samples"), samples);
    }

    // 3. Capture and preview from a 1080p source: as fast as the pipeline goes, then a live 30 fps camera.
    report.extra.insert(QStringLiteral("capture_1080p_max"),
                        captureFigures(QStringLiteral("videotestsrc num-buffers=120 ! video/x-raw,width=1920,height=1080 "
                                                      "! videoconvert ! appsink"), false, 120));
    report.extra.insert(QStringLiteral("capture_preview_1080p_30fps"),
                        captureFigures(QStringLiteral("videotestsrc is-live=true num-buffers=90 "
                                                      "! video/x-raw,width=1920,height=1080,framerate=30/1 "
                                                      "! videoconvert ! appsink"), true, 90));
    report.extra.insert(QStringLiteral("capture_preview_1080p_30fps_nearest"),
                        captureFigures(QStringLiteral("videotestsrc is-live=true num-buffers=90 "
                                                      "! video/x-raw,width=1920,height=1080,framerate=30/1 "
                                                      "! videoconvert ! appsink"), true, 90, false));

    // 4. Face and document capture (H7's functions).
    report.extra.insert(QStringLiteral("face"), benchFaceDetection(config.runs));
    report.extra.insert(QStringLiteral("document"), benchDocumentCapture(config.runs));
    report.extra.insert(QStringLiteral("decoder_settings"),
                        QStringLiteral("CodeFrameDecoder::kioskOptions(): fast pass on a copy of at most %1 px, hint, "
                                       "then inverted/halved/full/global/otsu/upscaled/regions")
                            .arg(CodeFrameDecoder::kioskOptions().fastMaxSide));
    return report;
}
