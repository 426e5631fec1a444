// Receipt templates as data (kiosk-config/receipts/): the language's errors, wrapping, value words,
// every shipped template in both languages, queue tickets and thank-you slips read back by the decoder.
#include "EscPosDecoder.h"
#include "ReceiptSlips.h"
#include "ReceiptTemplate.h"
#include "StrictWarnings.h"

#include <QDir>
#include <QTest>

namespace {
struct Decoded
{
    QStringList text;
    QStringList qr;
    QStringList barcodes;
    int images = 0;
    int cuts = 0;
    QList<EscPosElement> lines;
};

Decoded decode(const QByteArray &bytes)
{
    Decoded d;
    const EscPosElements elements = EscPosDecoder::decode(bytes);
    const QStringList problems = EscPosDecoder::problems(elements);
    if (!problems.isEmpty())
        qWarning("decode problems: %s", qPrintable(problems.join(QLatin1String("; "))));
    for (const EscPosElement &e : elements) {
        if (e.kind == EscPosElement::Kind::TextLine) {
            d.text.append(e.text);
            d.lines.append(e);
        } else if (e.kind == EscPosElement::Kind::Qr) {
            d.qr.append(QString::fromUtf8(e.data));
        } else if (e.kind == EscPosElement::Kind::Barcode) {
            d.barcodes.append(QString::fromLatin1(e.data));
        } else if (e.kind == EscPosElement::Kind::Image) {
            ++d.images;
        } else if (e.kind == EscPosElement::Kind::Cut) {
            ++d.cuts;
        }
    }
    return d;
}
} // namespace

class TestPrinterTemplates : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void parseErrorsNameFileAndLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("directive") << "text | a\ntxt | b" << "t.txt: line 2: unknown directive \"txt\" (expected text, rule, qr, barcode, logo, feed, cut or value)";
        QTest::newRow("field") << "# c\ntext | {id_number}" << "t.txt: line 2: unknown field {id_number} (known: " + ReceiptTemplate::fieldNames().join(QLatin1String(", ")) + ")";
        QTest::newRow("size") << "text size=9x1 | a" << "t.txt: line 1: size \"9x1\": expected WxH, each 1..8";
        QTest::newRow("no payload") << "qr module=4" << "t.txt: line 1: qr needs \"| content\"";
        QTest::newRow("option") << "cut bold" << "t.txt: line 1: option \"bold\" does not apply to cut";
        QTest::newRow("empty") << "# nothing\n" << "t.txt: line 2: the template prints nothing";
        QTest::newRow("feed") << "feed many" << "t.txt: line 1: feed \"many\": expected 0..255 lines";
    }
    void parseErrorsNameFileAndLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QString got;
        QVERIFY(!ReceiptTemplate::parse(text, QStringLiteral("t.txt"), &got).isValid());
        QCOMPARE(got, error);
    }

    void renderErrorsNameTheLine()
    {
        QString error;
        const ReceiptTemplate t = ReceiptTemplate::parse(
            QStringLiteral("text | {case_id}\nvalue sync_state synced | ok\ntext | {sync_state}\nqr | {tracking_qr}"),
            QStringLiteral("t.txt"), &error);
        QVERIFY2(t.isValid(), qPrintable(error));
        QCOMPARE(t.usedFields(), (QStringList{QStringLiteral("case_id"), QStringLiteral("sync_state"), QStringLiteral("tracking_qr")}));
        QHash<QString, QString> f{{QStringLiteral("case_id"), QStringLiteral("A1")},
                                  {QStringLiteral("sync_state"), QStringLiteral("synced")}};
        QVERIFY(t.render(f, ReceiptPaper::forColumns(48), &error).isEmpty());
        QCOMPARE(error, QStringLiteral("t.txt: line 4: no value for {tracking_qr}"));
        f.insert(QStringLiteral("tracking_qr"), QString(8000, QLatin1Char('a')));
        QVERIFY(t.render(f, ReceiptPaper::forColumns(48), &error).isEmpty());
        QCOMPARE(error, QStringLiteral("t.txt: line 4: QR data: 8000 bytes, the limit is 7089"));
        f.insert(QStringLiteral("tracking_qr"), QStringLiteral("x"));
        f.insert(QStringLiteral("sync_state"), QStringLiteral("lost"));
        QVERIFY(t.render(f, ReceiptPaper::forColumns(48), &error).isEmpty());
        QCOMPARE(error, QStringLiteral("t.txt: line 3: {sync_state}: no \"value sync_state lost\" line"));
        f.insert(QStringLiteral("sync_state"), QStringLiteral("synced"));
        const Decoded d = decode(t.render(f, ReceiptPaper::forColumns(48), &error));
        QCOMPARE(d.text, (QStringList{QStringLiteral("A1"), QStringLiteral("ok"), QString()})); // LF after the QR
        QCOMPARE(d.qr, QStringList{QStringLiteral("x")});
    }

    void wrapsCountingChineseAsTwoAndSizeWidth()
    {
        QString error;
        const ReceiptTemplate t = ReceiptTemplate::parse(
            QStringLiteral("text | {service}\ntext size=2x2 | {center_name}"), QStringLiteral("t.txt"), &error);
        QVERIFY(t.isValid());
        const QHash<QString, QString> f{{QStringLiteral("service"), QString(20, QChar(0x4E2D)) + QStringLiteral("abcdef")},
                                        {QStringLiteral("center_name"), QString(10, QChar(0x4E2D))}};
        const Decoded d = decode(t.render(f, ReceiptPaper::forColumns(32), &error));
        // 20 wide characters = 40 columns + 6: 16 + 4 wide, then 6 ASCII
        QCOMPARE(d.text.value(0), QString(16, QChar(0x4E2D)));
        QCOMPARE(d.text.value(1), QString(4, QChar(0x4E2D)) + QStringLiteral("abcdef"));
        // double width: 16 columns a line = 8 wide characters
        QCOMPARE(d.text.value(2), QString(8, QChar(0x4E2D)));
        QCOMPARE(d.lines.value(2).style.width, 2);
        QCOMPARE(d.text.value(3), QString(2, QChar(0x4E2D)));
        QCOMPARE(ReceiptTemplate::columnsOf(QStringLiteral("中a")), 3);
    }

    void everyShippedTemplateParsesInBothLanguages_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *kind : {"case-receipt", "queue-ticket", "thank-you", "test-receipt"})
            QTest::newRow(kind) << QString::fromLatin1(kind);
    }
    void everyShippedTemplateParsesInBothLanguages()
    {
        QFETCH(QString, kind);
        const QString dir = qEnvironmentVariable("ONESTOP_SOURCE_DIR") + QStringLiteral("/kiosk-config/receipts");
        for (const QString &lang : {QStringLiteral("zh"), QStringLiteral("en")}) {
            QString error;
            const ReceiptTemplate shipped = ReceiptTemplate::load(kind, lang, &error, dir);
            QVERIFY2(shipped.isValid(), qPrintable(error));
            const ReceiptTemplate builtIn = ReceiptTemplate::load(kind, lang, &error);
            QVERIFY2(builtIn.isValid(), qPrintable(error));
            QCOMPARE(builtIn.usedFields(), shipped.usedFields());
            // Privacy: only masked personal fields exist in the vocabulary.
            for (const QString &field : shipped.usedFields())
                QVERIFY(!field.contains(QLatin1String("name")) || field == QLatin1String("masked_name") ||
                        field == QLatin1String("center_name"));
        }
        QString error;
        QVERIFY(!ReceiptTemplate::load(kind, QStringLiteral("en"), &error, QDir::tempPath() + QStringLiteral("/no-such-dir")).isValid());
        QVERIFY2(error.startsWith(kind + QStringLiteral(".en.txt: cannot be read")), qPrintable(error));
    }

    void queueTicket_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("waiting");
        QTest::newRow("zh") << "zh_CN" << QStringLiteral("您前面还有 3 人");
        QTest::newRow("en") << "en" << QStringLiteral("People ahead of you: 3");
    }
    void queueTicket()
    {
        QFETCH(QString, language);
        QFETCH(QString, waiting);
        QueueTicketContent c;
        c.language = language;
        c.centerName = QStringLiteral("田林街道社区事务受理服务中心");
        c.ticketNumber = QStringLiteral("A017");
        c.serviceName = QStringLiteral("社保卡");
        c.waitingCount = 3;
        c.issuedAt = QDateTime(QDate(2026, 11, 27), QTime(9, 5));
        QString error;
        const QByteArray bytes = ReceiptSlips::queueTicket(c, ReceiptPaper::forColumns(32), &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        const Decoded d = decode(bytes);
        QVERIFY2(d.text.contains(QStringLiteral("A017")), qPrintable(d.text.join(QLatin1Char('|'))));
        QVERIFY(d.text.contains(waiting));
        QVERIFY(d.text.join(QLatin1Char('|')).contains(QStringLiteral("2026-11-27 09:05")));
        QCOMPARE(d.barcodes, QStringList{QStringLiteral("{BA017")});
        QCOMPARE(d.cuts, 1);
        int big = 0;
        for (const EscPosElement &e : d.lines)
            big += e.text == QLatin1String("A017") && e.style.width == 3;
        QCOMPARE(big, 1);

        c.ticketNumber = QStringLiteral("号17"); // not barcode-able: refused with the line
        QVERIFY(ReceiptSlips::queueTicket(c, ReceiptPaper::forColumns(32), &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("not printable ASCII")), qPrintable(error));
        QVERIFY2(error.startsWith(QStringLiteral("queue-ticket.")), qPrintable(error));
    }

    void thankYouSlip()
    {
        ThankYouContent c;
        c.language = QStringLiteral("zh");
        c.centerName = QStringLiteral("田林街道");
        c.rating = 4;
        c.caseNumber = QStringLiteral("SH-0001");
        c.surveyUrl = QStringLiteral("https://example.gov.cn/s?c=SH-0001");
        c.printedAt = QDateTime(QDate(2026, 11, 27), QTime(10, 0));
        QString error;
        Decoded d = decode(ReceiptSlips::thankYou(c, ReceiptPaper::forColumns(48), &error));
        QVERIFY2(d.text.contains(QStringLiteral("您的评价：满意")), qPrintable(d.text.join(QLatin1Char('|')) + error));
        QCOMPARE(d.qr, QStringList{c.surveyUrl});
        c.language = QStringLiteral("en");
        c.rating = 1;
        d = decode(ReceiptSlips::thankYou(c, ReceiptPaper::forColumns(48), &error));
        QVERIFY(d.text.contains(QStringLiteral("Your rating: very dissatisfied")));
        c.rating = 7;
        QVERIFY(ReceiptSlips::thankYou(c, ReceiptPaper::forColumns(48), &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("no \"value rating 7\" line")), qPrintable(error));
    }

    void paperDecidesCutterLogoAndQrSize()
    {
        ReceiptPaper paper = ReceiptPaper::forColumns(32, ReceiptTemplate::builtInLogo());
        paper.cutter = ReceiptPaper::Cutter::None;
        paper.maxQrModule = 3;
        QString error;
        const ReceiptTemplate t = ReceiptTemplate::load(QStringLiteral("test-receipt"), QStringLiteral("en"), &error);
        QHash<QString, QString> f{{QStringLiteral("center_name"), QStringLiteral("C")},
                                  {QStringLiteral("printed_at"), QStringLiteral("now")},
                                  {QStringLiteral("tracking_qr"), QStringLiteral("https://x")},
                                  {QStringLiteral("barcode"), QStringLiteral("T-1")},
                                  {QStringLiteral("test_line"), QStringLiteral("end")}};
        const QByteArray bytes = t.render(f, paper, &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        const EscPosElements elements = EscPosDecoder::decode(bytes);
        int cuts = 0, images = 0, qrModule = 0;
        for (const EscPosElement &e : elements) {
            cuts += e.kind == EscPosElement::Kind::Cut;
            images += e.kind == EscPosElement::Kind::Image;
            if (e.kind == EscPosElement::Kind::Qr)
                qrModule = e.qrModuleSize;
        }
        QCOMPARE(cuts, 0);
        QCOMPARE(images, 1);
        QCOMPARE(qrModule, 3);
    }
};

QTEST_MAIN(TestPrinterTemplates)
#include "tst_printer_templates.moc"
