#include "CaseReceipt.h"

#include <QLocale>

QHash<QString, QString> CaseReceipt::fields(const CaseReceiptContent &c)
{
    return {
        {QStringLiteral("center_name"), c.centerName},
        {QStringLiteral("service"), c.serviceName},
        {QStringLiteral("case_id"), c.caseNumber},
        {QStringLiteral("submitted_at"), c.submittedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))},
        {QStringLiteral("masked_name"), c.maskedName},
        {QStringLiteral("masked_id"), c.maskedIdNumber},
        {QStringLiteral("sync_state"), c.synced ? QStringLiteral("synced") : QStringLiteral("pending")},
        {QStringLiteral("tracking_qr"), c.trackingUrl},
    };
}

QByteArray CaseReceipt::build(const CaseReceiptContent &content, int columns, QString *error)
{
    return build(content, ReceiptPaper::forColumns(columns, ReceiptTemplate::builtInLogo()), error);
}

QByteArray CaseReceipt::build(const CaseReceiptContent &content, const ReceiptPaper &paper, QString *error,
                              const QString &templateDirectory)
{
    const QString language = !content.language.isEmpty() ? content.language
                             : QLocale().language() == QLocale::Chinese ? QStringLiteral("zh")
                                                                        : QStringLiteral("en");
    const ReceiptTemplate t =
        ReceiptTemplate::load(QStringLiteral("case-receipt"), language, error, templateDirectory);
    if (!t.isValid())
        return {};
    return t.render(fields(content), paper, error);
}
