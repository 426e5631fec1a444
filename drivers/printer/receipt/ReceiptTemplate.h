#pragma once

#include "EscPosElement.h"

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

struct ReceiptPrinterProfile;

// The paper a template is laid out for (from a ReceiptPrinterProfile, or a bare width).
struct ReceiptPaper
{
    int columns = 48;        // font A characters a line; a Chinese character takes two
    int dots = 576;          // printable width
    int maxQrModule = 8;     // a qr module= above this is lowered to it
    enum class Cutter { None, Partial, Full } cutter = Cutter::Partial;
    QImage logo;             // printed by `logo`; a null image skips the line

    static ReceiptPaper forProfile(const ReceiptPrinterProfile &profile, const QImage &logo = QImage());
    static ReceiptPaper forColumns(int columns, const QImage &logo = QImage()); // 32 -> 384 dots, else 576
};

// A receipt layout as data: a tiny line-based language (see docs/receipts.md), one file per kind and
// language in kiosk-config/receipts/ ("case-receipt.zh.txt"), rendered through EscPosBuilder.
//
//   # comment
//   logo
//   text center bold size=2x2 | {center_name}
//   rule
//   text | 编号：{case_id}
//   qr module=6 | {tracking_qr}
//   barcode height=64 | {barcode}
//   value sync_state synced | 已送达政务服务平台
//   feed 3
//   cut
//
// Fields are a closed vocabulary (fieldNames()): only masked personal values exist in it, so a template
// cannot print a full name or ID number. Text lines wrap at the paper width divided by the size's width,
// counting a Chinese character as two columns. Thread: any (pure; the logo is dithered per render).
class ReceiptTemplate
{
public:
    // Parses a template. On error: an invalid template and *error = "FILE: line N: what is wrong".
    static ReceiptTemplate parse(const QString &text, const QString &fileName, QString *error = nullptr);
    // kind: "case-receipt", "queue-ticket", "thank-you"; language: "zh" or "en" ("zh_CN" counts as zh).
    // directory: where the files are; empty = the built-in copy of kiosk-config/receipts/.
    static ReceiptTemplate load(const QString &kind, const QString &language, QString *error = nullptr,
                                const QString &directory = QString());
    static QString builtInDirectory() { return QStringLiteral(":/onestop/printer/receipts"); }
    // assets/receipt/logo.png, compiled in.
    static QImage builtInLogo();
    static QStringList fieldNames();

    bool isValid() const { return m_valid; }
    QString fileName() const { return m_fileName; }
    // The fields the template prints.
    QStringList usedFields() const;

    // ESC/POS bytes, or empty and *error ("case-receipt.en.txt: line 9: QR data: 8000 bytes, the limit is
    // 7089"; "...: line 4: no value for {service}").
    QByteArray render(const QHash<QString, QString> &fields, const ReceiptPaper &paper,
                      QString *error = nullptr) const;

    // Splits text into lines of at most `columns` printer columns (Chinese characters count two).
    static QStringList wrap(const QString &text, int columns);
    static int columnsOf(const QString &text);

    struct Line
    {
        enum class Kind { Text, Rule, Qr, Barcode, Logo, Feed, Cut } kind = Kind::Text;
        int number = 0; // in the file, for errors
        EscPosAlign align = EscPosAlign::Left;
        bool alignSet = false;
        bool bold = false;
        int underline = 0;
        int width = 1, height = 1;
        int module = 6;       // qr
        int barHeight = 64;   // barcode
        int count = 1;        // feed lines
        QString payload;      // text after "|", with {fields}; rule: its character
    };

private:
    QString substitute(const Line &line, const QHash<QString, QString> &fields, QString *missing) const;

    bool m_valid = false;
    QString m_fileName;
    QList<Line> m_lines;
    QHash<QString, QHash<QString, QString>> m_values; // field -> value -> printed words
};
