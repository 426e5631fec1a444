// kioskctl idcard read [--device SPEC] [--full] [--timeout S] [--wlt LIBRARY] [--address] [--split]
// One read from a real ID card reader, through the same SamIdCardReader and transports as the kiosk.
// Personal data: by default the name and ID number are masked (IdNumber::mask / maskName) and the birth date
// and address are left out; --full prints everything, for a technician checking a reader with their own
// card. Nothing is logged.
//   exit 0: a card was read; 1: the reader failed (open, read; the reason on stderr); 2: no card within the
//   timeout; 64: usage.

#include "KioskctlCommand.h"

#include "IdNumber.h"
#include "SamIdCardReader.h"
#include "SamReaderSpec.h"
#include "WltPhotoDecoder.h"
#include "transport/SamTransport.h"

#if __has_include("UsbContext.h")
#include "UsbContext.h"
#define KIOSKCTL_HAS_USB 1
#endif

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {
const char kUsage[] =
    "usage: kioskctl idcard read [--device SPEC] [--full] [--timeout S] [--wlt LIBRARY] [--address]\n"
    "  SPEC: usb:0400:c35a (default), usb:001/005, usb:0400:c35a,split, serial:/dev/ttyUSB0[@BAUD],\n"
    "        hidraw:/dev/hidraw0\n"
    "  --full      print the full name, ID number, birth date and address (masked by default)\n"
    "  --timeout S wait up to S seconds for a card (default 30)\n"
    "  --wlt LIB   decode the photo with this vendor WLT library (reports the photo size)\n"
    "  --address   also read the appended address (30 03)\n"
    "  Prints one JSON object. Exit 0 read, 1 reader failed, 2 no card in time, 64 usage.\n";

int usage()
{
    std::fputs(kUsage, stderr);
    return 64;
}

QString isoDate(const QDate &date)
{
    return date.toString(QStringLiteral("yyyy-MM-dd"));
}

QJsonObject cardJson(const IdCardData &card, bool full)
{
    QJsonObject o;
    o.insert(QStringLiteral("card_type"), IdCardData::cardTypeCode(card.cardType));
    o.insert(QStringLiteral("name"), full ? card.name : IdNumber::maskName(card.name));
    o.insert(QStringLiteral("id_number"), full ? card.idNumber : IdNumber::mask(card.idNumber));
    o.insert(QStringLiteral("sex"), IdCardData::sexCode(card.sex));
    o.insert(QStringLiteral("valid_to"), card.longTerm ? QStringLiteral("long-term") : isoDate(card.validTo));
    o.insert(QStringLiteral("photo"),
             card.photo.isNull() ? QStringLiteral("none")
                                 : QStringLiteral("%1x%2").arg(card.photo.width()).arg(card.photo.height()));
    if (full) {
        o.insert(QStringLiteral("birth"), isoDate(card.birth));
        o.insert(QStringLiteral("address"), card.address);
        o.insert(QStringLiteral("issuer"), card.issuer);
        o.insert(QStringLiteral("valid_from"), isoDate(card.validFrom));
        if (!card.ethnicity.isEmpty())
            o.insert(QStringLiteral("ethnicity"), card.ethnicity);
        if (!card.appendedAddress.isEmpty())
            o.insert(QStringLiteral("appended_address"), card.appendedAddress);
        if (!card.englishName.isEmpty())
            o.insert(QStringLiteral("english_name"), card.englishName);
        if (!card.nationality.isEmpty())
            o.insert(QStringLiteral("nationality"), card.nationality);
    }
    return o;
}

int readOnce(const QStringList &arguments)
{
    QString device = QStringLiteral("usb:0400:c35a");
    QString wlt;
    bool full = false;
    bool address = false;
    int timeoutSeconds = 30;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        const bool hasValue = i + 1 < arguments.size();
        if (a == QLatin1String("--full")) {
            full = true;
        } else if (a == QLatin1String("--address")) {
            address = true;
        } else if (a == QLatin1String("--device") && hasValue) {
            device = arguments.at(++i);
        } else if (a == QLatin1String("--wlt") && hasValue) {
            wlt = arguments.at(++i);
        } else if (a == QLatin1String("--timeout") && hasValue) {
            bool ok = false;
            timeoutSeconds = arguments.at(++i).toInt(&ok);
            if (!ok || timeoutSeconds <= 0)
                return usage();
        } else {
            return usage();
        }
    }

    QString error;
    const SamReaderSpec spec = SamReaderSpec::parse(device, &error);
    if (spec.kind == SamReaderSpec::Kind::Invalid) {
        std::fprintf(stderr, "kioskctl idcard read: %s\n", qPrintable(error));
        return 64;
    }
    UsbContext *usbContext = nullptr;
#ifdef KIOSKCTL_HAS_USB
    std::unique_ptr<UsbContext> usb;
    if (spec.kind == SamReaderSpec::Kind::Usb) {
        usb = std::make_unique<UsbContext>();
        if (!usb->start(&error)) {
            std::fprintf(stderr, "kioskctl idcard read: USB: %s\n", qPrintable(error));
            return 1;
        }
        usbContext = usb.get();
    }
#endif
    SamTransport *transport = spec.createTransport(usbContext, &error);
    if (!transport) {
        std::fprintf(stderr, "kioskctl idcard read: %s\n", qPrintable(error));
        return 1;
    }
    SamIdCardReader::Options options;
    options.reopenIntervalMs = 0;
    options.readAppendedAddress = address;
    auto decoder = std::make_shared<WltPhotoDecoder>(wlt);
    SamIdCardReader reader(QStringLiteral("kioskctl"), transport, options, decoder);

    int exitCode = 2;
    QEventLoop loop;
    QObject::connect(&reader, &SamIdCardReader::cardRead, &loop, [&](const IdCardData &card) {
        std::fputs(QJsonDocument(cardJson(card, full)).toJson(QJsonDocument::Indented).constData(), stdout);
        exitCode = 0;
        loop.quit();
    });
    QObject::connect(
        &reader, &SamIdCardReader::errorOccurred, &loop,
        [&](const QString &operation, const QString &detail) {
            std::fprintf(stderr, "kioskctl idcard read: %s: %s\n", qPrintable(operation), qPrintable(detail));
            if (operation !=
                QLatin1String("poll reader")) { // a failed poll may pass; anything else ends the read
                exitCode = 1;
                loop.quit();
            }
        });
    QTimer::singleShot(timeoutSeconds * 1000, &loop, [&] {
        std::fprintf(stderr, "kioskctl idcard read: no card within %d s (%s: %s)\n", timeoutSeconds,
                     qPrintable(reader.transport()->description()),
                     qPrintable(Device::statusName(reader.status())));
        loop.quit();
    });
    if (!wlt.isEmpty() && !decoder->isAvailable())
        std::fprintf(stderr, "kioskctl idcard read: no photo: %s\n", qPrintable(decoder->reason()));
    reader.start();
    loop.exec();
    reader.stop();
    return exitCode;
}
} // namespace

int runIdcard(const QStringList &arguments)
{
    if (arguments.isEmpty() || arguments.first() != QLatin1String("read"))
        return usage();
    return readOnce(arguments.mid(1));
}
