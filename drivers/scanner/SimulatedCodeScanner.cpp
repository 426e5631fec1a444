#include "SimulatedCodeScanner.h"

#include "ScanPayload.h"
#include "ScannerLogging.h"

SimulatedCodeScanner::SimulatedCodeScanner(const QString &name, QObject *parent)
    : CodeScanner(QStringLiteral("scanner"), name, parent)
{
}

void SimulatedCodeScanner::start()
{
    if (m_started)
        return;
    m_started = true;
    qCDebug(lcScanner) << name() << "started";
    applyState();
}

void SimulatedCodeScanner::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_stoppedReason = QStringLiteral("stopped");
    qCDebug(lcScanner) << name() << "stopped";
    applyState();
}

bool SimulatedCodeScanner::scan(const QString &text, const QString &symbology)
{
    if (!isReady()) {
        qCDebug(lcScanner) << name() << "code scanned while not listening, dropped";
        return false;
    }
    const QString problem = scanPayloadProblem(text);
    if (!problem.isEmpty()) {
        qCDebug(lcScanner) << name() << "payload refused:" << problem;
        reportError(QStringLiteral("scan"), problem);
        return false;
    }
    qCDebug(lcScanner) << name() << "code scanned," << text.size() << "characters";
    emit codeScanned(ScannedCode{text, symbology});
    return true;
}

void SimulatedCodeScanner::setPlugged(bool plugged)
{
    if (plugged == m_plugged)
        return;
    m_plugged = plugged;
    qCDebug(lcScanner) << name() << (plugged ? "plugged" : "unplugged");
    applyState();
}

void SimulatedCodeScanner::applyState()
{
    if (!m_started)
        setState(Status::Unavailable, m_stoppedReason);
    else if (!m_plugged)
        setState(Status::Unavailable, QStringLiteral("unplugged"));
    else
        setState(Status::Ready);
}
