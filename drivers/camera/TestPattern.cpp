#include "TestPattern.h"

#include <QPainter>

#include <array>

namespace {

// Segment bits: a (top) b (top right) c (bottom right) d (bottom) e (bottom left) f (top left) g (middle).
constexpr std::array<quint8, 10> digitSegments = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F};

constexpr int digitWidth = 16;
constexpr int digitHeight = 28;
constexpr int stroke = 3;
constexpr int gap = 6;

void drawDigit(QPainter &painter, int x, int y, int digit)
{
    const int half = digitHeight / 2;
    const std::array<QRect, 7> segments = {
        QRect(x, y, digitWidth, stroke),                        // a
        QRect(x + digitWidth - stroke, y, stroke, half),        // b
        QRect(x + digitWidth - stroke, y + half, stroke, half), // c
        QRect(x, y + digitHeight - stroke, digitWidth, stroke), // d
        QRect(x, y + half, stroke, half),                       // e
        QRect(x, y, stroke, half),                              // f
        QRect(x, y + half - stroke / 2, digitWidth, stroke),    // g
    };
    const quint8 bits = digitSegments[digit];
    for (int i = 0; i < 7; ++i) {
        if (bits & (1 << i))
            painter.fillRect(segments[i], Qt::white);
    }
}

// Draws digits, ':' and '.'; other characters leave a blank. Returns the x after the text.
int drawSevenSegmentText(QPainter &painter, int x, int y, const QString &text)
{
    for (const QChar ch : text) {
        const int digit = ch.digitValue();
        if (digit >= 0 && digit <= 9) {
            drawDigit(painter, x, y, digit);
            x += digitWidth + gap;
        } else if (ch == QLatin1Char(':')) {
            painter.fillRect(QRect(x, y + digitHeight / 4, stroke, stroke), Qt::white);
            painter.fillRect(QRect(x, y + 3 * digitHeight / 4 - stroke, stroke, stroke), Qt::white);
            x += stroke + gap;
        } else if (ch == QLatin1Char('.')) {
            painter.fillRect(QRect(x, y + digitHeight - stroke, stroke, stroke), Qt::white);
            x += stroke + gap;
        } else {
            x += digitWidth + gap;
        }
    }
    return x;
}

} // namespace

QImage renderTestPattern(quint64 frameNumber, const QTime &time, const QSize &size)
{
    const QSize clamped = size.expandedTo(QSize(160, 120));
    QImage image(clamped, QImage::Format_RGB32);
    image.fill(Qt::black);

    QPainter painter(&image);
    const int band = digitHeight + 2 * gap;
    const int barsHeight = clamped.height() - band;

    // Eight colour bars scrolling left by 4 px a frame.
    static const std::array<QColor, 8> bars = {Qt::white,   Qt::yellow, Qt::cyan, Qt::green,
                                               Qt::magenta, Qt::red,    Qt::blue, Qt::black};
    const int barWidth = (clamped.width() + 7) / 8;
    const int offset = int((frameNumber * 4) % quint64(clamped.width()));
    for (int i = 0; i < 8; ++i) {
        for (int wrap : {0, clamped.width()}) {
            const int x = i * barWidth - offset + wrap;
            painter.fillRect(QRect(x, 0, barWidth, barsHeight), bars[i]);
        }
    }

    // A grey box bouncing across the bars, so motion shows even where bars look alike.
    const int box = barsHeight / 4;
    const int travel = clamped.width() - box;
    const int step = int((frameNumber * 8) % quint64(2 * travel));
    const int boxX = step < travel ? step : 2 * travel - step;
    painter.fillRect(QRect(boxX, (barsHeight - box) / 2, box, box), QColor(128, 128, 128));

    // Time and frame number, seven-segment, on the black band.
    const QString timeText = time.isValid() ? time.toString(QStringLiteral("hh:mm:ss.zzz")) : QString();
    const int y = barsHeight + gap;
    const int afterTime = drawSevenSegmentText(painter, gap, y, timeText);
    drawSevenSegmentText(painter, afterTime + 2 * gap, y, QString::number(frameNumber % 1000000));
    painter.end();
    return image;
}
