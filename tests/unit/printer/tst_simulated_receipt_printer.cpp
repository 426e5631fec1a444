// The simulated receipt printer behind the ReceiptPrinter interface: states and reasons from its knobs,
// asynchronous jobs (exactly one jobCompleted or jobFailed each), paper output files.
#include "EscPosEncoder.h"
#include "EscPosTestReceipt.h"
#include "SimulatedReceiptPrinter.h"
#include "StrictWarnings.h"

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Status = Device::Status;
using Paper = ReceiptPrinter::PaperState;

static QByteArray smallReceipt(const QString &line)
{
    EscPosBuilder b;
    b.initialize().chineseMode(true).line(line).cut(EscPosCut::Partial);
    return b.bytes();
}

class TestSimulatedReceiptPrinter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void identity()
    {
        SimulatedReceiptPrinter narrow(QStringLiteral("front desk"), 58);
        QCOMPARE(narrow.kind(), QStringLiteral("receipt_printer"));
        QCOMPARE(narrow.name(), QStringLiteral("front desk"));
        QVERIFY(narrow.isSimulated());
        QCOMPARE(narrow.paperWidthDots(), 384);
        QCOMPARE(narrow.charactersPerLine(), 32);
        QCOMPARE(narrow.status(), Status::Unavailable);
        QCOMPARE(narrow.reason(), QStringLiteral("not started"));
        SimulatedReceiptPrinter wide(QStringLiteral("wide"), 80);
        QCOMPARE(wide.paperWidthDots(), 576);
        QCOMPARE(wide.charactersPerLine(), 48);
    }

    void unsupportedWidthStaysUnavailable()
    {
        SimulatedReceiptPrinter printer(QStringLiteral("odd"), 70);
        printer.start();
        QCOMPARE(printer.status(), Status::Unavailable);
        QCOMPARE(printer.reason(), QStringLiteral("unsupported paper width 70 mm"));
    }

    void printsAJob()
    {
        SimulatedReceiptPrinter printer(QStringLiteral("sim"), 58);
        printer.setPrintDurationMs(20);
        QSignalSpy completed(&printer, &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(&printer, &ReceiptPrinter::jobFailed);
        printer.start();
        QCOMPARE(printer.status(), Status::Ready);
        QCOMPARE(printer.reason(), QString());

        const QByteArray job = smallReceipt(QStringLiteral("社区服务中心"));
        printer.print(QStringLiteral("case-1"), job);
        QCOMPARE(printer.status(), Status::Busy);
        QCOMPARE(completed.count(), 0); // never from inside print()
        QTRY_COMPARE(completed.count(), 1);
        QCOMPARE(completed.at(0).at(0).toString(), QStringLiteral("case-1"));
        QCOMPARE(printer.status(), Status::Ready);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(printer.jobCount(), 1);
        QCOMPARE(printer.lastJobId(), QStringLiteral("case-1"));
        QCOMPARE(printer.lastJobBytes(), job);
        bool printed = false;
        for (const EscPosElement &e : printer.lastJobElements())
            printed = printed ||
                      (e.kind == EscPosElement::Kind::TextLine && e.text == QStringLiteral("社区服务中心"));
        QVERIFY(printed);
    }

    void jobsRunInOrder()
    {
        SimulatedReceiptPrinter printer(QStringLiteral("sim"), 80);
        printer.setPrintDurationMs(5);
        QSignalSpy completed(&printer, &ReceiptPrinter::jobCompleted);
        printer.start();
        for (int i = 1; i <= 3; ++i)
            printer.print(QStringLiteral("case-%1").arg(i), smallReceipt(QStringLiteral("job %1").arg(i)));
        QTRY_COMPARE(completed.count(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(completed.at(i).at(0).toString(), QStringLiteral("case-%1").arg(i + 1));
        QCOMPARE(printer.jobCount(), 3);
        QCOMPARE(printer.lastJobId(), QStringLiteral("case-3"));
        QCOMPARE(printer.status(), Status::Ready);
    }

    void paperOutFailsJobsUntilPaperIsBack()
    {
        SimulatedReceiptPrinter printer(QStringLiteral("sim"), 58);
        printer.setPrintDurationMs(5);
        QSignalSpy completed(&printer, &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(&printer, &ReceiptPrinter::jobFailed);
        printer.start();
        printer.setPaper(Paper::Out);
        QCOMPARE(printer.status(), Status::Unavailable);
        QCOMPARE(printer.reason(), QStringLiteral("paper out"));
        QCOMPARE(printer.paper(), Paper::Out);

        printer.print(QStringLiteral("case-2"), smallReceipt(QStringLiteral("x")));
        QCOMPARE(failed.count(), 0); // queued, not re-entrant
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("case-2"));
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("paper out"));
        QCOMPARE(printer.jobCount(), 0);

        printer.setPaper(Paper::Ok);
        QCOMPARE(printer.status(), Status::Ready);
        QCOMPARE(printer.reason(), QString());
        printer.print(QStringLiteral("case-3"), smallReceipt(QStringLiteral("x")));
        QTRY_COMPARE(completed.count(), 1);
        QCOMPARE(failed.count(), 1);
    }

    void paperRunsOutMidJob()
    {
        SimulatedReceiptPrinter printer(QStringLiteral("sim"), 58);
        printer.setPrintDurationMs(50);
        QSignalSpy completed(&printer, &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(&printer, &ReceiptPrinter::jobFailed);
        printer.start();
        printer.print(QStringLiteral("first"), smallReceipt(QStringLiteral("1")));
        printer.print(QStringLiteral("second"), smallReceipt(QStringLiteral("2")));
        printer.setPaper(Paper::Out);
        QCOMPARE(printer.status(), Status::Unavailable);
        QTRY_COMPARE(failed.count(), 2);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("first"));
        QCOMPARE(failed.at(1).at(0).toString(), QStringLiteral("second"));
        QCOMPARE(failed.at(1).at(1).toString(), QStringLiteral("paper out"));
        QTest::qWait(80);
        QCOMPARE(completed.count(), 0);
        QCOMPARE(failed.count(), 2); // exactly once per job
    }

    void paperNearEndStaysReady()
    {
        SimulatedReceiptPrinter printer(QStringLiteral("sim"), 58);
        printer.setPrintDurationMs(5);
        QSignalSpy state(&printer, &Device::stateChanged);
        QSignalSpy completed(&printer, &ReceiptPrinter::jobCompleted);
        printer.start();
        printer.setPaper(Paper::NearEnd);
        QCOMPARE(printer.status(), Status::Ready);
        QCOMPARE(printer.reason(), QStringLiteral("paper low"));
        QCOMPARE(printer.paper(), Paper::NearEnd);
        printer.print(QStringLiteral("case-4"), smallReceipt(QStringLiteral("x")));
        QTRY_COMPARE(completed.count(), 1);
        QCOMPARE(printer.reason(), QStringLiteral("paper low"));

        // The paper property notifies even when status and reason stay the same.
        printer.setPlugged(false);
        const int before = state.count();
        printer.setPaper(Paper::Ok);
        QCOMPARE(state.count(), before + 1);
        QCOMPARE(printer.reason(), QStringLiteral("unplugged"));
    }

    void coverAndPlug()
    {
        SimulatedReceiptPrinter printer(QStringLiteral("sim"), 58);
        QSignalSpy failed(&printer, &ReceiptPrinter::jobFailed);
        printer.start();
        printer.setCoverOpen(true);
        QCOMPARE(printer.status(), Status::Unavailable);
        QCOMPARE(printer.reason(), QStringLiteral("cover open"));
        printer.setPlugged(false); // nothing else is known about an unplugged printer
        QCOMPARE(printer.reason(), QStringLiteral("unplugged"));
        printer.print(QStringLiteral("case-5"), smallReceipt(QStringLiteral("x")));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("unplugged"));
        printer.setPlugged(true);
        QCOMPARE(printer.reason(), QStringLiteral("cover open"));
        printer.setCoverOpen(false);
        QCOMPARE(printer.status(), Status::Ready);
    }

    void stopFailsPendingJobs()
    {
        SimulatedReceiptPrinter printer(QStringLiteral("sim"), 58);
        printer.setPrintDurationMs(1000);
        QSignalSpy failed(&printer, &ReceiptPrinter::jobFailed);
        QSignalSpy completed(&printer, &ReceiptPrinter::jobCompleted);
        printer.start();
        printer.print(QStringLiteral("pending"), smallReceipt(QStringLiteral("x")));
        printer.stop();
        QCOMPARE(printer.status(), Status::Unavailable);
        QCOMPARE(printer.reason(), QStringLiteral("stopped"));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("stopped"));
        printer.print(QStringLiteral("late"), smallReceipt(QStringLiteral("x")));
        QTRY_COMPARE(failed.count(), 2);
        QCOMPARE(failed.at(1).at(1).toString(), QStringLiteral("stopped"));
        QCOMPARE(completed.count(), 0);
        printer.start();
        QCOMPARE(printer.status(), Status::Ready);
    }

    void emptyJobFails()
    {
        SimulatedReceiptPrinter printer(QStringLiteral("sim"), 58);
        QSignalSpy failed(&printer, &ReceiptPrinter::jobFailed);
        printer.start();
        printer.print(QStringLiteral("nothing"), QByteArray());
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("empty job"));
    }

    void malformedJobPrintsAndComplains()
    {
        SimulatedReceiptPrinter printer(QStringLiteral("sim"), 58);
        printer.setPrintDurationMs(5);
        QSignalSpy completed(&printer, &ReceiptPrinter::jobCompleted);
        QSignalSpy errors(&printer, &Device::errorOccurred);
        printer.start();
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("print receipt: job bad: 1 problem")));
        printer.print(QStringLiteral("bad"), QByteArray("ok\n") + QByteArray::fromHex("1b61"));
        QTRY_COMPARE(completed.count(), 1);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("print receipt"));
        QCOMPARE(errors.at(0).at(1).toString(),
                 QStringLiteral("job bad: 1 problem(s) in the ESC/POS data, first: offset 3: truncated ESC a "
                                "(align): 3 bytes needed, 2 left"));
    }

    void writesPaperFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString paper = dir.filePath(QStringLiteral("paper"));
        SimulatedReceiptPrinter printer(QStringLiteral("sim"), 58);
        printer.setPrintDurationMs(5);
        printer.setPaperOutputDirectory(paper);
        QSignalSpy completed(&printer, &ReceiptPrinter::jobCompleted);
        QSignalSpy errors(&printer, &Device::errorOccurred);
        printer.start();
        const QByteArray first = sampleReceipt();
        const QByteArray second = smallReceipt(QStringLiteral("第二张"));
        printer.print(QStringLiteral("case-1"), first);
        printer.print(QStringLiteral("case-2"), second);
        QTRY_COMPARE(completed.count(), 2);
        QCOMPARE(errors.count(), 0);

        QFile bin(paper + QStringLiteral("/receipt.bin"));
        QVERIFY(bin.open(QIODevice::ReadOnly));
        QCOMPARE(bin.readAll(), first);
        QFile bin2(paper + QStringLiteral("/receipt-2.bin"));
        QVERIFY(bin2.open(QIODevice::ReadOnly));
        QCOMPARE(bin2.readAll(), second);
        for (const QString &name : {QStringLiteral("receipt.png"), QStringLiteral("receipt-2.png")}) {
            const QImage image(paper + QLatin1Char('/') + name);
            QVERIFY2(!image.isNull(), qPrintable(name));
            QCOMPARE(image.width(), 384);
        }
        // The sample receipt has a QR code and more lines: a longer strip of paper.
        QVERIFY(QImage(paper + QStringLiteral("/receipt.png")).height() >
                QImage(paper + QStringLiteral("/receipt-2.png")).height() + 200);
    }

    void unwritablePaperDirectoryIsReported()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        SimulatedReceiptPrinter printer(QStringLiteral("sim"), 58);
        printer.setPrintDurationMs(5);
        printer.setPaperOutputDirectory(blocker.fileName() + QStringLiteral("/paper"));
        QSignalSpy completed(&printer, &ReceiptPrinter::jobCompleted);
        QSignalSpy errors(&printer, &Device::errorOccurred);
        printer.start();
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("paper output: job x: .*cannot create")));
        printer.print(QStringLiteral("x"), smallReceipt(QStringLiteral("x")));
        QTRY_COMPARE(completed.count(), 1); // the paper came out; only the copy failed
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("write paper output"));
    }
};

QTEST_MAIN(TestSimulatedReceiptPrinter)
#include "tst_simulated_receipt_printer.moc"
