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
    else {
        result.jobId = m_nextJobId++;
        result.state = DocumentJobResult::State::Completed;
        result.reason = QStringLiteral("job %1 completed on the simulated printer").arg(result.jobId);
        m_lastDocument = pdf;
        m_lastJobName = jobName;
    }
    finishLater(result);
}

void SimulatedDocumentPrinter::finishLater(DocumentJobResult result)
{
    QTimer::singleShot(0, this, [this, result]() {
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
