#include "TicketSlip.h"

#include "ReceiptSlips.h"

QByteArray TicketSlip::layOut(int columns, QString *error) const
{
    QueueTicketContent content;
    content.language = language;
    content.centerName = language.startsWith(QLatin1String("zh")) ? centerNameZh : centerNameEn;
    content.ticketNumber = ticketNumber;
    content.serviceName = serviceName;
    content.waitingCount = waitingCount;
    content.issuedAt = issuedAt;
    content.ticketQr = qrText;
    return ReceiptSlips::queueTicket(content, ReceiptPaper::forColumns(columns), error);
}
