#include "UsbTransferResult.h"

QString UsbTransferResult::statusName(Status status)
{
    switch (status) {
    case Completed:
        return QStringLiteral("completed");
    case TimedOut:
        return QStringLiteral("timed out");
    case Cancelled:
        return QStringLiteral("cancelled");
    case NoDevice:
        return QStringLiteral("device unplugged");
    case Stall:
        return QStringLiteral("endpoint stalled");
    case Overflow:
        return QStringLiteral("overflow (device sent more than asked)");
    case Error:
        return QStringLiteral("transfer error");
    }
    return QStringLiteral("unknown");
}
