#pragma once

#include "ReceiptTemplate.h"

#include <QDateTime>

// The two small slips besides the case receipt, each laid out by its template (queue-ticket.*.txt,
// thank-you.*.txt). Pure; empty bytes and *error when the content cannot be printed. Thread: any.
struct QueueTicketContent
{
    QString language = QStringLiteral("zh"); // the resident's: "zh"/"zh_CN" or "en"
    QString centerName;
    QString ticketNumber; // "A017": printable ASCII, it is also the CODE128 barcode
    QString serviceName;
    int waitingCount = 0; // people ahead; -1 = not known (a ticket issued offline): printed as "-"
    QDateTime issuedAt; // local time is printed
    QString ticketQr;   // the QR's text (nothing personal); empty = the ticket number
};

struct ThankYouContent
{
    QString language = QStringLiteral("zh");
    QString centerName;
    int rating = 5; // 1..5
    QString caseNumber;
    QString surveyUrl;
    QDateTime printedAt;
};

struct ReceiptSlips
{
    static QByteArray queueTicket(const QueueTicketContent &content, const ReceiptPaper &paper,
                                  QString *error = nullptr, const QString &templateDirectory = QString());
    static QByteArray thankYou(const ThankYouContent &content, const ReceiptPaper &paper,
                               QString *error = nullptr, const QString &templateDirectory = QString());
};
