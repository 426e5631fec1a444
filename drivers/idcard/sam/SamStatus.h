#pragma once

#include <QString>

// SW3, the result byte of every SAM response. Pure functions, safe on any thread.
namespace Sam {

enum class Status {
    Success,                    // 0x90
    NoContent,                  // 0x91 (e.g. no appended address)
    CardFound,                  // 0x9F
    ChecksumError,              // 0x10
    LengthError,                // 0x11
    BadCommand,                 // 0x21
    NotPermitted,               // 0x23
    UnknownError,               // 0x24
    CardFailedToAuthenticateSam, // 0x31
    SamFailedToAuthenticateCard, // 0x32
    InformationCheckFailed,     // 0x33
    FingerprintCheckFailed,     // 0x37
    InformationLengthError,     // 0x3F
    UnknownCardType,            // 0x40
    ReadFailed,                 // 0x41
    RandomNumberFailed,         // 0x47
    SamSelfTestFailed,          // 0x60
    SamNotAuthorised,           // 0x66
    NoCard,                     // 0x80: find card failed
    SelectCardFailed,           // 0x81
    Unknown,                    // any other byte; SamStatus::byte keeps it
};

struct SamStatus
{
    Status status = Status::Unknown;
    quint8 byte = 0;

    static SamStatus fromSw3(quint8 sw3);
    bool isSuccess() const { return status == Status::Success; }
    QString hex() const;         // "0x80"
    QString description() const; // "no card found"; "unknown status" for Unknown
    QString message() const;     // "0x80: no card found"
};

} // namespace Sam
