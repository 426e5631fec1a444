#pragma once

#include "CodeScanner.h"

#include <memory>

// A keyboard-wedge scanner read through evdev (/dev/input/eventN, e.g. /dev/input/by-id/*-event-kbd).
// The node is grabbed (EVIOCGRAB 1) while open so its keys never reach a focused field, and released
// (EVIOCGRAB 0) on stop, unplug or error. Key codes become ASCII with a US layout (Wedge::WedgeDecoder):
// Shift-aware, a scan ends on the suffix key (Enter by default), and a non-ASCII or unmapped key rejects
// the scan with errorOccurred("scan", reason). Keystroke timing is never used. See README.md.
// Thread: the object lives on the GUI thread; a reader thread polls and reads the node and hands scans,
// errors and state back with queued calls. Unplug / read error: Unavailable with the reason, reopened
// every reopenIntervalMs (at least 1000) until the node returns.
class WedgeScanner : public CodeScanner
{
    Q_OBJECT

public:
    // suffixKey: the evdev key code ending a scan (28 = KEY_ENTER, 15 = KEY_TAB).
    explicit WedgeScanner(const QString &name, const QString &devicePath, QObject *parent = nullptr,
                          int suffixKey = 28, int reopenIntervalMs = 1000);
    ~WedgeScanner() override;

    bool isSimulated() const override { return false; }
    void start() override; // GUI thread
    void stop() override;  // GUI thread; releases the grab and joins the reader (bounded)

    QString devicePath() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
