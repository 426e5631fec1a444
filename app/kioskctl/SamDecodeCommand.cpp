// kioskctl sam-decode FILE: one SAM response frame (raw bytes, or hex text) -> one JSON object on stdout.
// A technician's tool: it prints the card's values in full, on purpose. Nothing is logged.
//   exit 0: decoded; 2: the SAM reported a failure (SW3 not 0x90); 3: malformed frame or data;
//   64: usage or unreadable file.

#include "KioskctlCommand.h"

#include "sam/SamFrame.h"
#include "sam/SamReadResponse.h"
#include "sam/SamStatus.h"
#include "sam/SamTextBlock.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {
const char kUsage[] = "usage: kioskctl sam-decode FILE\n"
                      "  FILE holds one SAM response frame: raw bytes, or hex text (spaces/newlines ignored).\n"
                      "  Prints one JSON object. Exit 0 decoded, 2 SAM failure (SW3), 3 malformed, 64 usage.\n";

int usage()
{
    std::fputs(kUsage, stderr);
    return 64;
}

int malformed(const QString &what)
{
    std::fprintf(stderr, "kioskctl sam-decode: %s\n", qPrintable(what));
    return 3;
}

void printJson(const QJsonObject &object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
}

bool isHexText(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return false;
    for (char c : bytes) {
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!hex && !space)
            return false;
    }
    return true;
}

QString isoDate(const QDate &date)
{
    return date.toString(QStringLiteral("yyyy-MM-dd"));
}

QJsonObject cardJson(const IdCardData &card, int photoBytes)
{
    QJsonObject o;
    o.insert(QStringLiteral("card_type"), IdCardData::cardTypeCode(card.cardType));
    o.insert(QStringLiteral("name"), card.name);
    o.insert(QStringLiteral("sex"), IdCardData::sexCode(card.sex));
    o.insert(QStringLiteral("birth"), isoDate(card.birth));
    o.insert(QStringLiteral("id_number"), card.idNumber);
    o.insert(QStringLiteral("address"), card.address);
    o.insert(QStringLiteral("issuer"), card.issuer);
    o.insert(QStringLiteral("valid_from"), isoDate(card.validFrom));
    o.insert(QStringLiteral("valid_to"), card.longTerm ? QStringLiteral("long-term") : isoDate(card.validTo));
    o.insert(QStringLiteral("photo_bytes"), photoBytes);
    switch (card.cardType) {
    case IdCardData::CardType::Resident:
        o.insert(QStringLiteral("ethnicity"), card.ethnicity);
        break;
    case IdCardData::CardType::HkMoTwPermit:
        o.insert(QStringLiteral("pass_number"), card.passNumber);
        o.insert(QStringLiteral("issue_count"), card.issueCount);
        break;
    case IdCardData::CardType::Foreign2017:
    case IdCardData::CardType::Foreign2023:
        o.insert(QStringLiteral("english_name"), card.englishName);
        o.insert(QStringLiteral("chinese_name"), card.chineseName);
        o.insert(QStringLiteral("nationality"), card.nationality);
        if (card.cardType == IdCardData::CardType::Foreign2023)
            o.insert(QStringLiteral("renewal_count"), card.renewalCount);
        break;
    }
    return o;
}

// A successful frame: a read-text response (30 01 or 30 10, told apart by their length headers) or an
// appended address (30 03, 70 bytes).
int decodeSuccess(const Sam::SamResponse &response)
{
    if (response.data.size() == Sam::kAppendedAddressSize) {
        const Sam::AppendedAddress address = Sam::decodeAppendedAddress(response);
        if (!address.ok())
            return malformed(QStringLiteral("appended address: ") + address.error.message());
        QJsonObject o;
        o.insert(QStringLiteral("appended_address"), address.address);
        printJson(o);
        return 0;
    }
    Sam::ReadTextParts parts = Sam::splitReadText(response);
    if (!parts.ok()) {
        const Sam::ReadTextParts withPrints = Sam::splitReadWithFingerprint(response);
        if (!withPrints.ok())
            return malformed(QStringLiteral("read text: ") + parts.error.message());
        parts = withPrints;
    }
    const Sam::TextBlockResult text = Sam::decodeTextBlock(parts.text);
    if (!text.ok())
        return malformed(QStringLiteral("text block: ") + text.error.message());
    QJsonObject o = cardJson(text.card, parts.photo.size());
    if (parts.withFingerprint)
        o.insert(QStringLiteral("fingerprint_bytes"), parts.fingerprint.size());
    printJson(o);
    return 0;
}
} // namespace

int runSamDecode(const QStringList &arguments)
{
    if (arguments.size() != 1 || arguments.first().startsWith(QLatin1Char('-')))
        return usage();
    QFile file(arguments.first());
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "kioskctl sam-decode: cannot read %s: %s\n", qPrintable(arguments.first()),
                     qPrintable(file.errorString()));
        return usage();
    }
    QByteArray bytes = file.readAll();
    if (isHexText(bytes)) {
        QByteArray digits = bytes;
        digits.replace(' ', "").replace('\t', "").replace('\n', "").replace('\r', "");
        if (digits.size() % 2 != 0)
            return malformed(QStringLiteral("hex text: odd number of digits (%1)").arg(digits.size()));
        bytes = QByteArray::fromHex(digits);
    }

    const Sam::SamResponse response = Sam::parseResponse(bytes);
    if (!response.ok())
        return malformed(response.error.message());
    if (response.consumed != bytes.size())
        return malformed(QStringLiteral("%1 bytes after the frame").arg(bytes.size() - response.consumed));

    const Sam::SamStatus status = Sam::SamStatus::fromSw3(response.sw3);
    if (!status.isSuccess()) {
        QJsonObject o;
        o.insert(QStringLiteral("error"), status.description());
        o.insert(QStringLiteral("sw3"), status.hex());
        printJson(o);
        return 2;
    }
    return decodeSuccess(response);
}
