#include "VisionFaceDocument.h"

#include "BenchReport.h"
#include "DocumentScanner.h"
#include "FaceQualityGate.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QPainter>
#include <QPolygonF>
#include <QRandomGenerator>
#include <QTransform>

namespace {

BenchConfig configFor(int runs)
{
    BenchConfig config;
    config.runs = std::max(1, runs);
    config.warmupRuns = std::min(3, config.runs);
    return config;
}

// Adds "ms", "input" and "target_ms" to the usual report.
QJsonObject withMilliseconds(const SuiteReport &report, const QString &input)
{
    QJsonObject json = reportJson(report);
    QJsonObject ms;
    for (const BenchResult &r : report.results)
        ms.insert(r.name, QJsonObject{{QStringLiteral("median_ms"), r.medianUs / 1000.0}, {QStringLiteral("p90_ms"), r.p90Us / 1000.0}});
    json.insert(QStringLiteral("ms"), ms);
    json.insert(QStringLiteral("input"), input);
    json.insert(QStringLiteral("target_ms"), 20);
    return json;
}

// `picture` scaled to fill the height of a size frame, centred on a grey background.
QImage framed(const QImage &picture, const QSize &size)
{
    QImage frame(size, QImage::Format_RGB32);
    frame.fill(QColor(128, 128, 128));
    const QImage scaled = picture.scaledToHeight(size.height(), Qt::SmoothTransformation);
    QPainter p(&frame);
    p.drawImage((size.width() - scaled.width()) / 2, 0, scaled);
    return frame;
}

QImage portraitOrDrawing(QString *input)
{
    const QString path = qEnvironmentVariable("ONESTOP_BINARY_DIR") + QStringLiteral("/test-assets/astronaut.png");
    QImage portrait;
    if (QFileInfo::exists(path))
        portrait.load(path);
    if (!portrait.isNull()) {
        *input = QStringLiteral("skimage astronaut.png (one face, head and shoulders)");
        return portrait.convertToFormat(QImage::Format_RGB32).copy(25, 0, 400, 300); // as in tests/unit/vision-face
    }
    *input = QStringLiteral("drawn frame without a face (astronaut.png not cached: run ctest -R vision_face first)");
    QImage drawing(400, 300, QImage::Format_RGB32);
    drawing.fill(QColor(200, 190, 170));
    QPainter p(&drawing);
    p.setBrush(QColor(220, 170, 140));
    p.drawEllipse(QPoint(200, 120), 55, 70);
    p.setBrush(QColor(230, 110, 40));
    p.drawRect(80, 210, 240, 90);
    return drawing;
}

QImage documentPhoto(const QSize &size)
{
    QImage desk(size, QImage::Format_RGB32);
    desk.fill(QColor(110, 78, 50));
    QRandomGenerator rng(11);
    QPainter d(&desk);
    for (int i = 0; i < 300; ++i) {
        const int y = rng.bounded(size.height());
        const int shade = 60 + rng.bounded(70);
        d.setPen(QPen(QColor(shade + 30, shade, shade / 2), 1 + rng.bounded(3)));
        d.drawLine(0, y, size.width(), y + rng.bounded(-20, 20));
    }
    d.end();
    QImage page(630, 891, QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter p(&page);
    p.setPen(QPen(Qt::black, 4));
    p.drawRect(45, 45, 540, 801);
    for (int y = 90; y < 800; y += 32)
        p.fillRect(90, y, 200 + rng.bounded(250), 16, QColor(40, 40, 40));
    p.end();
    const QList<QPointF> quad{QPointF(700, 120), QPointF(1330, 60), QPointF(1390, 960), QPointF(720, 1010)};
    QTransform t;
    QTransform::quadToQuad(QPolygonF(QList<QPointF>{QPointF(0, 0), QPointF(630, 0), QPointF(630, 891), QPointF(0, 891)}),
                           QPolygonF(quad), t);
    QPainter w(&desk);
    w.setRenderHint(QPainter::SmoothPixmapTransform);
    w.setTransform(t);
    w.drawImage(0, 0, page);
    return desk;
}

} // namespace

QJsonObject benchFaceDetection(int runs)
{
    const BenchConfig config = configFor(runs);
    SuiteReport report;
    report.suite = QStringLiteral("vision_face");
    FaceQualityGate gate;
    if (!gate.isReady()) {
        report.error = gate.errorString();
        return reportJson(report);
    }
    QString input;
    const QImage picture = portraitOrDrawing(&input);
    const QImage vga = picture.scaled(640, 480, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QImage full = framed(picture, QSize(1920, 1080));
    report.results.append(benchMeasure(QStringLiteral("face_640x480"), config, [&] { benchKeep(gate.assess(vga).faceCount); }));
    report.results.append(benchMeasure(QStringLiteral("face_1920x1080"), config, [&] { benchKeep(gate.assess(full).faceCount); }));
    report.baselines.append(benchMeasure(QStringLiteral("grey_1920x1080"), config, [&] {
        benchKeep(full.convertToFormat(QImage::Format_Grayscale8).constBits()[0]);
    }));
    report.addRatio(QStringLiteral("face_1920x1080"), QStringLiteral("grey_1920x1080"));
    return withMilliseconds(report, input);
}

QJsonObject benchDocumentCapture(int runs)
{
    const BenchConfig config = configFor(runs);
    SuiteReport report;
    report.suite = QStringLiteral("vision_document");
    const QImage photo = documentPhoto(QSize(1920, 1080));
    const DocumentScanner scanner;
    DocumentScanConfig plain;
    plain.enhance = DocumentEnhance::None;
    const DocumentScanner plainScanner(plain);
    if (!scanner.scan(photo).found) {
        report.error = QStringLiteral("vision_document: the drawn page was not found (%1)").arg(scanner.scan(photo).reason);
        return reportJson(report);
    }
    report.results.append(benchMeasure(QStringLiteral("document_1920x1080"), config, [&] {
        benchKeep(scanner.scan(photo).page.width());
    }));
    report.results.append(benchMeasure(QStringLiteral("document_1920x1080_no_enhance"), config, [&] {
        benchKeep(plainScanner.scan(photo).page.width());
    }));
    report.baselines.append(benchMeasure(QStringLiteral("copy_1920x1080"), config, [&] { benchKeep(photo.copy().constBits()[0]); }));
    report.addRatio(QStringLiteral("document_1920x1080"), QStringLiteral("copy_1920x1080"));
    return withMilliseconds(report, QStringLiteral("drawn A4 page in perspective on a textured desk, 1920x1080"));
}
