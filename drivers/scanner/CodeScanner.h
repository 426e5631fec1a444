#pragma once

#include "Device.h"

// A QR / barcode scanner. Payloads are hostile input: bounded, decoded, never typed into a field.
struct ScannedCode
{
    QString text;
    QString symbology; // AIM id such as "]Q1", or empty when the scanner does not say
};

class CodeScanner : public Device
{
    Q_OBJECT
public:
    using Device::Device;
    static constexpr int maxPayloadBytes = 4096;

signals:
    void codeScanned(const ScannedCode &code);

protected:
    // For real drivers, on the GUI thread: applies scanPayloadProblem() and then emits codeScanned, or
    // errorOccurred("scan", problem). Logs sizes only. Returns true when the code was delivered.
    bool deliverScan(const QString &text, const QString &symbology);
};
