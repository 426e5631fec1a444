#pragma once

#include <QByteArray>
#include <QString>

class QTextDocument;

// How an A4 document is laid out: margins, the PDF's title, and the footer (a left text and "page i of n").
struct PdfPageSetup
{
    QString title;      // the PDF's Title (no personal data: it is visible in print queues)
    QString fontFamily; // the footer's font (the body's comes from the QTextDocument)
    QString footerLeft; // e.g. the case number; may be empty
    QString language = QStringLiteral("zh_CN"); // the "page i of n" wording
    double marginMm = 20.0;
    int resolutionDpi = 300;
};

// Renders a QTextDocument onto A4 pages of a PDF held in memory (nothing touches the disk): the document is
// paginated to the area inside the margins minus a footer band, and every page gets the footer.
// Thread: any thread once a QGuiApplication exists; the document must not be used elsewhere meanwhile.
namespace PdfPageWriter {
// The PDF's bytes; empty and *error set when nothing could be rendered.
QByteArray render(QTextDocument &document, const PdfPageSetup &setup, QString *error = nullptr);
// "第 2 页 / 共 3 页" or "Page 2 of 3".
QString pageLabel(const QString &language, int page, int pageCount);
} // namespace PdfPageWriter
