#include "EscPosRenderer.h"

#include "Code128.h"

#include "QrMatrix.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

#include <functional>

namespace {

constexpr int margin = 8;         // blank paper above the first and below the last element
constexpr int fontPixelSize = 22; // an em box that fits the 24-dot cell
constexpr int baseline = 20;      // dots below the top of an unscaled cell

// A horizontal strip of paper: how tall it is and how to print it with its top at `top`.
struct Block
{
    int height = 0;
    std::function<void(QPainter &, int top)> paint;
};

struct Glyph
{
    QString character;
    int x = 0;
    int columns = 1;
    EscPosTextStyle style;
};

struct Row
{
    QList<Glyph> glyphs;
    int width = 0;
    int height = 0;
};

int alignedX(EscPosAlign align, int contentWidth, int paperWidth)
{
    switch (align) {
    case EscPosAlign::Left:
        return 0;
    case EscPosAlign::Centre:
        return qMax(0, (paperWidth - contentWidth) / 2);
    case EscPosAlign::Right:
        return qMax(0, paperWidth - contentWidth);
    }
    return 0;
}

class Layout
{
public:
    Layout(const EscPosRenderOptions &options) : m_options(options)
    {
        m_font.setFamily(options.fontFamily);
        m_font.setPixelSize(fontPixelSize);
        m_font.setStyleStrategy(QFont::NoAntialias); // a thermal head prints dots, not grey
        m_font.setHintingPreference(QFont::PreferFullHinting);
    }

    void add(const EscPosElement &e);
    EscPosRendering paint() const;

private:
    void addText(const EscPosElement &e);
    void addQr(const EscPosElement &e);
    void addImage(const EscPosElement &e);
    void addBarcode(const EscPosElement &e);
    void addCut(const EscPosElement &e);
    void addSpace(int dots) { m_blocks.append(Block{dots, {}}); }
    void problem(const EscPosElement &e, const QString &what)
    {
        m_problems.append(QStringLiteral("offset %1: %2").arg(e.offset).arg(what));
    }
    void paintGlyph(QPainter &p, const Glyph &g, int x, int top, int rowHeight) const;

    const EscPosRenderOptions m_options;
    QFont m_font;
    QList<Block> m_blocks;
    QStringList m_problems;
};

void Layout::add(const EscPosElement &e)
{
    switch (e.kind) {
    case EscPosElement::Kind::TextLine:
        return addText(e);
    case EscPosElement::Kind::Qr:
        return addQr(e);
    case EscPosElement::Kind::Image:
        return addImage(e);
    case EscPosElement::Kind::Barcode:
        return addBarcode(e);
    case EscPosElement::Kind::Cut:
        return addCut(e);
    case EscPosElement::Kind::Feed:
        return addSpace(e.count * EscPosRenderer::lineSpacing);
    case EscPosElement::Kind::Error:
        return problem(e, e.name);
    case EscPosElement::Kind::Unknown:
        return problem(
            e, QStringLiteral("unknown bytes %1 not printed").arg(QString::fromLatin1(e.raw.toHex(' '))));
    case EscPosElement::Kind::Command:
        return;
    }
}

void Layout::addText(const EscPosElement &e)
{
    const int paper = m_options.widthDots;
    QList<Row> rows;
    Row row;
    for (const EscPosTextSpan &span : e.spans) {
        const QList<uint> codePoints = span.text.toUcs4();
        for (uint cp : codePoints) {
            Glyph g;
            g.character = QString::fromUcs4(reinterpret_cast<const char32_t *>(&cp), 1);
            g.columns = (span.chineseMode && cp >= 0x80) ? 2 : 1;
            g.style = span.style;
            const int width = EscPosRenderer::cellWidth * g.columns * g.style.width;
            if (row.width + width > paper && !row.glyphs.isEmpty()) {
                rows.append(row); // the printer wraps at the end of the printable width
                row = Row();
            }
            g.x = row.width;
            row.width += width;
            row.height = qMax(row.height, EscPosRenderer::cellHeight * g.style.height);
            row.glyphs.append(g);
        }
    }
    if (rows.isEmpty() && row.glyphs.isEmpty()) {
        addSpace(qMax(EscPosRenderer::lineSpacing, EscPosRenderer::cellHeight * e.style.height));
        return;
    }
    if (!row.glyphs.isEmpty())
        rows.append(row);
    for (const Row &r : rows) {
        const int left = alignedX(e.align, r.width, paper);
        const int pitch = r.height + (EscPosRenderer::lineSpacing - EscPosRenderer::cellHeight);
        m_blocks.append(Block{pitch, [this, r, left](QPainter &p, int top) {
                                  for (const Glyph &g : r.glyphs)
                                      paintGlyph(p, g, left + g.x, top, r.height);
                              }});
    }
}

// One character in its cell(s); glyphs wider than the cell are squeezed, as the printer's font A is.
// Characters of different heights on one row share the row's baseline (the bottom of the cells).
void Layout::paintGlyph(QPainter &p, const Glyph &g, int x, int top, int rowHeight) const
{
    const EscPosTextStyle &s = g.style;
    const int cellW = EscPosRenderer::cellWidth * g.columns;
    if (s.underline > 0)
        p.fillRect(x, top + rowHeight - s.underline, cellW * s.width, s.underline, Qt::black);
    // C1 controls (Latin-1 bytes 0x80..0x9f: code-table characters we do not model) stay blank.
    if (!g.character.at(0).isPrint() && !g.character.at(0).isSurrogate())
        return;
    const int cellTop = top + rowHeight - EscPosRenderer::cellHeight * s.height;
    QFont font = m_font;
    font.setBold(s.bold);
    const qreal advance = QFontMetricsF(font).horizontalAdvance(g.character);
    p.save();
    p.setFont(font);
    p.translate(x, cellTop);
    p.scale(s.width, s.height);
    if (advance > cellW) {
        p.scale(cellW / advance, 1.0);
        p.drawText(QPointF(0, baseline), g.character);
    } else {
        p.drawText(QPointF((cellW - advance) / 2.0, baseline), g.character);
    }
    p.restore();
}

void Layout::addQr(const EscPosElement &e)
{
    const QrMatrix matrix = QrMatrix::encode(e.data, e.qrLevel);
    if (!matrix.ok())
        return problem(e, QStringLiteral("QR not printed: %1").arg(matrix.error));
    const int module = e.qrModuleSize;
    const int side = matrix.size * module;
    if (side > m_options.widthDots)
        return problem(
            e, QStringLiteral("QR not printed: %1 modules x %2 dots = %3 dots, wider than the %4-dot paper")
                   .arg(matrix.size)
                   .arg(module)
                   .arg(side)
                   .arg(m_options.widthDots));
    const int left = alignedX(e.align, side, m_options.widthDots);
    m_blocks.append(Block{side, [matrix, module, left](QPainter &p, int top) {
                              for (int y = 0; y < matrix.size; ++y)
                                  for (int x = 0; x < matrix.size; ++x)
                                      if (matrix.isDark(x, y))
                                          p.fillRect(left + x * module, top + y * module, module, module,
                                                     Qt::black);
                          }});
}

void Layout::addImage(const EscPosElement &e)
{
    const int width = e.imageWidth * e.scaleX;
    const int height = e.imageHeight * e.scaleY;
    if (width > m_options.widthDots)
        problem(e, QStringLiteral("image %1 dots wide cut off at the %2-dot paper width")
                       .arg(width)
                       .arg(m_options.widthDots));
    // Only the part that can reach the paper is converted: the stream may declare a huge image.
    const int bytesPerRow = (e.imageWidth + 7) / 8;
    const int visibleBytes = qMin(bytesPerRow, (m_options.widthDots / e.scaleX + 7) / 8);
    const int visibleRows = qMin(e.imageHeight, m_options.maxHeightDots / e.scaleY + 1);
    if (e.data.size() < qsizetype(bytesPerRow) * e.imageHeight)
        return problem(
            e,
            QStringLiteral("image data is shorter than %1 x %2 dots").arg(e.imageWidth).arg(e.imageHeight));
    QImage bits(qMin(e.imageWidth, visibleBytes * 8), visibleRows, QImage::Format_Mono);
    bits.setColorCount(2);
    bits.setColor(0, qRgb(255, 255, 255));
    bits.setColor(1, qRgb(0, 0, 0));
    for (int y = 0; y < visibleRows; ++y)
        memcpy(bits.scanLine(y), e.data.constData() + qsizetype(y) * bytesPerRow, size_t(visibleBytes));
    const int left = alignedX(e.align, width, m_options.widthDots);
    const QRect target(left, 0, bits.width() * e.scaleX, bits.height() * e.scaleY);
    m_blocks.append(Block{
        height, [bits, target](QPainter &p, int top) { p.drawImage(target.translated(0, top), bits); }});
}

void Layout::addBarcode(const EscPosElement &e)
{
    const QString label = QString::fromLatin1(Code128::humanReadable(e.data));
    QList<int> modules;
    if (e.name == QLatin1String("CODE128"))
        modules = Code128::modulesForPrinterPayload(e.data);
    int total = 0;
    for (int w : modules)
        total += w;
    const QFont font = m_font;
    if (total > 0) { // real bars, module width 2 (1 when that does not fit), text below
        const int module = total * 2 <= m_options.widthDots ? 2 : 1;
        const int width = total * module;
        if (width > m_options.widthDots)
            problem(e, QStringLiteral("barcode %1 dots wide cut off at the %2-dot paper width")
                           .arg(width)
                           .arg(m_options.widthDots));
        const int left = alignedX(e.align, qMin(width, m_options.widthDots), m_options.widthDots);
        m_blocks.append(Block{64 + EscPosRenderer::lineSpacing,
                              [modules, module, left, font, label](QPainter &p, int top) {
                                  int x = left;
                                  for (int i = 0; i < modules.size(); ++i) {
                                      if (i % 2 == 0)
                                          p.fillRect(QRect(x, top, modules[i] * module, 64), Qt::black);
                                      x += modules[i] * module;
                                  }
                                  p.setPen(Qt::black);
                                  p.setFont(font);
                                  p.drawText(QRect(left, top + 64, x - left, EscPosRenderer::lineSpacing),
                                             Qt::AlignCenter, label);
                              }});
        return;
    }
    const QString boxLabel = QStringLiteral("%1 %2").arg(e.name, label);
    const int width = qMin(m_options.widthDots, EscPosRenderer::cellWidth * int(boxLabel.size() + 2));
    const int left = alignedX(e.align, width, m_options.widthDots);
    m_blocks.append(Block{48 + EscPosRenderer::lineSpacing, [boxLabel, width, left, font](QPainter &p, int top) {
                              p.fillRect(QRect(left, top, width, 48), QBrush(Qt::black, Qt::BDiagPattern));
                              p.setPen(Qt::black);
                              p.drawRect(QRect(left, top, width - 1, 47));
                              p.setFont(font);
                              p.drawText(QRect(left, top + 48, width, EscPosRenderer::lineSpacing),
                                         Qt::AlignCenter, boxLabel);
                          }});
}

void Layout::addCut(const EscPosElement &e)
{
    if (e.count > 0)
        addSpace(e.count);
    const bool partial = e.partial;
    const int paper = m_options.widthDots;
    m_blocks.append(Block{24, [partial, paper](QPainter &p, int top) {
                              QPen pen(Qt::black, 2, Qt::DashLine);
                              p.setPen(pen);
                              const int y = top + 12;
                              if (partial) { // a partial cut leaves a tab in the middle
                                  p.drawLine(0, y, paper / 2 - 12, y);
                                  p.drawLine(paper / 2 + 12, y, paper, y);
                              } else {
                                  p.drawLine(0, y, paper, y);
                              }
                          }});
}

EscPosRendering Layout::paint() const
{
    EscPosRendering out;
    out.problems = m_problems;
    int total = 2 * margin;
    for (const Block &b : m_blocks)
        total += b.height;
    int height = total;
    if (total > m_options.maxHeightDots) {
        height = m_options.maxHeightDots;
        out.problems.append(QStringLiteral("receipt is %1 dots long, clipped at %2").arg(total).arg(height));
    }
    out.image = QImage(m_options.widthDots, height, QImage::Format_RGB32);
    out.image.fill(Qt::white);
    QPainter p(&out.image);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setRenderHint(QPainter::TextAntialiasing, false);
    p.setPen(Qt::black);
    int top = margin;
    for (const Block &b : m_blocks) {
        if (top >= height)
            break;
        if (b.paint)
            b.paint(p, top);
        top += b.height;
    }
    return out;
}

} // namespace

EscPosRendering EscPosRenderer::render(const EscPosElements &elements, const EscPosRenderOptions &options)
{
    if (options.widthDots < 8 || options.widthDots > 4096 || options.maxHeightDots < 1 ||
        options.maxHeightDots > 32000)
        return EscPosRendering{QImage(),
                               {QStringLiteral("render: paper %1 x %2 dots is out of range")
                                    .arg(options.widthDots)
                                    .arg(options.maxHeightDots)}};
    Layout layout(options);
    for (const EscPosElement &e : elements)
        layout.add(e);
    EscPosRendering out = layout.paint();
    return out;
}
