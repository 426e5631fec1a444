#pragma once

#include <QString>

// What a scanned or typed text is to the progress lookup (pure functions, no I/O).
//   A receipt's tracking QR code is site.json's tracking_url_template with the case id (a UUID) or the
//   case number in its place: https://zwdt.sh.gov.cn/track?case={case_id}. It is parsed strictly: the same
//   scheme, host, path and query around the placeholder, nothing before or after, and a well-formed value;
//   anything else that looks like a link (another host, another path, extra parameters, a value that is
//   not a UUID) is a forged or damaged code.
// Thread: any.
namespace TrackingCode {

enum class Kind {
    NotACode,   // not for the progress lookup (not a link, e.g. an identity code): someone else's
    CaseId,     // a tracking link with a case id
    CaseNumber, // a tracking link with a case number
    Forged      // a link that is not this site's tracking link, or one with a bad value
};

struct Parsed
{
    Kind kind = Kind::NotACode;
    QString value; // the case id (lower case) or the case number (upper case)
};

Parsed parse(const QString &text, const QString &trackingUrlTemplate);

// A typed case number in its stored form (blanks removed, upper case); empty when it cannot be one: 8..64
// characters of A-Z 0-9 in at least three parts joined by '-' ("SH-XH-LHJD-K07-20261127-7Q3F-0001").
QString normalizedCaseNumber(const QString &typed);

} // namespace TrackingCode
