#include "CaseReceipt.h"
#include "EscPosDecoder.h"
#include "StrictWarnings.h"

#include <QTest>

// The receipt's content, read back through the ESC/POS decoder (the test oracle).
class TestCaseReceipt : public QObject
{
    Q_OBJECT

    static CaseReceiptContent content()
    {
        CaseReceiptContent c;
        c.centerName = QStringLiteral("徐汇区田林街道社区事务受理服务中心");
        c.serviceName = QStringLiteral("社会保障卡补换卡");
        c.caseNumber = QStringLiteral("SH-XH-TLQ-20261127-0001");
        c.submittedAt = QDateTime(QDate(2026, 11, 27), QTime(9, 30));
        c.maskedName = QStringLiteral("王**");
        c.maskedIdNumber = QStringLiteral("310104********0029");
        c.synced = true;
        c.trackingUrl = QStringLiteral("https://zwdt.sh.gov.cn/track?case=8c1f0d2e-0000-4000-8000-000000000001");
        return c;
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void carriesEverythingTheResidentNeeds()
    {
        QString error;
        const QByteArray bytes = CaseReceipt::build(content(), 48, &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        const EscPosElements elements = EscPosDecoder::decode(bytes);
        QString text;
        QStringList qr;
        bool cut = false;
        for (const EscPosElement &e : elements) {
            if (e.kind == EscPosElement::Kind::TextLine)
                text += e.text + QLatin1Char('\n');
            else if (e.kind == EscPosElement::Kind::Qr)
                qr.append(QString::fromUtf8(e.data));
            else if (e.kind == EscPosElement::Kind::Cut)
                cut = true;
        }
        QVERIFY2(text.contains(QStringLiteral("社会保障卡补换卡")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("SH-XH-TLQ-20261127-0001")));
        QVERIFY(text.contains(QStringLiteral("2026-11-27 09:30")));
        QVERIFY(text.contains(QStringLiteral("310104********0029")));
        QVERIFY(text.contains(QStringLiteral("王**")));
        QVERIFY(!text.contains(QStringLiteral("310104194803010029")));
        QVERIFY(text.contains(QStringLiteral("platform"))); // synced state, untranslated here
        QCOMPARE(qr, QStringList{content().trackingUrl});
        QVERIFY(cut);
    }

    void wrapsLongLinesAtThePaperWidthCountingChineseAsTwo()
    {
        CaseReceiptContent c = content();
        c.serviceName = QString(40, QChar(0x4E2D)); // 40 wide characters = 80 columns
        const QByteArray bytes = CaseReceipt::build(c, 32);
        for (const EscPosElement &e : EscPosDecoder::decode(bytes)) {
            if (e.kind != EscPosElement::Kind::TextLine || e.style.width != 1)
                continue;
            int columns = 0;
            for (const QChar ch : e.text)
                columns += ch.unicode() < 0x1100 ? 1 : 2;
            QVERIFY2(columns <= 32, qPrintable(e.text));
        }
    }

    void refusesWhatCannotBeEncoded()
    {
        CaseReceiptContent c = content();
        c.trackingUrl = QString(8000, QLatin1Char('a')); // over the QR store limit
        QString error;
        QVERIFY(CaseReceipt::build(c, 48, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("QR")), qPrintable(error));
    }
};

QTEST_MAIN(TestCaseReceipt)
#include "tst_case_receipt.moc"
