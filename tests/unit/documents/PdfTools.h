#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// poppler-utils run on PDF bytes, for tests: the text (pdftotext -layout), the fonts (pdffonts), the page
// count (pdfinfo), the images (pdfimages -list). The bytes go through a file in a QTemporaryDir that is
// removed before the function returns. On failure the result is empty and *error says why.
namespace PdfTools {
// The text as pdftotext reads it, made comparable: NFKC (ligatures such as "ﬁ", Kangxi radicals such as
// U+2F65 -> 田) and the CJK radicals supplement forms Qt's ToUnicode map picks (U+2EDA -> 页), then every
// white space removed (pdftotext places spaces by layout). Compare with compact(expected), which does
// the same to a string (NFKC, no white space).
QString text(const QByteArray &pdf, QString *error = nullptr);
QString compact(const QString &text);
int pageCount(const QByteArray &pdf, QString *error = nullptr);
int imageCount(const QByteArray &pdf, QString *error = nullptr);

struct Font
{
    QString name; // e.g. "ABCDEF+NotoSansCJKsc-Regular"
    QString type; // e.g. "CID TrueType"
    bool embedded = false;
};
QList<Font> fonts(const QByteArray &pdf, QString *error = nullptr);
} // namespace PdfTools
