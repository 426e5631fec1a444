#pragma once

#include "CodeScanner.h"

#include <memory>

// A HID POS scanner (usage page 0x8C) read through /dev/hidrawN: 64-byte input reports 0x02 joined by
// HidPos::ScanReassembler, the AIM symbology id kept, payload UTF-8 with a GB18030 fallback, at most
// CodeScanner::maxPayloadBytes. See README.md.
// Thread: the object lives on the GUI thread; a reader thread does poll()/read() on the node (one report per
// read) and hands scans, errors and state back with queued calls, so codeScanned / errorOccurred /
// stateChanged all arrive on the GUI thread. Unplug or a read error: Unavailable with the reason, and the
// node is opened again every reopenIntervalMs (at least 1000) until it comes back.
class HidPosScanner : public CodeScanner
{
    Q_OBJECT

public:
    // devicePath: "/dev/hidraw0"; empty = the first HID POS scanner HidrawDiscovery finds at start()
    // (looked for again every reopenIntervalMs while none is found).
    explicit HidPosScanner(const QString &name, const QString &devicePath = QString(),
                           QObject *parent = nullptr, int reopenIntervalMs = 1000);
    ~HidPosScanner() override;

    bool isSimulated() const override { return false; }
    void start() override; // GUI thread
    void stop() override;  // GUI thread; joins the reader (bounded)

    QString devicePath() const; // the node in use (after start() when discovered)

private:
    struct Private;
    std::unique_ptr<Private> d;
};
