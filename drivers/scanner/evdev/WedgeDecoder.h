#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Keyboard-wedge scanners: evdev key events (linux/input-event-codes.h numbering) back into the ASCII
// payload the scanner typed, with a US layout. Pure code, no I/O, not thread-safe (one per device, used
// on its reader thread). Never uses keystroke timing.
namespace Wedge {

// The character a key types on a US layout, Shift-aware; nullopt for keys that type nothing printable
// (modifiers, function keys, Enter, ...). Keypad digits and operators count as printable (NumLock on).
std::optional<char> usKeyToAscii(int keyCode, bool shift);

// A human name for a key code in errors: "KEY_LEFTCTRL (29)", "code 183".
QString keyName(int keyCode);

struct WedgeResult
{
    bool complete = false; // a scan ended: `text` is the payload, or `error` says why it was rejected
    QString text;
    QString error; // never contains payload characters
};

// Collects one scan: press events of printable keys append a character; Shift (left/right) is tracked
// from press/release; the configured suffix key ends the scan (KEY_ENTER by default; the keypad Enter
// also ends it when the suffix is KEY_ENTER). Any other key press (Ctrl, Alt, F1, a key this layout does
// not map) rejects the scan: its remaining keys are swallowed up to the suffix and the scan is reported
// once as an error ("key KEY_LEFTCTRL (29) is not a printable ASCII key on a US layout; scan rejected").
// Autorepeat (value 2) and non-key events are ignored. A scan over maxBytes is rejected the same way.
class WedgeDecoder
{
public:
    explicit WedgeDecoder(int suffixKey = 28 /* KEY_ENTER */, int maxBytes = 4096);

    // One evdev event (type, code, value). Returns a result when a scan ended.
    std::optional<WedgeResult> feed(int type, int code, int value);

    void clear(); // after the device is reopened: shift released, nothing pending
    int pendingBytes() const { return int(m_text.size()); }
    int suffixKey() const { return m_suffixKey; }

private:
    int m_suffixKey;
    int m_maxBytes;
    bool m_leftShift = false;
    bool m_rightShift = false;
    QByteArray m_text;
    QString m_rejected; // why the scan in progress is rejected; empty while it is fine
};

} // namespace Wedge
