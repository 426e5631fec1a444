#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// A queue ticket as printed on the receipt printer (the queue-ticket slip template), for the queue-ticket
// and the appointment check-in journeys alike.
struct TicketSlip
{
    QString language;     // the resident's: "zh_CN" or "en"
    QString centerNameZh; // the centre's name in both languages; the slip takes the resident's
    QString centerNameEn;
    QString ticketNumber;
    QString serviceName;
    int waitingCount = -1; // -1: not known (printed as "-")
    QDateTime issuedAt;
    QString qrText;

    // The slip's ESC/POS bytes for a printer of `columns` characters a line; empty + error when it cannot
    // be laid out.
    QByteArray layOut(int columns, QString *error) const;
};
