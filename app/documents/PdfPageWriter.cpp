#include "PdfPageWriter.h"

#include "DocumentFonts.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

QString PdfPageWriter::pageLabel(const QString &language, int page, int pageCount)
{
    if (language.startsWith(QLatin1String("en")))
        return QStringLiteral("Page %1 of %2").arg(page).arg(pageCount);
    return QStringLiteral("第 %1 页 / 共 %2 页").arg(page).arg(pageCount);
}

QByteArray PdfPageWriter::render(QTextDocument &document, const PdfPageSetup &setup, QString *error)
{
    auto fail = [error](const QString &what) {
        if (error)
            *error = what;
        return QByteArray();
    };
    if (document.isEmpty())
        return fail(QStringLiteral("PDF: the document is empty"));

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(setup.resolutionDpi);
        writer.setTitle(setup.title);
        writer.setCreator(QStringLiteral("OneStop Kiosk"));
        const QMarginsF margins(setup.marginMm, setup.marginMm, setup.marginMm, setup.marginMm);
        if (!writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, margins,
                                              QPageLayout::Millimeter)))
            return fail(
                QStringLiteral("PDF: A4 with %1 mm margins is not a valid page layout").arg(setup.marginMm));

        // The painter's origin is the top left corner inside the margins.
        const QRect area = writer.pageLayout().paintRectPixels(writer.resolution());
        const double mm = setup.resolutionDpi / 25.4;
        const double footerHeight = 10 * mm;
        const QSizeF body(area.width(), area.height() - footerHeight);

        document.documentLayout()->setPaintDevice(&writer);
        document.setPageSize(body);
        const int pageCount = document.pageCount();

        QPainter painter;
        if (!painter.begin(&writer))
            return fail(QStringLiteral("PDF: cannot start painting"));
        const QFont footerFont = DocumentFonts::documentFont(setup.fontFamily, false, 9);
        for (int page = 0; page < pageCount; ++page) {
            if (page > 0 && !writer.newPage()) {
                painter.end();
                document.documentLayout()->setPaintDevice(nullptr);
                return fail(QStringLiteral("PDF: cannot start page %1").arg(page + 1));
            }
            painter.save();
            painter.translate(0, -page * body.height());
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = QRectF(0, page * body.height(), body.width(), body.height());
            context.palette.setColor(QPalette::Text, Qt::black);
            painter.setClipRect(context.clip);
            document.documentLayout()->draw(&painter, context);
            painter.restore();

            const QRectF footer(0, body.height() + 3 * mm, body.width(), footerHeight - 3 * mm);
            painter.setPen(QPen(Qt::black, 0.2 * mm));
            painter.drawLine(QPointF(0, footer.top()), QPointF(body.width(), footer.top()));
            painter.setFont(footerFont);
            const QRectF text = footer.adjusted(0, 1.5 * mm, 0, 0);
            painter.drawText(text, Qt::AlignLeft | Qt::AlignTop, setup.footerLeft);
            painter.drawText(text, Qt::AlignRight | Qt::AlignTop,
                             pageLabel(setup.language, page + 1, pageCount));
        }
        const bool finished = painter.end();
        document.documentLayout()->setPaintDevice(nullptr); // the writer goes out of scope
        if (!finished)
            return fail(QStringLiteral("PDF: painting did not finish"));
    }
    buffer.close();
    if (!bytes.startsWith("%PDF-"))
        return fail(QStringLiteral("PDF: the writer produced no PDF (%1 bytes)").arg(bytes.size()));
    return bytes;
}
