#pragma once

#include <QFont>
#include <QString>

// The fonts of the A4 documents: Noto CJK (Debian package fonts-noto-cjk), which covers Chinese and Latin
// text, so one font is embedded in each PDF. Thread: any thread once a QGuiApplication exists.
namespace DocumentFonts {
// "Noto Sans CJK SC" for forms and summaries, "Noto Serif CJK SC" for certificates (falls back to the sans
// face). Empty and *error set ("font 'Noto Sans CJK SC' is not installed (package fonts-noto-cjk)") when
// neither is installed: a document without a CJK font would print Chinese as empty boxes.
QString sansFamily(QString *error = nullptr);
QString serifFamily(QString *error = nullptr);
// The font for a document: `cjkFamily` for Chinese, with Latin letters and digits from DejaVu
// (fonts-dejavu-core) when it is installed: Noto CJK's Latin glyphs come out of the shaper as variants that
// have no Unicode in the PDF's ToUnicode map, so pdftotext (and copy and paste) would lose the digits of case
// numbers.
QFont documentFont(const QString &cjkFamily, bool serif, double pointSize);
} // namespace DocumentFonts
