#include "ReceiptSlips.h"

namespace {
QByteArray renderKind(const QString &kind, const QString &language, const QHash<QString, QString> &fields,
                      const ReceiptPaper &paper, QString *error, const QString &directory)
{
    const ReceiptTemplate t = ReceiptTemplate::load(kind, language, error, directory);
    if (!t.isValid())
        return {};
    return t.render(fields, paper, error);
}

QString localTime(const QDateTime &when)
{
    return when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

QByteArray ReceiptSlips::queueTicket(const QueueTicketContent &c, const ReceiptPaper &paper, QString *error,
                                     const QString &templateDirectory)
{
    const QHash<QString, QString> fields = {
        {QStringLiteral("center_name"), c.centerName},
        {QStringLiteral("ticket_number"), c.ticketNumber},
        {QStringLiteral("service"), c.serviceName},
        {QStringLiteral("waiting_count"), c.waitingCount < 0 ? QStringLiteral("-") : QString::number(c.waitingCount)},
        {QStringLiteral("ticket_qr"), c.ticketQr.isEmpty() ? c.ticketNumber : c.ticketQr},
        {QStringLiteral("barcode"), c.ticketNumber},
        {QStringLiteral("issued_at"), localTime(c.issuedAt)},
    };
    return renderKind(QStringLiteral("queue-ticket"), c.language, fields, paper, error, templateDirectory);
}

QByteArray ReceiptSlips::thankYou(const ThankYouContent &c, const ReceiptPaper &paper, QString *error,
                                  const QString &templateDirectory)
{
    const QHash<QString, QString> fields = {
        {QStringLiteral("center_name"), c.centerName},
        {QStringLiteral("rating"), QString::number(c.rating)},
        {QStringLiteral("case_id"), c.caseNumber},
        {QStringLiteral("survey_qr"), c.surveyUrl},
        {QStringLiteral("printed_at"), localTime(c.printedAt)},
    };
    return renderKind(QStringLiteral("thank-you"), c.language, fields, paper, error, templateDirectory);
}
