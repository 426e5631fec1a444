// EscPosReceiptPrinter, the one status and job state machine of the USB and TCP receipt printers, driven
// by a scripted PrinterLink: status rounds and what each answer means, jobs confirmed by the round after
// them, every step's timeout, cancellation, link failures, reopening, and reasons that say what failed.
#include "EscPosReceiptPrinter.h"
#include "PrinterLink.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTest>

namespace {

// A printer that answers DLE EOT n with answers[n-1] and takes job bytes as the script says, always from
// the event loop (as a real link does). Nothing it was asked before close() is answered after it.
class ScriptedLink : public PrinterLink
{
public:
    QString describe() const override { return QStringLiteral("scripted printer"); }
    void open() override
    {
        ++opens;
        ++generation;
        if (!openFailure.isEmpty())
            return emit failed(QStringLiteral("open"), openFailure, false);
        emit opened();
    }
    void close() override
    {
        ++closes;
        ++generation;
    }
    void sendStatusRequest(int n) override
    {
        requests.append(n);
        if (silentFrom > 0 && n >= silentFrom)
            return;
        later([this, n] { emit received(QByteArray(1, char(answers.at(n - 1)))); });
    }
    void sendJob(const QByteArray &bytes) override
    {
        jobs.append(bytes);
        const qint64 half = bytes.size() / 2;
        if (takeAtMost == 0)
            return;
        later([this, half] { emit jobBytesTaken(half); });
        if (takeAtMost < 0)
            later([this, n = bytes.size()] { emit jobBytesTaken(n); });
    }
    // Emitted from the event loop unless the link was closed (or reopened) meanwhile.
    void later(std::function<void()> f)
    {
        QMetaObject::invokeMethod(
            this,
            [this, f, g = generation] {
                if (g == generation)
                    f();
            },
            Qt::QueuedConnection);
    }
    void fail(const QString &reason, bool gone) { emit failed(QString(), reason, gone); }
    void plugIn() { emit deviceArrived(); }
    int roundsAsked() const { return int(requests.count(4)); }

    QByteArray answers = QByteArray::fromHex("12121212"); // online, no cause, no error, paper ok
    int silentFrom = 0;  // DLE EOT n >= this gets no answer (0: all answered)
    int takeAtMost = -1; // -1: every job byte; 1: half of the job then nothing; 0: nothing
    QString openFailure;
    QList<int> requests;
    QList<QByteArray> jobs;
    int opens = 0, closes = 0;
    quint64 generation = 0;
};

EscPosPrinterTimings quick()
{
    EscPosPrinterTimings t;
    t.statusAnswerMs = 5000; // a wait that matters sets its own
    t.writeStallMs = 5000;
    t.statusPollMs = 0;
    t.reopenFirstMs = 60000; // no retry unless the test wants one
    t.reopenMaxMs = 60000;
    return t;
}

} // namespace

class TestPrinterMachine : public QObject
{
    Q_OBJECT

    ScriptedLink *link = nullptr;
    std::unique_ptr<EscPosReceiptPrinter> printer;

    void make(const EscPosPrinterTimings &t = quick())
    {
        link = new ScriptedLink;
        printer = std::make_unique<EscPosReceiptPrinter>(QStringLiteral("counter"), 80, link);
        printer->setTimings(t);
    }
    bool startReady(const EscPosPrinterTimings &t = quick())
    {
        make(t);
        printer->start();
        return QTest::qWaitFor([this] { return printer->status() == Device::Status::Ready; }, 5000);
    }

private slots:
    void initTestCase() { installStrictWarnings(); }
    void cleanup() { printer.reset(); }

    void readyAfterTheFirstRound()
    {
        make();
        QCOMPARE(printer->reason(), QStringLiteral("not started"));
        printer->start();
        QCOMPARE(printer->status(), Device::Status::Busy);
        QCOMPARE(printer->reason(), QStringLiteral("connecting"));
        QTRY_COMPARE(printer->status(), Device::Status::Ready);
        QCOMPARE(link->requests, (QList<int>{1, 2, 3, 4}));
        QCOMPARE(printer->machinePhase(), EscPosReceiptPrinter::Phase::Idle);
        QCOMPARE(printer->paper(), ReceiptPrinter::PaperState::Ok);
    }

    void jobConfirmedByTheRoundAfterIt()
    {
        QVERIFY(startReady());
        QSignalSpy completed(printer.get(), &ReceiptPrinter::jobCompleted);
        const QByteArray job(1000, 'x');
        printer->print(QStringLiteral("case-1"), job);
        QCOMPARE(printer->status(), Device::Status::Busy);
        QCOMPARE(printer->reason(), QStringLiteral("printing"));
        QCOMPARE(completed.count(), 0); // never from inside print()
        QTRY_COMPARE(completed.count(), 1);
        QCOMPARE(completed.at(0).at(0).toString(), QStringLiteral("case-1"));
        QCOMPARE(link->jobs, QList<QByteArray>{job});
        QCOMPARE(link->roundsAsked(), 3); // on opening, before and after the job
        QCOMPARE(printer->status(), Device::Status::Ready);
    }

    void statusReasons_data()
    {
        QTest::addColumn<QByteArray>("answers");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("paper");
        QTest::newRow("paper out") << QByteArray::fromHex("12121272") << "paper out"
                                   << int(ReceiptPrinter::PaperState::Out);
        QTest::newRow("cover open") << QByteArray::fromHex("12161212") << "cover open"
                                    << int(ReceiptPrinter::PaperState::Ok);
        QTest::newRow("cutter error")
            << QByteArray::fromHex("12121A12") << "cutter error" << int(ReceiptPrinter::PaperState::Ok);
        QTest::newRow("offline") << QByteArray::fromHex("1A121212") << "offline"
                                 << int(ReceiptPrinter::PaperState::Ok);
    }

    void statusReasons()
    {
        QFETCH(QByteArray, answers);
        QFETCH(QString, reason);
        QFETCH(int, paper);
        make();
        link->answers = answers;
        printer->start();
        QTRY_COMPARE(printer->status(), Device::Status::Unavailable);
        QCOMPARE(printer->reason(), reason);
        QCOMPARE(int(printer->paper()), paper);
        QCOMPARE(printer->machinePhase(), EscPosReceiptPrinter::Phase::Idle); // the link is fine
    }

    void paperLowStillPrints()
    {
        make();
        link->answers = QByteArray::fromHex("1212121E");
        printer->start();
        QTRY_COMPARE(printer->status(), Device::Status::Ready);
        QCOMPARE(printer->reason(), QStringLiteral("paper low"));
        QCOMPARE(printer->paper(), ReceiptPrinter::PaperState::NearEnd);
    }

    void badStatusBeforeTheJobSendsNothing()
    {
        QVERIFY(startReady());
        link->answers = QByteArray::fromHex("12161212"); // the cover was opened
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        QSignalSpy classified(printer.get(), &ReceiptPrinter::jobFailureClassified);
        printer->print(QStringLiteral("case-2"), QByteArray("x"));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("cover open"));
        QCOMPARE(classified.at(0).at(1).value<ReceiptPrinter::JobFailure>(),
                 ReceiptPrinter::JobFailure::NotPrinted);
        QVERIFY(link->jobs.isEmpty());
    }

    void paperOutDuringTheJobMayHavePrinted()
    {
        QVERIFY(startReady());
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        QSignalSpy classified(printer.get(), &ReceiptPrinter::jobFailureClassified);
        connect(link, &PrinterLink::jobBytesTaken, this,
                [this] { link->answers = QByteArray::fromHex("12121272"); });
        printer->print(QStringLiteral("case-3"), QByteArray(100, 'y'));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("paper out"));
        QCOMPARE(classified.at(0).at(1).value<ReceiptPrinter::JobFailure>(),
                 ReceiptPrinter::JobFailure::MayHavePrinted);
        QCOMPARE(printer->paper(), ReceiptPrinter::PaperState::Out);
    }

    void noAnswerTimesOutAndSaysWhichRequest()
    {
        EscPosPrinterTimings t = quick();
        t.statusAnswerMs = 50;
        make(t);
        link->silentFrom = 3;
        QSignalSpy errors(printer.get(), &Device::errorOccurred);
        printer->start();
        const QString reason = QStringLiteral("status: no answer to DLE EOT 3 within 50 ms");
        QTRY_COMPARE(printer->reason(), reason);
        QCOMPARE(printer->status(), Device::Status::Unavailable);
        QCOMPARE(printer->machinePhase(), EscPosReceiptPrinter::Phase::Closed);
        QCOMPARE(link->closes, 1);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("read status"));
        QCOMPARE(errors.at(0).at(1).toString(), reason);
        // a job while the printer is away fails with that reason, from the event loop
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        printer->print(QStringLiteral("case-4"), QByteArray("x"));
        QCOMPARE(failed.count(), 0);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), reason);
    }

    void stalledWriteTimesOut_data()
    {
        QTest::addColumn<int>("takeAtMost");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("failure");
        QTest::newRow("half taken") << 1 << "write: 50 of 100 bytes not taken within 50 ms"
                                    << int(ReceiptPrinter::JobFailure::MayHavePrinted);
        QTest::newRow("nothing taken") << 0 << "write: 100 of 100 bytes not taken within 50 ms"
                                       << int(ReceiptPrinter::JobFailure::NotPrinted);
    }

    void stalledWriteTimesOut()
    {
        QFETCH(int, takeAtMost);
        QFETCH(QString, reason);
        QFETCH(int, failure);
        EscPosPrinterTimings t = quick();
        t.writeStallMs = 50;
        QVERIFY(startReady(t));
        link->takeAtMost = takeAtMost;
        QSignalSpy errors(printer.get(), &Device::errorOccurred);
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        QSignalSpy classified(printer.get(), &ReceiptPrinter::jobFailureClassified);
        printer->print(QStringLiteral("case-5"), QByteArray(100, 'z'));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), reason);
        QCOMPARE(int(classified.at(0).at(1).value<ReceiptPrinter::JobFailure>()), failure);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("print receipt"));
        QCOMPARE(printer->reason(), reason);
    }

    void malformedAnswerIsNamed()
    {
        make();
        link->answers = QByteArray::fromHex("12001212");
        printer->start();
        QTRY_COMPARE(printer->status(), Device::Status::Unavailable);
        QVERIFY2(printer->reason().startsWith(
                     QStringLiteral("status: DLE EOT 2: answer 0x00 is not a status byte")),
                 qPrintable(printer->reason()));
    }

    void linkLostMidJob()
    {
        QVERIFY(startReady());
        link->takeAtMost = 1;
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        QSignalSpy classified(printer.get(), &ReceiptPrinter::jobFailureClassified);
        QSignalSpy errors(printer.get(), &Device::errorOccurred);
        printer->print(QStringLiteral("case-6"), QByteArray(100, 'u'));
        QTRY_COMPARE(link->jobs.size(), 1);
        QTest::qWait(0);
        QCoreApplication::processEvents(); // the first half is taken
        link->fail(QStringLiteral("scripted printer unplugged"), true);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("scripted printer unplugged"));
        QCOMPARE(classified.at(0).at(1).value<ReceiptPrinter::JobFailure>(),
                 ReceiptPrinter::JobFailure::MayHavePrinted);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("print receipt"));
        QCOMPARE(printer->reason(), QStringLiteral("scripted printer unplugged"));
    }

    void reopensWithBackoffOrAtOnceWhenPluggedIn()
    {
        EscPosPrinterTimings t = quick();
        t.reopenFirstMs = 20;
        t.reopenMaxMs = 40;
        make(t);
        link->openFailure = QStringLiteral("no printer attached");
        QSignalSpy errors(printer.get(), &Device::errorOccurred);
        printer->start();
        QCOMPARE(printer->reason(), QStringLiteral("no printer attached"));
        QTRY_VERIFY(link->opens >= 3); // retried
        QCOMPARE(errors.count(), 1);   // reported once per outage, not at every retry
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("open"));

        link->openFailure.clear();
        QTRY_COMPARE(printer->status(), Device::Status::Ready); // the next retry opens it
    }

    void pluggedInOpensAtOnce()
    {
        make(); // the first retry is a minute away
        link->openFailure = QStringLiteral("no printer attached");
        printer->start();
        QCOMPARE(printer->machinePhase(), EscPosReceiptPrinter::Phase::Closed);
        QCOMPARE(link->opens, 1);
        link->openFailure.clear();
        link->plugIn();
        QCOMPARE(link->opens, 2);
        QTRY_COMPARE(printer->status(), Device::Status::Ready);
        link->plugIn(); // open already: nothing happens
        QCOMPARE(link->opens, 2);
    }

    void cancelTakesBackAJobNotYetSent()
    {
        QVERIFY(startReady());
        link->silentFrom = 1; // the round before the job hangs
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        QSignalSpy classified(printer.get(), &ReceiptPrinter::jobFailureClassified);
        QSignalSpy completed(printer.get(), &ReceiptPrinter::jobCompleted);
        printer->print(QStringLiteral("case-7"), QByteArray("first"));
        printer->print(QStringLiteral("case-8"), QByteArray("second"));
        QVERIFY(printer->cancel(QStringLiteral("case-8")));  // waiting behind the first
        QVERIFY(printer->cancel(QStringLiteral("case-7")));  // its status round runs: nothing sent yet
        QVERIFY(!printer->cancel(QStringLiteral("case-7"))); // once
        QVERIFY(!printer->cancel(QStringLiteral("unknown")));
        QCOMPARE(failed.count(), 0); // from the event loop
        QTRY_COMPARE(failed.count(), 2);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("cancelled"));
        QCOMPARE(classified.at(0).at(1).value<ReceiptPrinter::JobFailure>(),
                 ReceiptPrinter::JobFailure::NotPrinted);
        QCOMPARE(classified.at(1).at(1).value<ReceiptPrinter::JobFailure>(),
                 ReceiptPrinter::JobFailure::NotPrinted);
        link->silentFrom = 0;
        link->sendStatusRequest(link->requests.last()); // the late answer arrives: the round ends as a check
        QTRY_COMPARE(printer->status(), Device::Status::Ready);
        QVERIFY(link->jobs.isEmpty());
        QCOMPARE(completed.count(), 0);
    }

    void cancelLeavesAJobOnTheWire()
    {
        QVERIFY(startReady());
        link->takeAtMost = 1;
        QSignalSpy completed(printer.get(), &ReceiptPrinter::jobCompleted);
        printer->print(QStringLiteral("case-9"), QByteArray(10, 'w'));
        QTRY_COMPARE(link->jobs.size(), 1);
        QVERIFY(!printer->cancel(QStringLiteral("case-9"))); // bytes are going out: it finishes
        link->later([this] { emit link->jobBytesTaken(10); });
        QTRY_COMPARE(completed.count(), 1);
    }

    void idlePollingSeesPaperRunOut()
    {
        EscPosPrinterTimings t = quick();
        t.statusPollMs = 10;
        QVERIFY(startReady(t));
        link->answers = QByteArray::fromHex("12121272");
        QTRY_COMPARE(printer->reason(), QStringLiteral("paper out"));
        QVERIFY(link->roundsAsked() >= 2);
        link->answers = QByteArray::fromHex("12121212");
        QTRY_COMPARE(printer->status(), Device::Status::Ready);
    }

    void stopFailsJobsInHand()
    {
        QVERIFY(startReady());
        link->silentFrom = 1;
        QSignalSpy failed(printer.get(), &ReceiptPrinter::jobFailed);
        printer->print(QStringLiteral("case-10"), QByteArray("x"));
        printer->stop();
        QCOMPARE(printer->reason(), QStringLiteral("stopped"));
        QCOMPARE(printer->machinePhase(), EscPosReceiptPrinter::Phase::Closed);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("stopped"));
    }
};

QTEST_GUILESS_MAIN(TestPrinterMachine)
#include "tst_printer_machine.moc"
