#include "EscPosStatus.h"

namespace {

bool bit(unsigned char byte, int n)
{
    return (byte >> n) & 1;
}

QString hexByte(unsigned char b)
{
    return QStringLiteral("0x%1").arg(b, 2, 16, QLatin1Char('0'));
}

// The checks every answer shares: the fixed bits, and the request number.
EscPosStatusAnswer begin(int n, unsigned char byte)
{
    EscPosStatusAnswer answer;
    answer.request = n;
    answer.byte = byte;
    if (n < EscPosStatus::firstRequest || n > EscPosStatus::lastRequest) {
        answer.error = QStringLiteral("DLE EOT %1: not a status request (1..4)").arg(n);
    } else if ((byte & EscPosStatus::fixedMask) != EscPosStatus::fixedValue) {
        answer.error = QStringLiteral("%1: answer %2 is not a status byte (bits 1 and 4 set, bit 7 clear)")
                           .arg(EscPosStatus::requestName(n), hexByte(byte));
    }
    return answer;
}

} // namespace

QString PrinterStatus::unavailableReason() const
{
    if (!error.isEmpty())
        return error;
    if (coverOpen)
        return QStringLiteral("cover open");
    if (paperOut || stoppedByPaperEnd)
        return QStringLiteral("paper out");
    if (cutterError)
        return QStringLiteral("cutter error");
    if (unrecoverableError)
        return QStringLiteral("unrecoverable error");
    if (autoRecoverableError)
        return QStringLiteral("recoverable error");
    if (errorOccurred)
        return QStringLiteral("error");
    if (!online)
        return QStringLiteral("offline");
    return QString();
}

QString PrinterStatus::reason() const
{
    const QString unavailable = unavailableReason();
    if (!unavailable.isEmpty())
        return unavailable;
    return paperNearEnd ? QStringLiteral("paper low") : QString();
}

bool PrinterStatus::operator==(const PrinterStatus &o) const
{
    return online == o.online && coverOpen == o.coverOpen && feedButtonPressed == o.feedButtonPressed &&
           stoppedByPaperEnd == o.stoppedByPaperEnd && errorOccurred == o.errorOccurred &&
           cutterError == o.cutterError && unrecoverableError == o.unrecoverableError &&
           autoRecoverableError == o.autoRecoverableError && paperNearEnd == o.paperNearEnd &&
           paperOut == o.paperOut && error == o.error;
}

QByteArray EscPosStatus::request(int n)
{
    if (n < firstRequest || n > lastRequest)
        return QByteArray();
    return QByteArray("\x10\x04", 2) + char(n);
}

QString EscPosStatus::requestName(int n)
{
    return QStringLiteral("DLE EOT %1").arg(n);
}

EscPosStatusAnswer EscPosStatus::parsePrinter(unsigned char byte)
{
    EscPosStatusAnswer a = begin(1, byte);
    if (a.ok())
        a.flags.online = !bit(byte, 3);
    return a;
}

EscPosStatusAnswer EscPosStatus::parseOfflineCause(unsigned char byte)
{
    EscPosStatusAnswer a = begin(2, byte);
    if (a.ok()) {
        a.flags.coverOpen = bit(byte, 2);
        a.flags.feedButtonPressed = bit(byte, 3);
        a.flags.stoppedByPaperEnd = bit(byte, 5);
        a.flags.errorOccurred = bit(byte, 6);
    }
    return a;
}

EscPosStatusAnswer EscPosStatus::parseErrorCause(unsigned char byte)
{
    EscPosStatusAnswer a = begin(3, byte);
    if (a.ok()) {
        a.flags.cutterError = bit(byte, 3);
        a.flags.unrecoverableError = bit(byte, 5);
        a.flags.autoRecoverableError = bit(byte, 6);
    }
    return a;
}

EscPosStatusAnswer EscPosStatus::parsePaperSensor(unsigned char byte)
{
    EscPosStatusAnswer a = begin(4, byte);
    if (a.ok()) {
        a.flags.paperNearEnd = (byte & 0x0C) != 0;
        a.flags.paperOut = (byte & 0x60) != 0;
    }
    return a;
}

EscPosStatusAnswer EscPosStatus::parse(int n, unsigned char byte)
{
    switch (n) {
    case 1:
        return parsePrinter(byte);
    case 2:
        return parseOfflineCause(byte);
    case 3:
        return parseErrorCause(byte);
    case 4:
        return parsePaperSensor(byte);
    default:
        return begin(n, byte);
    }
}

PrinterStatus EscPosStatus::combine(const EscPosStatusAnswer &printer, const EscPosStatusAnswer &offlineCause,
                                    const EscPosStatusAnswer &errorCause,
                                    const EscPosStatusAnswer &paperSensor)
{
    PrinterStatus status;
    const EscPosStatusAnswer *answers[] = {&printer, &offlineCause, &errorCause, &paperSensor};
    for (int i = 0; i < 4; ++i) {
        const EscPosStatusAnswer &a = *answers[i];
        if (!a.ok())
            status.error = a.error;
        else if (a.request != i + 1)
            status.error = QStringLiteral("expected the answer to %1, got the answer to %2")
                               .arg(requestName(i + 1), requestName(a.request));
        if (!status.ok())
            return status; // the flags stay at their defaults: they mean nothing now
    }
    status.online = printer.flags.online;
    status.coverOpen = offlineCause.flags.coverOpen;
    status.feedButtonPressed = offlineCause.flags.feedButtonPressed;
    status.stoppedByPaperEnd = offlineCause.flags.stoppedByPaperEnd;
    status.errorOccurred = offlineCause.flags.errorOccurred;
    status.cutterError = errorCause.flags.cutterError;
    status.unrecoverableError = errorCause.flags.unrecoverableError;
    status.autoRecoverableError = errorCause.flags.autoRecoverableError;
    status.paperNearEnd = paperSensor.flags.paperNearEnd;
    status.paperOut = paperSensor.flags.paperOut;
    return status;
}

PrinterStatus EscPosStatus::combine(const QByteArray &answers)
{
    if (answers.size() < lastRequest) {
        PrinterStatus status;
        status.error = QStringLiteral("no answer to %1").arg(requestName(int(answers.size()) + 1));
        return status;
    }
    const auto at = [&](int i) { return static_cast<unsigned char>(answers.at(i)); };
    return combine(parsePrinter(at(0)), parseOfflineCause(at(1)), parseErrorCause(at(2)),
                   parsePaperSensor(at(3)));
}
