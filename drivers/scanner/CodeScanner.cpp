#include "CodeScanner.h"

#include "ScanPayload.h"
#include "ScannerLogging.h"

// GUI thread.
bool CodeScanner::deliverScan(const QString &text, const QString &symbology)
{
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
