// kioskctl devices [--json] [--table FILE]: every attached USB device, which entry of the USB device
// table (and so which driver) takes it, and whether this user may open it. Nothing is opened.
//   exit 0: listed; 1: USB unusable or the table does not load (devices are still listed when possible);
//   64: usage.

#include "KioskctlCommand.h"

#include "UsbContext.h"
#include "UsbDeviceTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstdio>

namespace {
const char kUsage[] =
    "usage: kioskctl devices [--json] [--table FILE]\n"
    "  Lists attached USB devices with the driver the device table assigns and whether they\n"
    "  can be opened (permissions). --table: another usb-devices.json (default: the kiosk's).\n";

QString hex(quint16 value)
{
    return QStringLiteral("%1").arg(value, 4, 16, QLatin1Char('0'));
}

QString classesText(const QList<quint8> &classes)
{
    QStringList parts;
    for (quint8 c : classes)
        parts << QStringLiteral("%1").arg(c, 2, 16, QLatin1Char('0'));
    return parts.join(QLatin1Char(','));
}
} // namespace

int runDevices(const QStringList &arguments)
{
    bool json = false;
    QString tablePath = UsbDeviceTable::defaultPath();
    for (int i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--json")) {
            json = true;
        } else if (arguments[i] == QLatin1String("--table") && i + 1 < arguments.size()) {
            tablePath = arguments[++i];
        } else {
            std::fputs(kUsage, stderr);
            return 64;
        }
    }

    int exitCode = 0;
    QStringList tableErrors;
    const std::optional<UsbDeviceTable> table = UsbDeviceTable::load(tablePath, &tableErrors);
    if (!table) {
        for (const QString &e : std::as_const(tableErrors))
            std::fprintf(stderr, "kioskctl devices: %s\n", qPrintable(e));
        exitCode = 1;
    }
    // The listing is the output: no context start/stop chatter on stderr.
    QLoggingCategory::setFilterRules(QStringLiteral("onestop.usb.info=false"));
    UsbContext usb;
    QString error;
    if (!usb.start(&error)) {
        std::fprintf(stderr, "kioskctl devices: USB unavailable: %s\n", qPrintable(error));
        return 1;
    }
    const QList<UsbDeviceInfo> devices = usb.devices();
    usb.stop();

    QJsonArray rows;
    for (const UsbDeviceInfo &device : devices) {
        const QList<UsbDeviceEntry> entries =
            table ? table->findAll(device.vendorId, device.productId) : QList<UsbDeviceEntry>();
        QString why;
        const bool canOpen = UsbContext::canOpen(device, &why);
        if (json) {
            QJsonArray drivers;
            for (const UsbDeviceEntry &entry : entries) {
                QJsonObject d{{QStringLiteral("kind"), entry.kind},
                              {QStringLiteral("driver"), entry.driver},
                              {QStringLiteral("transport"), entry.transport}};
                if (entry.interfaceNumber >= 0)
                    d.insert(QStringLiteral("interface"), entry.interfaceNumber);
                drivers.append(d);
            }
            QJsonArray classes;
            for (quint8 c : device.interfaceClasses)
                classes.append(int(c));
            QJsonObject row{{QStringLiteral("key"), device.key()},
                            {QStringLiteral("vid"), hex(device.vendorId)},
                            {QStringLiteral("pid"), hex(device.productId)},
                            {QStringLiteral("bus"), int(device.busNumber)},
                            {QStringLiteral("address"), int(device.deviceAddress)},
                            {QStringLiteral("manufacturer"), device.manufacturer},
                            {QStringLiteral("product"), device.product},
                            {QStringLiteral("serial"), device.serialNumber},
                            {QStringLiteral("interface_classes"), classes},
                            {QStringLiteral("drivers"), drivers},
                            {QStringLiteral("can_open"), canOpen}};
            if (!canOpen)
                row.insert(QStringLiteral("open_problem"), why);
            rows.append(row);
            continue;
        }
        QStringList driverTexts;
        for (const UsbDeviceEntry &entry : entries)
            driverTexts << QStringLiteral("%1 %2 (%3)").arg(entry.kind, entry.driver, entry.transport);
        const QString name = device.product.isEmpty() ? QStringLiteral("-") : device.product;
        std::printf("%s  %s  %-28s  classes %-8s  %s  %s\n", qPrintable(device.key()),
                    qPrintable(device.vidPid()), qPrintable(name),
                    qPrintable(classesText(device.interfaceClasses)),
                    qPrintable(driverTexts.isEmpty() ? QStringLiteral("no driver")
                                                     : driverTexts.join(QStringLiteral("; "))),
                    qPrintable(canOpen ? QStringLiteral("can open") : QStringLiteral("cannot open: ") + why));
    }
    if (json) {
        const QJsonObject root{{QStringLiteral("table"), tablePath},
                               {QStringLiteral("table_ok"), bool(table)},
                               {QStringLiteral("devices"), rows}};
        std::fputs(QJsonDocument(root).toJson(QJsonDocument::Indented).constData(), stdout);
    } else if (devices.isEmpty()) {
        std::printf("no USB devices\n");
    }
    return exitCode;
}
