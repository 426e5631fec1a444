#pragma once

#include "ReceiptTemplate.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

// What a case receipt says. Personal values arrive here already masked.
struct CaseReceiptContent
{
    QString centerName;
    QString serviceName;
    QString caseNumber;
    QDateTime submittedAt; // local time is printed
    QString maskedName;
    QString maskedIdNumber;
    bool synced = false;
    QString trackingUrl;
    // The resident's language ("zh_CN", "zh" or "en"); empty: the default locale's (zh when it is Chinese).
    QString language;
};

// Lays out a case receipt as ESC/POS bytes from the case-receipt template (kiosk-config/receipts/
// case-receipt.<lang>.txt, see docs/receipts.md) for a printer with `columns` characters per line (a
// Chinese character takes two). Pure. Empty bytes and *error set when the content cannot be encoded.
class CaseReceipt
{
public:
    // The built-in templates and logo, paper from the column count (32 -> 58 mm, else 80 mm).
    static QByteArray build(const CaseReceiptContent &content, int columns, QString *error = nullptr);
    // paper: from the printer's profile; templateDirectory: empty = the built-in templates.
    static QByteArray build(const CaseReceiptContent &content, const ReceiptPaper &paper, QString *error,
                            const QString &templateDirectory = QString());
    // The template's fields for this content (masked values only).
    static QHash<QString, QString> fields(const CaseReceiptContent &content);
};
