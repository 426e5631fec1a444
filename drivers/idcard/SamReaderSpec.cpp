#include "SamReaderSpec.h"

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

DeviceSpec SamReaderSpec::toDeviceSpec(const QString &name) const
{
    DeviceSpec spec;
    spec.kind = QStringLiteral("idcard");
    spec.name = name;
    switch (kind) {
    case Kind::Usb:
        spec.driver = QStringLiteral("sam-usb");
        spec.options.insert(QStringLiteral("usb"), vendorId != 0
                                                       ? QStringLiteral("%1:%2")
                                                             .arg(vendorId, 4, 16, QLatin1Char('0'))
                                                             .arg(productId, 4, 16, QLatin1Char('0'))
                                                       : usbKey);
        spec.options.insert(QStringLiteral("layout"),
                            splitPipes ? QStringLiteral("split") : QStringLiteral("single"));
        break;
    case Kind::Serial:
        spec.driver = QStringLiteral("sam-serial");
        spec.options.insert(QStringLiteral("port"), path);
        spec.options.insert(QStringLiteral("baud"), QString::number(baudRate));
        break;
    case Kind::Hidraw:
        spec.driver = QStringLiteral("sam-hid");
        spec.options.insert(QStringLiteral("path"), path);
        break;
    case Kind::Invalid:
        break;
    }
    return spec;
}
