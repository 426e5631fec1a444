#include "UsbDeviceTable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

QString UsbDeviceEntry::vidPid() const
{
    return QStringLiteral("%1:%2")
        .arg(vendorId, 4, 16, QLatin1Char('0'))
        .arg(productId, 4, 16, QLatin1Char('0'));
}

std::optional<quint8> UsbDeviceEntry::endpointAddress(const QString &role) const
{
    const QString value = endpoints.value(role);
    if (!value.startsWith(QLatin1String("0x")))
        return std::nullopt;
    bool ok = false;
    const uint address = value.mid(2).toUInt(&ok, 16);
    return ok && address <= 0xff ? std::optional<quint8>(quint8(address)) : std::nullopt;
}

const QStringList &UsbDeviceTable::kinds()
{
    static const QStringList list{QStringLiteral("idcard"), QStringLiteral("receipt_printer"),
                                  QStringLiteral("scanner"), QStringLiteral("camera")};
    return list;
}

const QStringList &UsbDeviceTable::drivers()
{
    static const QStringList list{QStringLiteral("sam-usb"), QStringLiteral("sam-serial"),
                                  QStringLiteral("sam-hid"), QStringLiteral("escpos-usb"),
                                  QStringLiteral("hidpos"),  QStringLiteral("serial-scanner"),
                                  QStringLiteral("uvc")};
    return list;
}

const QStringList &UsbDeviceTable::transports()
{
    static const QStringList list{QStringLiteral("usb-bulk"), QStringLiteral("serial"),
                                  QStringLiteral("hidraw"), QStringLiteral("evdev")};
    return list;
}

const QStringList &UsbDeviceTable::endpointRoles()
{
    static const QStringList list{QStringLiteral("out"),        QStringLiteral("in"),
                                  QStringLiteral("out_header"), QStringLiteral("out_body"),
                                  QStringLiteral("in_header"),  QStringLiteral("in_body")};
    return list;
}

QString UsbDeviceTable::defaultPath()
{
    return QStringLiteral(ONESTOP_USB_DEFAULT_TABLE);
}

std::optional<UsbDeviceTable> UsbDeviceTable::load(const QString &path, QStringList *errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errors)
            errors->append(QStringLiteral("%1: /: cannot read: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return parse(file.readAll(), path, errors);
}

namespace {
class Checker
{
public:
    Checker(QString file, QStringList *errors) : m_file(std::move(file)), m_errors(errors) {}
    void add(const QString &place, const QString &message)
    {
        m_count++;
        if (m_errors)
            m_errors->append(QStringLiteral("%1: %2: %3").arg(m_file, place, message));
    }
    int count() const { return m_count; }

    std::optional<quint16> hex4(const QJsonObject &o, const QString &key, const QString &place)
    {
        static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{4}$"));
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            add(place, QStringLiteral("missing \"%1\"").arg(key));
            return std::nullopt;
        }
        if (!v.isString() || !pattern.match(v.toString()).hasMatch()) {
            add(place + QLatin1Char('/') + key,
                QStringLiteral("expected 4 lower-case hex digits like \"0400\""));
            return std::nullopt;
        }
        return quint16(v.toString().toUInt(nullptr, 16));
    }

    QString word(const QJsonObject &o, const QString &key, const QString &place, const QStringList &allowed)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            add(place, QStringLiteral("missing \"%1\"").arg(key));
            return QString();
        }
        if (!v.isString() || !allowed.contains(v.toString())) {
            add(place + QLatin1Char('/') + key,
                QStringLiteral("expected one of %1").arg(allowed.join(QStringLiteral(", "))));
            return QString();
        }
        return v.toString();
    }

private:
    QString m_file;
    QStringList *m_errors;
    int m_count = 0;
};
} // namespace

std::optional<UsbDeviceTable> UsbDeviceTable::parse(const QByteArray &json, const QString &file,
                                                    QStringList *errors)
{
    Checker check(file, errors);
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        check.add(QStringLiteral("offset %1").arg(parseError.offset), parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        check.add(QStringLiteral("/"), QStringLiteral("expected an object"));
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    for (const QString &key : root.keys()) {
        if (key != QLatin1String("$schema") && key != QLatin1String("devices"))
            check.add(QStringLiteral("/") + key, QStringLiteral("unknown key"));
    }
    if (!root.value(QStringLiteral("devices")).isArray()) {
        check.add(QStringLiteral("/devices"), QStringLiteral("expected an array of devices"));
        return std::nullopt;
    }
    static const QRegularExpression endpointPattern(QStringLiteral("^(descriptors|0x[0-9a-fA-F]{2})$"));
    static const QStringList knownKeys{QStringLiteral("vid"),       QStringLiteral("pid"),
                                       QStringLiteral("kind"),      QStringLiteral("driver"),
                                       QStringLiteral("transport"), QStringLiteral("interface"),
                                       QStringLiteral("endpoints"), QStringLiteral("notes")};
    UsbDeviceTable table;
    QSet<QString> seen;
    const QJsonArray devices = root.value(QStringLiteral("devices")).toArray();
    for (int i = 0; i < devices.size(); ++i) {
        const QString place = QStringLiteral("/devices/%1").arg(i);
        if (!devices.at(i).isObject()) {
            check.add(place, QStringLiteral("expected an object"));
            continue;
        }
        const QJsonObject o = devices.at(i).toObject();
        for (const QString &key : o.keys()) {
            if (!knownKeys.contains(key))
                check.add(place + QLatin1Char('/') + key, QStringLiteral("unknown key"));
        }
        UsbDeviceEntry entry;
        const auto vid = check.hex4(o, QStringLiteral("vid"), place);
        const auto pid = check.hex4(o, QStringLiteral("pid"), place);
        entry.vendorId = vid.value_or(0);
        entry.productId = pid.value_or(0);
        entry.kind = check.word(o, QStringLiteral("kind"), place, kinds());
        entry.driver = check.word(o, QStringLiteral("driver"), place, drivers());
        entry.transport = check.word(o, QStringLiteral("transport"), place, transports());
        if (o.contains(QStringLiteral("interface"))) {
            const QJsonValue v = o.value(QStringLiteral("interface"));
            const double n = v.toDouble(-1);
            if (!v.isDouble() || n != int(n) || n < 0 || n > 255)
                check.add(place + QStringLiteral("/interface"), QStringLiteral("expected an integer 0..255"));
            else
                entry.interfaceNumber = int(n);
        }
        if (o.contains(QStringLiteral("endpoints"))) {
            const QJsonValue v = o.value(QStringLiteral("endpoints"));
            if (!v.isObject() || v.toObject().isEmpty()) {
                check.add(place + QStringLiteral("/endpoints"),
                          QStringLiteral("expected a non-empty object"));
            } else {
                const QJsonObject eps = v.toObject();
                for (const QString &role : eps.keys()) {
                    const QString at = place + QStringLiteral("/endpoints/") + role;
                    if (!endpointRoles().contains(role)) {
                        check.add(at, QStringLiteral("unknown endpoint role (expected one of %1)")
                                          .arg(endpointRoles().join(QStringLiteral(", "))));
                        continue;
                    }
                    const QString value = eps.value(role).toString();
                    if (!eps.value(role).isString() || !endpointPattern.match(value).hasMatch()) {
                        check.add(at, QStringLiteral("expected \"0xNN\" or \"descriptors\""));
                        continue;
                    }
                    entry.endpoints.insert(role, value);
                    const bool inRole = role.startsWith(QLatin1String("in"));
                    if (auto address = entry.endpointAddress(role);
                        address && bool(*address & 0x80) != inRole)
                        check.add(at, inRole ? QStringLiteral("an IN endpoint needs bit 7 set (0x8N)")
                                             : QStringLiteral("an OUT endpoint must not have bit 7 set"));
                }
            }
        }
        if (o.contains(QStringLiteral("notes")) && !o.value(QStringLiteral("notes")).isString())
            check.add(place + QStringLiteral("/notes"), QStringLiteral("expected a string"));
        entry.notes = o.value(QStringLiteral("notes")).toString();
        if (entry.transport == QLatin1String("usb-bulk")) {
            if (entry.interfaceNumber < 0 && !o.contains(QStringLiteral("interface")))
                check.add(place, QStringLiteral("missing \"interface\" (needed for usb-bulk)"));
            if (!o.contains(QStringLiteral("endpoints")))
                check.add(place, QStringLiteral("missing \"endpoints\" (needed for usb-bulk)"));
        } else if (!entry.transport.isEmpty() && o.contains(QStringLiteral("endpoints"))) {
            check.add(place + QStringLiteral("/endpoints"),
                      QStringLiteral("only usb-bulk devices have endpoints (transport is %1)")
                          .arg(entry.transport));
        }
        const QString identity = entry.vidPid() + QLatin1Char('/') + entry.driver;
        if (vid && pid && !entry.driver.isEmpty()) {
            if (seen.contains(identity))
                check.add(
                    place,
                    QStringLiteral("%1 is listed twice for driver %2").arg(entry.vidPid(), entry.driver));
            seen.insert(identity);
        }
        table.m_entries.append(entry);
    }
    if (check.count() > 0)
        return std::nullopt;
    return table;
}

QList<UsbDeviceEntry> UsbDeviceTable::findAll(quint16 vendorId, quint16 productId) const
{
    QList<UsbDeviceEntry> result;
    for (const UsbDeviceEntry &entry : m_entries) {
        if (entry.vendorId == vendorId && entry.productId == productId)
            result.append(entry);
    }
    return result;
}

std::optional<UsbDeviceEntry> UsbDeviceTable::find(quint16 vendorId, quint16 productId) const
{
    for (const UsbDeviceEntry &entry : m_entries) {
        if (entry.vendorId == vendorId && entry.productId == productId)
            return entry;
    }
    return std::nullopt;
}
