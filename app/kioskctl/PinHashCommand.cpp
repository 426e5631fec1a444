// kioskctl pin-hash: turns a technician PIN into the digest site.json keeps (technician.pin). The PIN is
// read from standard input so that it does not end up in the shell's history or the process list.

#include "KioskctlCommand.h"
#include "TechnicianPin.h"

#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

int runPinHash(const QStringList &arguments)
{
    if (!arguments.isEmpty()) {
        std::fprintf(stderr, "usage: kioskctl pin-hash < pin.txt   (the PIN on standard input, %d digits or more)\n",
                     TechnicianPin::minimumPinLength);
        return 64;
    }
    QTextStream in(stdin);
    const QString pin = in.readLine().trimmed();
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (pin.size() < TechnicianPin::minimumPinLength || !digits.match(pin).hasMatch()) {
        std::fprintf(stderr, "kioskctl pin-hash: a technician PIN is %d or more digits (the kiosk's PIN pad has only digits)\n",
                     TechnicianPin::minimumPinLength);
        return 2;
    }
    std::printf("%s\n", qPrintable(TechnicianPin::hash(pin)));
    return 0;
}
