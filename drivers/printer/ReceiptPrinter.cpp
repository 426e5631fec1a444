#include "ReceiptPrinter.h"

ReceiptPrinter::ReceiptPrinter(const QString &name, int paperWidthMm, QObject *parent)
    : Device(QStringLiteral("receipt_printer"), name, parent), m_paperWidthMm(paperWidthMm),
      m_paperWidthDots(dotsForPaperWidth(paperWidthMm))
{
}

int ReceiptPrinter::dotsForPaperWidth(int mm)
{
    return mm == 58 ? 384 : mm == 80 ? 576 : 0;
}

QString ReceiptPrinter::unsupportedWidthReason() const
{
    return QStringLiteral("unsupported paper width %1 mm").arg(m_paperWidthMm);
}
