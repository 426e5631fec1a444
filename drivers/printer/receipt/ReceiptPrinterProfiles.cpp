#include "ReceiptPrinterProfiles.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

// Collects "file: /pointer: message" errors while reading one object; keys it reads count as known.
class Reader
{
public:
    Reader(const QString &file, QStringList &errors) : m_file(file), m_errors(errors) {}

    void error(const QString &place, const QString &message)
    {
        m_errors.append(QStringLiteral("%1: %2: %3").arg(m_file, place.isEmpty() ? QStringLiteral("/") : place, message));
    }

    static QString pointer(const QString &parent, const QString &key)
    {
        QString k = key;
        k.replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
        return parent + QLatin1Char('/') + k;
    }

    static QString typeName(const QJsonValue &v)
    {
        switch (v.type()) {
        case QJsonValue::Null: return QStringLiteral("null");
        case QJsonValue::Bool: return QStringLiteral("a boolean");
        case QJsonValue::Double: return QStringLiteral("a number");
        case QJsonValue::String: return QStringLiteral("a string");
        case QJsonValue::Array: return QStringLiteral("an array");
        case QJsonValue::Object: return QStringLiteral("an object");
        case QJsonValue::Undefined: break;
        }
        return QStringLiteral("nothing");
    }

    QString string(const QJsonObject &o, const QString &place, const QString &key, bool required = true)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                error(pointer(place, key), QStringLiteral("missing"));
            return {};
        }
        if (!v.isString() || v.toString().trimmed().isEmpty()) {
            error(pointer(place, key), QStringLiteral("expected a non-empty string, found %1").arg(typeName(v)));
            return {};
        }
        return v.toString();
    }

    int integer(const QJsonObject &o, const QString &place, const QString &key, int minimum, int maximum,
                bool required = true, int fallback = 0)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                error(pointer(place, key), QStringLiteral("missing"));
            return fallback;
        }
        const double d = v.toDouble(-1e9);
        if (!v.isDouble() || d != int(d)) {
            error(pointer(place, key), QStringLiteral("expected a whole number, found %1").arg(typeName(v)));
            return fallback;
        }
        if (d < minimum || d > maximum) {
            error(pointer(place, key), QStringLiteral("%1 is out of range %2..%3").arg(int(d)).arg(minimum).arg(maximum));
            return fallback;
        }
        return int(d);
    }

    QString oneOf(const QJsonObject &o, const QString &place, const QString &key, const QStringList &allowed)
    {
        const QString s = string(o, place, key);
        if (!s.isEmpty() && !allowed.contains(s)) {
            error(pointer(place, key),
                  QStringLiteral("\"%1\" is not one of %2").arg(s, allowed.join(QLatin1String(", "))));
            return {};
        }
        return s;
    }

    void rejectUnknown(const QJsonObject &o, const QString &place, const QStringList &known)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!known.contains(it.key()))
                error(pointer(place, it.key()), QStringLiteral("unknown key"));
    }

    quint8 endpoint(const QJsonObject &o, const QString &place, const QString &key, bool in)
    {
        if (!o.contains(key))
            return 0;
        const QString s = string(o, place, key);
        if (s.isEmpty() || s == QLatin1String("descriptors"))
            return 0;
        static const QRegularExpression hex(QStringLiteral("^0x[0-9a-fA-F]{2}$"));
        bool ok = false;
        const int value = hex.match(s).hasMatch() ? s.mid(2).toInt(&ok, 16) : -1;
        if (!ok || value == 0 || bool(value & 0x80) != in) {
            error(pointer(place, key), QStringLiteral("expected \"descriptors\" or a bulk %1 endpoint like \"%2\", found \"%3\"")
                                           .arg(in ? QStringLiteral("IN") : QStringLiteral("OUT"),
                                                in ? QStringLiteral("0x81") : QStringLiteral("0x01"), s));
            return 0;
        }
        return quint8(value);
    }

private:
    QString m_file;
    QStringList &m_errors;
};

ReceiptPrinterProfile readProfile(Reader &r, const QJsonObject &o, const QString &place, const QString &id)
{
    ReceiptPrinterProfile p;
    p.id = id;
    p.paperWidthMm = r.integer(o, place, QStringLiteral("paper_width_mm"), 58, 80);
    if (p.paperWidthMm != 58 && p.paperWidthMm != 80 && p.paperWidthMm != 0)
        r.error(Reader::pointer(place, QStringLiteral("paper_width_mm")),
                QStringLiteral("expected 58 or 80, found %1").arg(p.paperWidthMm));
    p.dots = r.integer(o, place, QStringLiteral("dots"), 8, 576);
    const int expectedDots = p.paperWidthMm == 58 ? 384 : 576;
    if (p.dots && (p.paperWidthMm == 58 || p.paperWidthMm == 80) && p.dots != expectedDots)
        r.error(Reader::pointer(place, QStringLiteral("dots")),
                QStringLiteral("expected %1 for %2 mm paper, found %3").arg(expectedDots).arg(p.paperWidthMm).arg(p.dots));
    p.charsPerLine = r.integer(o, place, QStringLiteral("chars_per_line"), 16, 64);
    if (p.charsPerLine && p.dots && p.charsPerLine * 12 > p.dots)
        r.error(Reader::pointer(place, QStringLiteral("chars_per_line")),
                QStringLiteral("%1 characters of 12 dots do not fit in %2 dots").arg(p.charsPerLine).arg(p.dots));
    p.startsInChineseMode = r.oneOf(o, place, QStringLiteral("chinese_mode"),
                                    {QStringLiteral("starts_on"), QStringLiteral("needs_fs_ampersand")}) ==
                            QLatin1String("starts_on");
    const QString cutter = r.oneOf(o, place, QStringLiteral("cutter"),
                                   {QStringLiteral("none"), QStringLiteral("partial"), QStringLiteral("full")});
    p.cutter = cutter == QLatin1String("none")   ? ReceiptPrinterProfile::Cutter::None
               : cutter == QLatin1String("full") ? ReceiptPrinterProfile::Cutter::Full
                                                 : ReceiptPrinterProfile::Cutter::Partial;
    p.maxQrModule = r.integer(o, place, QStringLiteral("max_qr_module"), 1, 16);
    p.rasterMaxWidthDots = r.integer(o, place, QStringLiteral("raster_max_width_dots"), 8, 576);
    if (p.rasterMaxWidthDots > p.dots && p.dots)
        r.error(Reader::pointer(place, QStringLiteral("raster_max_width_dots")),
                QStringLiteral("%1 is wider than the paper (%2 dots)").arg(p.rasterMaxWidthDots).arg(p.dots));
    r.rejectUnknown(o, place,
                    {QStringLiteral("paper_width_mm"), QStringLiteral("dots"), QStringLiteral("chars_per_line"),
                     QStringLiteral("chinese_mode"), QStringLiteral("cutter"), QStringLiteral("max_qr_module"),
                     QStringLiteral("raster_max_width_dots")});
    return p;
}

} // namespace

const KnownReceiptPrinter *ReceiptPrinterProfiles::find(quint16 vendorId, quint16 productId) const
{
    for (const KnownReceiptPrinter &d : devices)
        if (d.vendorId == vendorId && d.productId == productId)
            return &d;
    return nullptr;
}

const ReceiptPrinterProfile *ReceiptPrinterProfiles::forPaperWidth(int mm) const
{
    for (auto it = profiles.constBegin(); it != profiles.constEnd(); ++it)
        if (it->paperWidthMm == mm)
            return &it.value();
    return nullptr;
}

ReceiptPrinterProfiles ReceiptPrinterProfiles::load(const QString &path, QStringList *errors)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        if (errors)
            errors->append(QStringLiteral("%1: /: cannot be read: %2").arg(name, file.errorString()));
        return {};
    }
    return parse(file.readAll(), name, errors);
}

ReceiptPrinterProfiles ReceiptPrinterProfiles::builtIn()
{
    QStringList errors;
    return load(builtInPath(), &errors); // checked by tst_printer_profiles
}

ReceiptPrinterProfiles ReceiptPrinterProfiles::parse(const QByteArray &json, const QString &fileName,
                                                     QStringList *errorsOut)
{
    QStringList errors;
    Reader r(fileName, errors);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    ReceiptPrinterProfiles out;
    if (parseError.error != QJsonParseError::NoError) {
        // Line and column of the offset, as app/config reports syntax errors.
        const QByteArray before = json.left(parseError.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(parseError.offset - (before.lastIndexOf('\n') + 1)) + 1;
        errors.append(QStringLiteral("%1: line %2, column %3: %4").arg(fileName).arg(line).arg(column).arg(parseError.errorString()));
    } else if (!doc.isObject()) {
        r.error(QStringLiteral("/"), QStringLiteral("expected an object"));
    } else {
        const QJsonObject root = doc.object();
        r.rejectUnknown(root, QString(), {QStringLiteral("$schema"), QStringLiteral("profiles"), QStringLiteral("devices")});
        const QJsonValue profiles = root.value(QStringLiteral("profiles"));
        if (!profiles.isObject() || profiles.toObject().isEmpty()) {
            r.error(QStringLiteral("/profiles"), QStringLiteral("expected an object with at least one profile, found %1")
                                                     .arg(Reader::typeName(profiles)));
        } else {
            const QJsonObject p = profiles.toObject();
            for (auto it = p.begin(); it != p.end(); ++it) {
                const QString place = Reader::pointer(QStringLiteral("/profiles"), it.key());
                if (!it->isObject()) {
                    r.error(place, QStringLiteral("expected an object, found %1").arg(Reader::typeName(*it)));
                    continue;
                }
                out.profiles.insert(it.key(), readProfile(r, it->toObject(), place, it.key()));
            }
        }
        const QJsonValue devices = root.value(QStringLiteral("devices"));
        if (!devices.isArray()) {
            r.error(QStringLiteral("/devices"), QStringLiteral("expected an array, found %1").arg(Reader::typeName(devices)));
        } else {
            static const QRegularExpression usbId(QStringLiteral("^([0-9a-f]{4}):([0-9a-f]{4})$"));
            const QJsonArray list = devices.toArray();
            for (int i = 0; i < list.size(); ++i) {
                const QString place = QStringLiteral("/devices/%1").arg(i);
                if (!list.at(i).isObject()) {
                    r.error(place, QStringLiteral("expected an object, found %1").arg(Reader::typeName(list.at(i))));
                    continue;
                }
                const QJsonObject o = list.at(i).toObject();
                KnownReceiptPrinter d;
                d.name = r.string(o, place, QStringLiteral("name"));
                const QString usb = r.string(o, place, QStringLiteral("usb"));
                const auto m = usbId.match(usb);
                if (!usb.isEmpty() && !m.hasMatch())
                    r.error(place + QStringLiteral("/usb"), QStringLiteral("expected \"vvvv:pppp\" in lower-case hex, found \"%1\"").arg(usb));
                else if (m.hasMatch()) {
                    d.vendorId = quint16(m.captured(1).toUInt(nullptr, 16));
                    d.productId = quint16(m.captured(2).toUInt(nullptr, 16));
                    for (const KnownReceiptPrinter &other : std::as_const(out.devices))
                        if (other.vendorId == d.vendorId && other.productId == d.productId)
                            r.error(place + QStringLiteral("/usb"), QStringLiteral("%1 is listed twice").arg(usb));
                }
                d.profile = r.string(o, place, QStringLiteral("profile"));
                if (!d.profile.isEmpty() && profiles.isObject() && !profiles.toObject().contains(d.profile))
                    r.error(place + QStringLiteral("/profile"), QStringLiteral("no profile \"%1\"").arg(d.profile));
                d.interfaceNumber = r.integer(o, place, QStringLiteral("interface"), 0, 31, false, 0);
                d.outEndpoint = r.endpoint(o, place, QStringLiteral("out_endpoint"), false);
                d.inEndpoint = r.endpoint(o, place, QStringLiteral("in_endpoint"), true);
                r.string(o, place, QStringLiteral("note"), false);
                r.rejectUnknown(o, place, {QStringLiteral("name"), QStringLiteral("usb"), QStringLiteral("profile"),
                                           QStringLiteral("interface"), QStringLiteral("out_endpoint"),
                                           QStringLiteral("in_endpoint"), QStringLiteral("note")});
                out.devices.append(d);
            }
        }
    }
    if (errorsOut)
        *errorsOut = errors;
    if (!errors.isEmpty())
        return {};
    return out;
}
