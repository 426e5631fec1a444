// Our encoder and receiptline (installed by the test set-up, see CMakeLists.txt) print the same text
// lines: our decoder reads identical text from both byte streams (Chinese in GB18030, ASCII, markup
// characters), and finds nothing it does not understand in receiptline's.
#include "EscPosDecoder.h"
#include "EscPosEncoder.h"
#include "StrictWarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
QStringList printedText(const QByteArray &bytes, QStringList *problems)
{
    QStringList out;
    const EscPosElements elements = EscPosDecoder::decode(bytes);
    *problems = EscPosDecoder::problems(elements);
    for (const EscPosElement &e : elements) {
        if (e.kind == EscPosElement::Kind::Unknown)
            problems->append(QStringLiteral("unknown bytes at %1: %2").arg(e.offset).arg(QString::fromLatin1(e.raw.toHex(' '))));
        if (e.kind == EscPosElement::Kind::TextLine && !e.text.trimmed().isEmpty())
            out.append(e.text.trimmed());
    }
    return out;
}
} // namespace

class TestPrinterReceiptline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void sameTextFromBothEncoders_data()
    {
        QTest::addColumn<int>("cpl");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("case receipt 80 mm")
            << 48
            << QStringList{QStringLiteral("徐汇区田林街道社区事务受理服务中心"), QStringLiteral("受理回执 Application receipt"),
                           QStringLiteral("事项：社会保障卡补换卡"), QStringLiteral("受理编号：SH-XH-TLQ-20261127-0001"),
                           QStringLiteral("申请人：王**"), QStringLiteral("证件号码：310104********0029"),
                           QStringLiteral("状态：已送达政务服务平台")};
        QTest::newRow("queue ticket 58 mm")
            << 32
            << QStringList{QStringLiteral("排队取号"), QStringLiteral("A017"), QStringLiteral("您前面还有 3 人"),
                           QStringLiteral("Wait: {n} | d_2 ~ \"ok\" ^-=`\\\\"), QStringLiteral("取号时间：2026-11-27 09:05")};
    }
    void sameTextFromBothEncoders()
    {
        QFETCH(int, cpl);
        QFETCH(QStringList, lines);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        EscPosBuilder ours;
        ours.initialize().chineseMode(true);
        for (const QString &line : lines)
            ours.line(line);
        ours.feedLines(3).cut(EscPosCut::Partial);
        QVERIFY2(ours.ok(), qPrintable(ours.error()));

        QFile input(dir.filePath(QStringLiteral("in.json")));
        QVERIFY(input.open(QIODevice::WriteOnly));
        input.write(QJsonDocument(QJsonObject{{QStringLiteral("cpl"), cpl},
                                              {QStringLiteral("lines"), QJsonArray::fromStringList(lines)}})
                        .toJson());
        input.close();
        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NODE_PATH"), QStringLiteral(RECEIPTLINE_NODE_PATH));
        node.setProcessEnvironment(env);
        const QString script = qEnvironmentVariable("ONESTOP_SOURCE_DIR") +
                               QStringLiteral("/tests/integration/printer-receiptline/render-receiptline.js");
        node.start(QStringLiteral(NODE_PROGRAM), {script, input.fileName(), dir.filePath(QStringLiteral("out.bin"))});
        QVERIFY(node.waitForFinished(30000));
        QVERIFY2(node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0,
                 qPrintable(QString::fromUtf8(node.readAllStandardError())));
        QFile output(dir.filePath(QStringLiteral("out.bin")));
        QVERIFY(output.open(QIODevice::ReadOnly));
        const QByteArray theirs = output.readAll();
        QVERIFY(theirs.contains(QByteArray::fromHex("1c26"))); // receiptline switched Chinese mode on

        QStringList ourProblems, theirProblems;
        const QStringList ourText = printedText(ours.bytes(), &ourProblems);
        const QStringList theirText = printedText(theirs, &theirProblems);
        QVERIFY2(ourProblems.isEmpty(), qPrintable(ourProblems.join(QLatin1Char('\n'))));
        QVERIFY2(theirProblems.isEmpty(), qPrintable(theirProblems.join(QLatin1Char('\n'))));
        QCOMPARE(ourText, lines);
        QCOMPARE(theirText, ourText);
    }
};

QTEST_MAIN(TestPrinterReceiptline)
#include "tst_printer_receiptline.moc"
