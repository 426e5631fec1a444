#pragma once

#include "CodeScanner.h"

// A scanner without hardware, behind the same interface as the real ones. Tests, the developer panel and
// scenarios "scan" a code; the payload goes through the same check a real driver applies
// (scanPayloadProblem) and is delivered as codeScanned, or refused with errorOccurred("scan", ...).
// A code scanned while the scanner is stopped or unplugged goes nowhere, as with a real device.
// Thread: GUI thread only; codeScanned and errorOccurred are emitted from inside scan().
class SimulatedCodeScanner : public CodeScanner
{
    Q_OBJECT

public:
    explicit SimulatedCodeScanner(const QString &name = QStringLiteral("simulated-scanner"),
                                  QObject *parent = nullptr);

    bool isSimulated() const override { return true; }
    void start() override;
    void stop() override;

    // Knobs (GUI thread).
    // symbology: the AIM identifier the scanner would send ("]Q1" QR, "]E0" EAN-13, empty: not said).
    // Returns true when codeScanned was emitted; false when the scanner was not listening or the payload
    // was refused (then errorOccurred says why).
    bool scan(const QString &text, const QString &symbology = QStringLiteral("]Q1"));
    void setPlugged(bool plugged);
    bool isPlugged() const { return m_plugged; }

private:
    void applyState();

    bool m_started = false;
    bool m_plugged = true;
    QString m_stoppedReason = QStringLiteral("not started");
};
