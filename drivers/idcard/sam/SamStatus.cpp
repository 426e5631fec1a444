#include "SamStatus.h"

namespace Sam {

namespace {
struct Entry
{
    quint8 byte;
    Status status;
    const char *description;
};

const Entry kEntries[] = {
    {0x90, Status::Success, "success"},
    {0x91, Status::NoContent, "no content for this item"},
    {0x9F, Status::CardFound, "card found"},
    {0x10, Status::ChecksumError, "checksum error in the command"},
    {0x11, Status::LengthError, "length error in the command"},
    {0x21, Status::BadCommand, "bad command"},
    {0x23, Status::NotPermitted, "command not permitted"},
    {0x24, Status::UnknownError, "unknown error"},
    {0x31, Status::CardFailedToAuthenticateSam, "card failed to authenticate the SAM"},
    {0x32, Status::SamFailedToAuthenticateCard, "SAM failed to authenticate the card"},
    {0x33, Status::InformationCheckFailed, "information check failed"},
    {0x37, Status::FingerprintCheckFailed, "fingerprint check failed"},
    {0x3F, Status::InformationLengthError, "information length error"},
    {0x40, Status::UnknownCardType, "unknown card type"},
    {0x41, Status::ReadFailed, "read card failed"},
    {0x47, Status::RandomNumberFailed, "random number failed"},
    {0x60, Status::SamSelfTestFailed, "SAM self-test failed"},
    {0x66, Status::SamNotAuthorised, "SAM not authorised"},
    {0x80, Status::NoCard, "no card found"},
    {0x81, Status::SelectCardFailed, "select card failed"},
};
} // namespace

SamStatus SamStatus::fromSw3(quint8 sw3)
{
    for (const Entry &e : kEntries) {
        if (e.byte == sw3)
            return SamStatus{e.status, sw3};
    }
    return SamStatus{Status::Unknown, sw3};
}

QString SamStatus::hex() const
{
    return QStringLiteral("0x%1").arg(byte, 2, 16, QLatin1Char('0'));
}

QString SamStatus::description() const
{
    for (const Entry &e : kEntries) {
        if (e.status == status && e.byte == byte)
            return QString::fromLatin1(e.description);
    }
    return QStringLiteral("unknown status");
}

QString SamStatus::message() const
{
    return hex() + QStringLiteral(": ") + description();
}

} // namespace Sam
