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

void ReceiptPrinter::failJob(const QString &jobId, const QString &reason, JobFailure failure, bool later)
{
    if (later) {
        QMetaObject::invokeMethod(
            this, [this, jobId, reason, failure] { failJob(jobId, reason, failure, false); }, Qt::QueuedConnection);
        return;
    }
    emit jobFailureClassified(jobId, failure);
    emit jobFailed(jobId, reason);
}

bool ReceiptPrinter::cancel(const QString &jobId)
{
    Q_UNUSED(jobId);
    return false;
}
