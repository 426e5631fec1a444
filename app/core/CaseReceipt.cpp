#include "CaseReceipt.h"

#include "EscPosEncoder.h"

#include <QStringList>

namespace {
// Printer columns a character takes: two for CJK and other wide characters, one for ASCII.
int columnsOf(QChar c)
{
    return c.unicode() < 0x1100 ? 1 : 2;
}

// Splits text into lines of at most `columns` printer columns.
QStringList wrap(const QString &text, int columns)
{
    QStringList lines;
    QString current;
    int used = 0;
    for (const QChar c : text) {
        const int w = columnsOf(c);
        if (used + w > columns && !current.isEmpty()) {
            lines.append(current);
            current.clear();
            used = 0;
        }
        current.append(c);
        used += w;
    }
    if (!current.isEmpty())
        lines.append(current);
    return lines;
}
} // namespace

QByteArray CaseReceipt::build(const CaseReceiptContent &content, int columns, QString *error)
{
    EscPosBuilder b;
    b.initialize().chineseMode(true);

    b.align(EscPosAlign::Centre).bold(true).characterSize(2, 2);
    for (const QString &line : wrap(content.centerName, columns / 2))
        b.line(line);
    b.characterSize(1, 1).bold(false);
    b.line(tr("Application receipt"));
    b.line(QString(columns, QLatin1Char('-')));

    b.align(EscPosAlign::Left);
    auto field = [&](const QString &label, const QString &value) {
        for (const QString &line : wrap(label + QStringLiteral(": ") + value, columns))
            b.line(line);
    };
    field(tr("Service"), content.serviceName);
    b.bold(true);
    field(tr("Case number"), content.caseNumber);
    b.bold(false);
    field(tr("Submitted"), content.submittedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    field(tr("Applicant"), content.maskedName);
    field(tr("ID number"), content.maskedIdNumber);
    field(tr("Status"), content.synced ? tr("received by the platform")
                                       : tr("saved at this kiosk; it is sent to the platform automatically"));
    b.line(QString(columns, QLatin1Char('-')));

    b.align(EscPosAlign::Centre);
    b.qrCode(content.trackingUrl.toUtf8(), 6, EscPosQrLevel::M);
    b.lineFeed();
    for (const QString &line : wrap(tr("Scan to follow your case"), columns))
        b.line(line);
    b.feedLines(3).cut(EscPosCut::Partial);

    if (!b.ok()) {
        if (error)
            *error = b.error();
        return QByteArray();
    }
    return b.bytes();
}
