#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// What a receipt printer model can do, as data (kiosk-config/devices/receipt-printers.json).
struct ReceiptPrinterProfile
{
    enum class Cutter { None, Partial, Full };

    QString id;              // "58mm", "80mm"
    int paperWidthMm = 80;
    int dots = 576;
    int charsPerLine = 48;
    bool startsInChineseMode = false; // false: the receipt must send FS & before Chinese text
    Cutter cutter = Cutter::Partial;
    int maxQrModule = 8;
    int rasterMaxWidthDots = 576;
};

// A known USB receipt printer: VID:PID -> profile and endpoints. An endpoint of 0 means "take the first
// bulk endpoint of that direction from the descriptors" (the POS-5890's OUT is 0x01 or 0x03).
struct KnownReceiptPrinter
{
    QString name;
    quint16 vendorId = 0;
    quint16 productId = 0;
    QString profile;
    int interfaceNumber = 0;
    quint8 outEndpoint = 0;
    quint8 inEndpoint = 0;
};

struct ReceiptPrinterProfiles
{
    QMap<QString, ReceiptPrinterProfile> profiles;
    QList<KnownReceiptPrinter> devices;

    const KnownReceiptPrinter *find(quint16 vendorId, quint16 productId) const;
    // The profile for a paper width: the first profile with that width, in id order.
    const ReceiptPrinterProfile *forPaperWidth(int mm) const;

    // Reads the file. Any problem gives no profiles and every error as "file: /json/pointer: message"
    // (the style of app/config), e.g. "receipt-printers.json: /profiles/58mm/dots: expected 384 or 576
    // for 58 mm paper, found 576". Thread: any.
    static ReceiptPrinterProfiles load(const QString &path, QStringList *errors);
    static ReceiptPrinterProfiles parse(const QByteArray &json, const QString &fileName, QStringList *errors);
    // The built-in copy (compiled from kiosk-config/devices/receipt-printers.json).
    static ReceiptPrinterProfiles builtIn();
    static QString builtInPath() { return QStringLiteral(":/onestop/printer/devices/receipt-printers.json"); }
};
