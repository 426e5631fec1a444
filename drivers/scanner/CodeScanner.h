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
};
