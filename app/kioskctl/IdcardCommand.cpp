// kioskctl idcard read [--device SPEC] [--full] [--timeout S] [--wlt LIBRARY] [--address] [--split]
// One read from a real ID card reader, built by the same driver builders as the kiosk's
// (drivers/idcard/IdCardReaderDrivers.h) from the spec's site.json form.
// Personal data: by default the name and ID number are masked (IdNumber::mask / maskName) and the birth date
// and address are left out; --full prints everything, for a technician checking a reader with their own
// card. Nothing is logged.
//   exit 0: a card was read; 1: the reader failed (open, read; the reason on stderr); 2: no card within the
//   timeout; 64: usage.

#include "KioskctlCommand.h"

#include "IdCardReaderDrivers.h"
#include "IdNumber.h"
#include "SamIdCardReader.h"
#include "SamReaderSpec.h"
#include "UsbContext.h"
#include "WltPhotoDecoder.h"
#include "transport/SamTransport.h"

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
    DeviceBuildEnvironment environment;
    environment.where = QStringLiteral("kioskctl idcard read --device %1").arg(device);
    std::unique_ptr<UsbContext> usb;
    if (spec.kind == SamReaderSpec::Kind::Usb) {
        usb = std::make_unique<UsbContext>();
        if (!usb->start(&error)) {
            std::fprintf(stderr, "kioskctl idcard read: USB: %s\n", qPrintable(error));
            return 1;
        }
        environment.usb = usb.get();
    }
    DeviceSpec readerSpec = spec.toDeviceSpec(QStringLiteral("kioskctl"));
    readerSpec.options.insert(QStringLiteral("reopen_ms"), QStringLiteral("0")); // report an absent reader
    readerSpec.options.insert(QStringLiteral("read_address"),
                              address ? QStringLiteral("true") : QStringLiteral("false"));
    if (!wlt.isEmpty())
        readerSpec.options.insert(QStringLiteral("wlt_library"), wlt);
    DeviceBuildReport report(readerSpec, environment.where);
    const std::unique_ptr<IdCardReader> built = buildDevice(idCardReaderDrivers(), readerSpec, environment,
                                                            report, QStringLiteral("an ID card reader"));
    auto *samReader = qobject_cast<SamIdCardReader *>(built.get());
    if (!samReader) {
        std::fprintf(stderr, "kioskctl idcard read: %s\n",
                     qPrintable(report.problems().join(QLatin1Char('\n'))));
        return 1;
    }
    SamIdCardReader &reader = *samReader;
    const auto decoder = std::make_shared<WltPhotoDecoder>(wlt); // for the "no photo" message below

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
