#pragma once

#include <QByteArray>
#include <QString>

// What a printer says about itself, from its four real-time status answers (DLE EOT 1..4).
struct PrinterStatus
{
    bool online = true;                // DLE EOT 1: bit 3 clear
    bool coverOpen = false;            // DLE EOT 2: bit 2
    bool feedButtonPressed = false;    // DLE EOT 2: bit 3
    bool stoppedByPaperEnd = false;    // DLE EOT 2: bit 5
    bool errorOccurred = false;        // DLE EOT 2: bit 6
    bool cutterError = false;          // DLE EOT 3: bit 3
    bool unrecoverableError = false;   // DLE EOT 3: bit 5
    bool autoRecoverableError = false; // DLE EOT 3: bit 6
    bool paperNearEnd = false;         // DLE EOT 4: bits 2-3 (0x0C)
    bool paperOut = false;             // DLE EOT 4: bits 5-6 (0x60)
    // Set when an answer was not a status byte (or was missing); the flags then mean nothing.
    QString error;

    bool ok() const { return error.isEmpty(); }
    // The printer can take a job now (paper near end still prints).
    bool canPrint() const { return ok() && unavailableReason().isEmpty(); }
    // Why the printer cannot print, most useful first: the error, "cover open", "paper out",
    // "cutter error", "unrecoverable error", "recoverable error", "error", "offline"; empty when it can.
    QString unavailableReason() const;
    // The device reason: unavailableReason(), else "paper low" when the paper is near its end, else empty.
    QString reason() const;

    bool operator==(const PrinterStatus &o) const;
    bool operator!=(const PrinterStatus &o) const { return !(*this == o); }
};

// One DLE EOT n answer, parsed. Only the flags of its own request n are set; error is set (and the flags
// left clear) when the byte is not a status byte.
struct EscPosStatusAnswer
{
    int request = 0;        // n, 1..4
    unsigned char byte = 0; // the answer as received
    QString error;          // "DLE EOT 2: answer 0x80 is not a status byte (...)"
    PrinterStatus flags;    // the bits this answer reports, the rest at their defaults

    bool ok() const { return error.isEmpty(); }
};

// The real-time status requests (DLE EOT n) and their answers as pure functions.
// See shared/reference/escpos.md. Thread: any; no state.
struct EscPosStatus
{
    static constexpr int firstRequest = 1;
    static constexpr int lastRequest = 4;
    static constexpr unsigned char fixedMask = 0x92;  // bits 1, 4 and 7
    static constexpr unsigned char fixedValue = 0x12; // bits 1 and 4 set, bit 7 clear

    // 10 04 n; empty for n outside 1..4.
    static QByteArray request(int n);
    // The status name of request n for messages: "DLE EOT 4".
    static QString requestName(int n);

    static EscPosStatusAnswer parsePrinter(unsigned char byte);      // n = 1
    static EscPosStatusAnswer parseOfflineCause(unsigned char byte); // n = 2
    static EscPosStatusAnswer parseErrorCause(unsigned char byte);   // n = 3
    static EscPosStatusAnswer parsePaperSensor(unsigned char byte);  // n = 4
    // Dispatches on n; an n outside 1..4 is an error value.
    static EscPosStatusAnswer parse(int n, unsigned char byte);

    // The four answers of one status round into one status. Each answer must be ok and answer its own
    // request (printer, offline cause, error cause, paper sensor); otherwise the status carries the first
    // problem in error.
    static PrinterStatus combine(const EscPosStatusAnswer &printer, const EscPosStatusAnswer &offlineCause,
                                 const EscPosStatusAnswer &errorCause, const EscPosStatusAnswer &paperSensor);
    // The same from the four answer bytes in request order 1..4; fewer than four bytes is an error.
    static PrinterStatus combine(const QByteArray &answers);
};
