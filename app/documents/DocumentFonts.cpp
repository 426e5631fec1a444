#include "DocumentFonts.h"

#include <QFontDatabase>
#include <QStringList>

namespace {
const QString kSans = QStringLiteral("Noto Sans CJK SC");
const QString kSerif = QStringLiteral("Noto Serif CJK SC");

bool installed(const QString &family)
{
    return QFontDatabase::families().contains(family);
}
} // namespace

QString DocumentFonts::sansFamily(QString *error)
{
    if (installed(kSans))
        return kSans;
    if (error)
        *error = QStringLiteral("font '%1' is not installed (package fonts-noto-cjk)").arg(kSans);
    return QString();
}

QString DocumentFonts::serifFamily(QString *error)
{
    if (installed(kSerif))
        return kSerif;
    return sansFamily(error);
}

QFont DocumentFonts::documentFont(const QString &cjkFamily, bool serif, double pointSize)
{
    const QString latin = serif ? QStringLiteral("DejaVu Serif") : QStringLiteral("DejaVu Sans");
    QFont font(cjkFamily);
    if (installed(latin))
        font.setFamilies({latin, cjkFamily});
    font.setPointSizeF(pointSize);
    return font;
}
