#include "TrackingCode.h"

#include <QRegularExpression>

namespace TrackingCode {

static bool isCaseId(const QString &value)
{
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return uuid.match(value).hasMatch();
}

static bool looksLikeLink(const QString &text)
{
    static const QRegularExpression link(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    return link.match(text).hasMatch();
}

Parsed parse(const QString &text, const QString &trackingUrlTemplate)
{
    const QString trimmed = text.trimmed();
    if (!looksLikeLink(trimmed))
        return {};
    static const QString idPlaceholder = QStringLiteral("{case_id}");
    static const QString numberPlaceholder = QStringLiteral("{case_number}");
    const bool byId = trackingUrlTemplate.contains(idPlaceholder);
    const QString placeholder = byId ? idPlaceholder : numberPlaceholder;
    const qsizetype at = trackingUrlTemplate.indexOf(placeholder);
    if (at < 0)
        return {Kind::Forged, {}};
    const QString prefix = trackingUrlTemplate.left(at);
    const QString suffix = trackingUrlTemplate.mid(at + placeholder.size());
    // The scheme and host compare without case; everything else exactly.
    if (trimmed.size() <= prefix.size() + suffix.size() || !trimmed.startsWith(prefix, Qt::CaseInsensitive) ||
        !trimmed.endsWith(suffix))
        return {Kind::Forged, {}};
    const QString value = trimmed.mid(prefix.size(), trimmed.size() - prefix.size() - suffix.size());
    if (byId)
        return isCaseId(value) ? Parsed{Kind::CaseId, value.toLower()} : Parsed{Kind::Forged, {}};
    const QString number = normalizedCaseNumber(value);
    return number.isEmpty() || number != value.toUpper() ? Parsed{Kind::Forged, {}}
                                                         : Parsed{Kind::CaseNumber, number};
}

QString normalizedCaseNumber(const QString &typed)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z0-9]+(-[A-Z0-9]+){2,}$"));
    QString number = typed.toUpper();
    number.remove(QLatin1Char(' '));
    number = number.trimmed();
    if (number.size() < 8 || number.size() > 64 || !pattern.match(number).hasMatch())
        return {};
    return number;
}

} // namespace TrackingCode
