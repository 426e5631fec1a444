#include "SimulatedDocumentPrinter.h"

#include <QTimer>

SimulatedDocumentPrinter::SimulatedDocumentPrinter(const QString &name, QObject *parent)
    : DocumentPrinter(name, parent)
{
}

void SimulatedDocumentPrinter::start()
{
    m_running = true;
    updateDeviceState();
}

void SimulatedDocumentPrinter::stop()
{
    m_running = false;
    updateDeviceState();
}

void SimulatedDocumentPrinter::setQueueStopped(const QString &reason)
{
    m_stoppedReason = reason;
    updateDeviceState();
}

void SimulatedDocumentPrinter::print(const QString &requestId, const QString &jobName, const QByteArray &pdf)
{
    DocumentJobResult result;
    result.requestId = requestId;
    result.state = DocumentJobResult::State::Failed;
    if (!m_running)
        result.reason = QStringLiteral("stopped");
    else if (!m_stoppedReason.isEmpty())
        result.reason = m_stoppedReason;
    else if (!pdf.startsWith("%PDF-"))
        result.reason = QStringLiteral("print: the document is not a PDF");
    else if (!m_failNextJob.isEmpty()) {
        result.jobId = m_nextJobId++;
        result.state = DocumentJobResult::State::Aborted;
        result.reason = m_failNextJob;
        m_failNextJob.clear();
    } else {
        result.jobId = m_nextJobId++;
        result.state = DocumentJobResult::State::Completed;
        result.reason = QStringLiteral("job %1 completed on the simulated printer").arg(result.jobId);
        m_lastDocument = pdf;
        m_lastJobName = jobName;
    }
    finishLater(result);
}

void SimulatedDocumentPrinter::cancel(const QString &requestId)
{
    if (!m_pending.contains(requestId))
        return;
    m_canceled.insert(requestId);
    for (qsizetype i = 0; i < m_held.size(); ++i) // a held job's result arrives now, as Canceled
        if (m_held.at(i).requestId == requestId)
            return deliverLater(m_held.takeAt(i));
}

void SimulatedDocumentPrinter::holdJobs(bool hold)
{
    m_holding = hold;
    if (hold)
        return;
    while (!m_held.isEmpty())
        deliverLater(m_held.takeFirst());
}

void SimulatedDocumentPrinter::finishLater(const DocumentJobResult &result)
{
    m_pending.insert(result.requestId);
    if (m_holding)
        m_held.append(result);
    else
        deliverLater(result);
}

void SimulatedDocumentPrinter::deliverLater(DocumentJobResult result)
{
    QTimer::singleShot(0, this, [this, result]() mutable {
        m_pending.remove(result.requestId);
        if (m_canceled.remove(result.requestId)) {
            result.state = DocumentJobResult::State::Canceled;
            result.reason = QStringLiteral("canceled by the kiosk before it was printed");
            if (result.jobId > 0) {
                m_lastDocument.clear();
                m_lastJobName.clear();
            }
        }
        if (!result.ok())
            reportError(QStringLiteral("print document"), result.reason);
        emit jobFinished(result);
    });
}

void SimulatedDocumentPrinter::updateDeviceState()
{
    if (!m_running)
        return setState(Status::Unavailable, QStringLiteral("stopped"));
    if (!m_stoppedReason.isEmpty())
        return setState(Status::Unavailable, m_stoppedReason);
    setState(Status::Ready);
}
