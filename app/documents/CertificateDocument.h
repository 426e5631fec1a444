#pragma once

#include "CertificateTemplate.h"
#include "DocumentContent.h"

#include <QByteArray>

// A certificate-style A4 document (e.g. a residence certificate, 居住证明) from a CertificateTemplate: the
// title, an optional reference number, the addressee, the filled paragraphs, the closing line, and the
// issuing centre and date at the bottom right; for a certificate the platform issued, its verification QR
// with the code and the last day of validity below them. Thread: any thread once a QGuiApplication exists.
namespace CertificateDocument {
// The PDF's bytes (in memory); empty and *error set ("certificate residence-certificate: ...") on failure.
QByteArray render(const CertificateTemplate &certificate, const CertificateContent &content,
                  QString *error = nullptr);
} // namespace CertificateDocument
