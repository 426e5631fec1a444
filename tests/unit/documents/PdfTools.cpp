#include "PdfTools.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {
// Runs `program args... FILE` on the PDF; its stdout, or a null QString and *error.
QString run(const QString &program, const QStringList &arguments, const QByteArray &pdf, QString *error)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        *error = QStringLiteral("temporary dir: ") + dir.errorString();
        return QString();
    }
    const QString path = dir.filePath(QStringLiteral("doc.pdf"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size()) {
        *error = QStringLiteral("write %1: %2").arg(path, file.errorString());
        return QString();
    }
    file.close();
    QProcess process;
    process.start(program, arguments + QStringList{path} +
                               (program == QLatin1String("pdftotext") ? QStringList{QStringLiteral("-")}
                                                                      : QStringList{}));
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error =
            QStringLiteral("%1: %2 %3")
                .arg(program, process.errorString(), QString::fromLocal8Bit(process.readAllStandardError()));
        return QString();
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}
} // namespace

QString PdfTools::compact(const QString &text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_KC))
        if (!c.isSpace())
            out.append(c);
    return out;
}

QString PdfTools::text(const QByteArray &pdf, QString *error)
{
    // CJK radicals supplement (no compatibility decomposition) -> the unified ideograph with the same glyph.
    static const QList<std::pair<char16_t, char16_t>> radicals = {
        {0x2EDA, 0x9875}, {0x2EC5, 0x89C1}, {0x2ED3, 0x957F}, {0x2EC6, 0x89D2}, {0x2EDD, 0x98DF},
        {0x2ECB, 0x8F66}, {0x2ED4, 0x95E8}, {0x2EDB, 0x98CE}, {0x2EDC, 0x98DE}, {0x2EE2, 0x9A6C},
        {0x2EE5, 0x9C7C}, {0x2EE6, 0x9E1F}, {0x2EE9, 0x9EC4}, {0x2EEC, 0x9F50}, {0x2EEE, 0x9F7F},
        {0x2ED8, 0x9752}, {0x2EC4, 0x897F}, {0x2EC9, 0x8D1D}, {0x2ED9, 0x97E6}, {0x2EA0, 0x6C11},
        {0x2EC0, 0x8279}, {0x2ECE, 0x8FB6}, {0x2EAA, 0x758B}, {0x2EBC, 0x8080}};
    QString problem;
    QString out =
        run(QStringLiteral("pdftotext"),
            {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8")}, pdf, &problem);
    if (error)
        *error = problem;
    out = out.normalized(QString::NormalizationForm_KC);
    for (const auto &[from, to] : radicals)
        out.replace(QChar(from), QChar(to));
    return compact(out);
}

int PdfTools::pageCount(const QByteArray &pdf, QString *error)
{
    QString problem;
    const QString out = run(QStringLiteral("pdfinfo"), {}, pdf, &problem);
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption)
            .match(out);
    if (!m.hasMatch() && problem.isEmpty())
        problem = QStringLiteral("pdfinfo: no page count in: ") + out;
    if (error)
        *error = problem;
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

int PdfTools::imageCount(const QByteArray &pdf, QString *error)
{
    QString problem;
    const QString out = run(QStringLiteral("pdfimages"), {QStringLiteral("-list")}, pdf, &problem);
    if (error)
        *error = problem;
    if (!problem.isEmpty())
        return -1;
    // Two header lines, then one line an image.
    return qMax(0, int(out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size()) - 2);
}

QList<PdfTools::Font> PdfTools::fonts(const QByteArray &pdf, QString *error)
{
    QString problem;
    const QString out = run(QStringLiteral("pdffonts"), {}, pdf, &problem);
    if (error)
        *error = problem;
    QList<Font> fonts;
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // name type encoding emb sub uni object ID; the type may have a space ("CID TrueType"), so read the
    // columns from the header's dashes.
    if (lines.size() < 2)
        return fonts;
    const QStringList dashes = lines.at(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<int> starts;
    int at = 0;
    for (const QString &d : dashes) {
        at = int(lines.at(1).indexOf(d, at));
        starts.append(at);
        at += int(d.size());
    }
    for (int i = 2; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        auto column = [&](int c) {
            const int end = c + 1 < starts.size() ? starts.at(c + 1) : int(line.size());
            return line.mid(starts.at(c), end - starts.at(c)).trimmed();
        };
        if (starts.size() < 4)
            break;
        fonts.append(Font{column(0), column(1), column(3) == QLatin1String("yes")});
    }
    return fonts;
}
