#pragma once

#include <QByteArray>
#include <QCoreApplication>
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
};

// Lays out a case receipt as ESC/POS bytes for a printer with `columns` characters per line (a Chinese
// character takes two). Labels are in the current UI language (the resident's). Pure. Empty bytes and
// *error set when the content cannot be encoded.
class CaseReceipt
{
    Q_DECLARE_TR_FUNCTIONS(CaseReceipt)
public:
    static QByteArray build(const CaseReceiptContent &content, int columns, QString *error = nullptr);
};
