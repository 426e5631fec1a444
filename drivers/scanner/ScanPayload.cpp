#include "ScanPayload.h"

#include "CodeScanner.h"

QString scanPayloadProblem(const QString &text)
{
    if (text.isEmpty())
        return QStringLiteral("empty payload");

    const qsizetype bytes = text.toUtf8().size();
    if (bytes > CodeScanner::maxPayloadBytes) {
        return QStringLiteral("payload too long: %1 bytes, limit %2")
            .arg(bytes)
            .arg(CodeScanner::maxPayloadBytes);
    }

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (ch.category() == QChar::Other_Control && ch != QLatin1Char('\t')) {
            const QString code =
                QString::number(ch.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0'));
            return QStringLiteral("payload contains control character U+%1 at index %2").arg(code).arg(i);
        }
    }
    return QString();
}
