#include "SamReaderSpec.h"

#include "transport/HidSamTransport.h"
#include "transport/SerialSamTransport.h"
#include "transport/UsbSamTransport.h"

#include <QRegularExpression>

SamReaderSpec SamReaderSpec::parse(const QString &text, QString *error)
{
    SamReaderSpec spec;
    const int colon = text.indexOf(QLatin1Char(':'));
    const QString scheme = colon < 0 ? QString() : text.left(colon);
    QString rest = colon < 0 ? QString() : text.mid(colon + 1);
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return SamReaderSpec();
    };
    if (scheme == QLatin1String("usb")) {
        spec.kind = Kind::Usb;
        if (rest.endsWith(QLatin1String(",split"))) {
            spec.splitPipes = true;
            rest.chop(6);
        }
        static const QRegularExpression vidPid(QStringLiteral("^([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$"));
        static const QRegularExpression busAddress(QStringLiteral("^(\\d{1,3})/(\\d{1,3})$"));
        if (const auto m = vidPid.match(rest); m.hasMatch()) {
            spec.vendorId = quint16(m.captured(1).toUInt(nullptr, 16));
            spec.productId = quint16(m.captured(2).toUInt(nullptr, 16));
        } else if (const auto b = busAddress.match(rest); b.hasMatch()) {
            spec.usbKey = QStringLiteral("%1/%2")
                              .arg(b.captured(1).toInt(), 3, 10, QLatin1Char('0'))
                              .arg(b.captured(2).toInt(), 3, 10, QLatin1Char('0'));
        } else {
            return fail(QStringLiteral("usb: expected VID:PID (0400:c35a) or BUS/ADDRESS (001/005), got '%1'")
                            .arg(rest));
        }
        return spec;
    }
    if (scheme == QLatin1String("serial") || scheme == QLatin1String("hidraw")) {
        spec.kind = scheme == QLatin1String("serial") ? Kind::Serial : Kind::Hidraw;
        const int at = rest.lastIndexOf(QLatin1Char('@'));
        if (spec.kind == Kind::Serial && at > 0) {
            bool ok = false;
            spec.baudRate = rest.mid(at + 1).toInt(&ok);
            if (!ok || spec.baudRate <= 0)
                return fail(QStringLiteral("serial: bad baud rate '%1'").arg(rest.mid(at + 1)));
            rest = rest.left(at);
        }
        if (rest.isEmpty())
            return fail(QStringLiteral("%1: no device path").arg(scheme));
        spec.path = rest;
        return spec;
    }
    return fail(QStringLiteral(
                    "unknown reader '%1': expected usb:VID:PID, usb:BUS/ADDRESS, serial:PATH or hidraw:PATH")
                    .arg(text));
}

SamTransport *SamReaderSpec::createTransport(UsbContext *usb, QString *error) const
{
    switch (kind) {
    case Kind::Serial:
        return new SerialSamTransport(path, baudRate);
    case Kind::Hidraw:
        return new HidSamTransport(path);
    case Kind::Usb: {
        if (!usb) {
            if (error)
                *error = QStringLiteral("usb: no USB context");
            return nullptr;
        }
        UsbSamTransport::Match match;
        match.vendorId = vendorId;
        match.productId = productId;
        match.key = usbKey;
        return new UsbSamTransport(
            usb, match, splitPipes ? UsbSamTransport::Endpoints::split() : UsbSamTransport::Endpoints());
    }
    case Kind::Invalid:
        break;
    }
    if (error)
        *error = QStringLiteral("no reader given");
    return nullptr;
}
