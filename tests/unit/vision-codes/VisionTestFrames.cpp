#include "VisionTestFrames.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QRandomGenerator>

#include <qrencode.h>

namespace {

void addNoise(QImage *image, quint32 seed, int amplitude)
{
    QRandomGenerator random(seed);
    for (int y = 0; y < image->height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image->scanLine(y));
        for (int x = 0; x < image->width(); ++x) {
            const int n = int(random.bounded(2 * amplitude + 1)) - amplitude;
            const QRgb p = line[x];
            line[x] = qRgb(qBound(0, qRed(p) + n, 255), qBound(0, qGreen(p) + n, 255), qBound(0, qBlue(p) + n, 255));
        }
    }
}

void paintScene(QImage *image, quint32 seed)
{
    QRandomGenerator random(seed);
    QPainter painter(image);
    QLinearGradient light(0, 0, image->width(), image->height());
    light.setColorAt(0, QColor(200, 196, 188));
    light.setColorAt(1, QColor(110, 104, 98));
    painter.fillRect(image->rect(), light);
    const int w = image->width(), h = image->height();
    for (int i = 0; i < 40; ++i) {
        const QColor colour = QColor::fromHsv(int(random.bounded(360)), int(random.bounded(120)), 60 + int(random.bounded(160)));
        const QRect r(int(random.bounded(w)), int(random.bounded(h)), w / 40 + int(random.bounded(w / 6)),
                      h / 40 + int(random.bounded(h / 6)));
        if (i % 3 == 0)
            painter.setBrush(colour), painter.setPen(Qt::NoPen), painter.drawEllipse(r);
        else
            painter.fillRect(r, colour);
    }
    // Text-like stripes, which give a decoder something to look at.
    QFont font = painter.font();
    font.setPixelSize(qMax(10, h / 40));
    painter.setFont(font);
    painter.setPen(QColor(30, 30, 30));
    for (int line = 0; line < 12; ++line)
        painter.drawText(QPoint(w / 20, h / 10 + line * font.pixelSize() * 2),
                         QStringLiteral("上海市 社区事务受理服务中心 Service Centre %1").arg(random.bounded(100000)));
}

} // namespace

QImage sceneFrame(const QSize &size, quint32 seed)
{
    QImage image(size, QImage::Format_RGB32);
    paintScene(&image, seed);
    addNoise(&image, seed + 7, 6);
    return image;
}

QImage qrCodeFrame(const QString &text, const QSize &size, int moduleSize, quint32 seed)
{
    QImage image(size, QImage::Format_RGB32);
    paintScene(&image, seed);

    const QByteArray utf8 = text.toUtf8();
    QRcode *code = QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M);
    if (code) {
        const int modules = code->width + 8;
        const int side = modules * moduleSize;
        const QPoint origin((size.width() - side) / 2, (size.height() - side) / 2);
        QPainter painter(&image);
        painter.fillRect(QRect(origin, QSize(side, side)), QColor(235, 235, 230));
        for (int y = 0; y < code->width; ++y)
            for (int x = 0; x < code->width; ++x)
                if (code->data[y * code->width + x] & 1)
                    painter.fillRect(QRect(origin + QPoint((x + 4) * moduleSize, (y + 4) * moduleSize),
                                           QSize(moduleSize, moduleSize)),
                                     QColor(25, 25, 30));
        painter.end();
        QRcode_free(code);
    }
    // A little defocus (half-size round trip) and noise, as from a camera.
    image = image.scaled(size / 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                .scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                .convertToFormat(QImage::Format_RGB32);
    addNoise(&image, seed + 11, 6);
    return image;
}

QString barcodeSamplesDir()
{
    QStringList candidates;
    const QString env = qEnvironmentVariable("ONESTOP_SAMPLES_DIR");
    if (!env.isEmpty())
        candidates << env;
    const QString source = qEnvironmentVariable("ONESTOP_SOURCE_DIR");
    if (!source.isEmpty())
        candidates << source + QStringLiteral("/../shared/bench/barcode-samples");
    candidates << QStringLiteral("/work/shared/bench/barcode-samples");
    for (const QString &c : candidates)
        if (QDir(c).exists(QStringLiteral("qrcode-1")))
            return QDir(c).canonicalPath();
    return QString();
}

QList<CodeSample> codeSamples(const QString &samplesDir, const QString &folder)
{
    QList<CodeSample> samples;
    const QDir dir(samplesDir + QLatin1Char('/') + folder);
    if (samplesDir.isEmpty() || !dir.exists())
        return samples;
    const QStringList images = dir.entryList({QStringLiteral("*.png"), QStringLiteral("*.jpg"), QStringLiteral("*.webp")},
                                             QDir::Files, QDir::Name);
    for (const QString &name : images) {
        CodeSample sample;
        sample.path = dir.filePath(name);
        QFile text(dir.filePath(QFileInfo(name).completeBaseName() + QStringLiteral(".txt")));
        if (text.open(QIODevice::ReadOnly)) {
            sample.expected = QString::fromUtf8(text.readAll());
            sample.hasExpectedText = true;
        }
        samples.append(sample);
    }
    return samples;
}
