// ReceiptJobQueue in front of the simulated printer: jobs kept while the printer cannot print and sent
// once it can; a job that may have printed comes again with a REPRINT line; at most one re-send;
// jobCompleted / jobFailed exactly once per job id.
#include "EscPosDecoder.h"
#include "EscPosEncoder.h"
#include "ReceiptJobQueue.h"
#include "SimulatedReceiptPrinter.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTest>

namespace {
QByteArray receipt(const QString &text)
{
    EscPosBuilder b;
    b.initialize().chineseMode(true).line(text).cut(EscPosCut::Partial);
    return b.bytes();
}

QStringList textOf(const EscPosElements &elements)
{
    QStringList out;
    for (const EscPosElement &e : elements)
        if (e.kind == EscPosElement::Kind::TextLine)
            out.append(e.text);
    return out;
}

QStringList ids(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy)
        out.append(args.at(0).toString());
    return out;
}
} // namespace

class TestJobQueue : public QObject
{
    Q_OBJECT

    SimulatedReceiptPrinter *sim = nullptr;
    ReceiptJobQueue *queue = nullptr;

private slots:
    void initTestCase() { installStrictWarnings(); }

    void init()
    {
        sim = new SimulatedReceiptPrinter(QStringLiteral("p"), 58, this);
        sim->setPrintDurationMs(100);
        queue = new ReceiptJobQueue(sim, this);
        queue->start();
        QCOMPARE(queue->status(), Device::Status::Ready);
    }
    void cleanup()
    {
        delete queue;
        delete sim;
    }

    void printsOnce()
    {
        QSignalSpy done(queue, &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(queue, &ReceiptPrinter::jobFailed);
        queue->print(QStringLiteral("c1"), receipt(QStringLiteral("第一张")));
        QCOMPARE(done.size(), 0); // never from inside print()
        QVERIFY(done.wait(2000));
        QTest::qWait(150);
        QCOMPARE(ids(done), QStringList{QStringLiteral("c1")});
        QCOMPARE(failed.size(), 0);
        QCOMPARE(sim->jobCount(), 1);
    }

    void paperOutBeforeTheJobHoldsItUntilPaperIsBack()
    {
        QSignalSpy done(queue, &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(queue, &ReceiptPrinter::jobFailed);
        QSignalSpy waiting(queue, &ReceiptJobQueue::jobWaiting);
        QSignalSpy resent(queue, &ReceiptJobQueue::jobResent);
        sim->setPaper(ReceiptPrinter::PaperState::Out);
        QCOMPARE(queue->status(), Device::Status::Unavailable);
        QCOMPARE(queue->reason(), QStringLiteral("paper out"));
        queue->print(QStringLiteral("c1"), receipt(QStringLiteral("回执")));
        QCOMPARE(ids(waiting), QStringList{QStringLiteral("c1")});
        QCOMPARE(waiting.first().at(1).toString(), QStringLiteral("paper out"));
        QCOMPARE(queue->waitingJobs(), 1);
        QTest::qWait(250);
        QCOMPARE(sim->jobCount(), 0);
        QCOMPARE(done.size() + failed.size(), 0);

        sim->setPaper(ReceiptPrinter::PaperState::Ok);
        QVERIFY(done.wait(2000));
        QTest::qWait(150);
        QCOMPARE(ids(done), QStringList{QStringLiteral("c1")});
        QCOMPARE(failed.size(), 0);
        QCOMPARE(resent.size(), 0); // it had never been sent: this was its first attempt
        QCOMPARE(sim->jobCount(), 1);
        QCOMPARE(textOf(sim->lastJobElements()), QStringList{QStringLiteral("回执")});
        QCOMPARE(queue->waitingJobs(), 0);
    }

    void paperOutMidJobReprintsWithAHeaderOnce()
    {
        QSignalSpy done(queue, &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(queue, &ReceiptPrinter::jobFailed);
        QSignalSpy waiting(queue, &ReceiptJobQueue::jobWaiting);
        QSignalSpy resent(queue, &ReceiptJobQueue::jobResent);
        queue->print(QStringLiteral("c1"), receipt(QStringLiteral("回执")));
        QTest::qWait(20);
        sim->setPaper(ReceiptPrinter::PaperState::Out); // runs out under the head
        QVERIFY(waiting.wait(2000));
        QCOMPARE(waiting.first().at(1).toString(), QStringLiteral("paper out"));
        QCOMPARE(done.size() + failed.size(), 0);

        sim->setPaper(ReceiptPrinter::PaperState::Ok);
        QVERIFY(done.wait(2000));
        QTest::qWait(150);
        QCOMPARE(ids(done), QStringList{QStringLiteral("c1")});
        QCOMPARE(failed.size(), 0);
        QCOMPARE(resent.size(), 1);
        QCOMPARE(resent.first().at(1).toBool(), true);
        QCOMPARE(sim->jobCount(), 1);
        QCOMPARE(textOf(sim->lastJobElements()),
                 (QStringList{QStringLiteral("*** 重打 / REPRINT ***"), QStringLiteral("回执")}));
    }

    void cancelledWhileHeldForPaperNeverPrints()
    {
        QSignalSpy done(queue, &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(queue, &ReceiptPrinter::jobFailed);
        QSignalSpy waiting(queue, &ReceiptJobQueue::jobWaiting);
        queue->print(QStringLiteral("c1"), receipt(QStringLiteral("回执")));
        QTest::qWait(20);
        sim->setPaper(ReceiptPrinter::PaperState::Out); // runs out under the job: it is held
        QVERIFY(waiting.wait(2000));
        QCOMPARE(queue->waitingJobs(), 1);

        QVERIFY(queue->cancel(QStringLiteral("c1"))); // the session ended
        QCOMPARE(queue->waitingJobs(), 0);
        QVERIFY(!queue->cancel(QStringLiteral("c1")));
        QCOMPARE(failed.size(), 0); // from the event loop
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("cancelled"));

        sim->setPaper(ReceiptPrinter::PaperState::Ok); // paper back: nothing comes out
        QTest::qWait(300);
        QCOMPARE(sim->jobCount(), 0);
        QCOMPARE(done.size(), 0);
        QCOMPARE(failed.size(), 1);
    }

    void cancelledBehindAnotherJobNeverPrints()
    {
        QSignalSpy done(queue, &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(queue, &ReceiptPrinter::jobFailed);
        queue->print(QStringLiteral("c1"), receipt(QStringLiteral("一")));
        queue->print(QStringLiteral("c2"), receipt(QStringLiteral("二")));
        QVERIFY(!queue->cancel(QStringLiteral("c1"))); // on the wire (the simulator cannot take it back)
        QVERIFY(queue->cancel(QStringLiteral("c2")));
        QVERIFY(!queue->cancel(QStringLiteral("unknown")));
        QTRY_COMPARE(done.size() + failed.size(), 2);
        QTest::qWait(150);
        QCOMPARE(ids(done), QStringList{QStringLiteral("c1")}); // the one on the wire finishes
        QCOMPARE(ids(failed), QStringList{QStringLiteral("c2")});
        QCOMPARE(sim->jobCount(), 1);
        QCOMPARE(sim->lastJobId(), QStringLiteral("c1"));
    }

    void onTheWireThenFailedIsNotResentAfterCancel()
    {
        QSignalSpy done(queue, &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(queue, &ReceiptPrinter::jobFailed);
        queue->print(QStringLiteral("c1"), receipt(QStringLiteral("回执")));
        QTest::qWait(20);
        QVERIFY(!queue->cancel(QStringLiteral("c1")));  // going out now: it finishes
        sim->setPaper(ReceiptPrinter::PaperState::Out); // ... and fails
        QVERIFY(failed.wait(2000));
        QVERIFY2(failed.first().at(1).toString().startsWith(QStringLiteral("cancelled")),
                 qPrintable(failed.first().at(1).toString()));
        QCOMPARE(queue->waitingJobs(), 0);
        sim->setPaper(ReceiptPrinter::PaperState::Ok);
        QTest::qWait(300);
        QCOMPARE(sim->jobCount(), 0); // no REPRINT for a session that is over
        QCOMPARE(done.size(), 0);
    }

    void aSecondFailureIsFinal()
    {
        QSignalSpy done(queue, &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(queue, &ReceiptPrinter::jobFailed);
        QSignalSpy waiting(queue, &ReceiptJobQueue::jobWaiting);
        queue->print(QStringLiteral("c1"), receipt(QStringLiteral("x")));
        QTest::qWait(20);
        sim->setCoverOpen(true);
        QVERIFY(waiting.wait(2000));
        sim->setCoverOpen(false); // re-sent now ...
        QTest::qWait(20);
        sim->setCoverOpen(true); // ... and interrupted again
        QVERIFY(failed.wait(2000));
        sim->setCoverOpen(false);
        QTest::qWait(300);
        QCOMPARE(ids(failed), QStringList{QStringLiteral("c1")});
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("cover open"));
        QCOMPARE(done.size(), 0);
        QCOMPARE(sim->jobCount(), 0);
    }

    void refusedJobsFailAtOnce()
    {
        QSignalSpy failed(queue, &ReceiptPrinter::jobFailed);
        QSignalSpy waiting(queue, &ReceiptJobQueue::jobWaiting);
        queue->print(QStringLiteral("e"), QByteArray());
        QCOMPARE(failed.size(), 0);
        QVERIFY(failed.wait(1000));
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("empty job"));
        QCOMPARE(waiting.size(), 0);
    }

    void heldJobsTimeOutAndKeepOrder()
    {
        QSignalSpy done(queue, &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(queue, &ReceiptPrinter::jobFailed);
        queue->setMaxWaitMs(200);
        sim->setPlugged(false);
        queue->print(QStringLiteral("a"), receipt(QStringLiteral("a")));
        queue->print(QStringLiteral("b"), receipt(QStringLiteral("b")));
        QVERIFY(failed.wait(2000));
        QCOMPARE(ids(failed).value(0), QStringLiteral("a"));
        QVERIFY2(failed.first().at(1).toString().startsWith(
                     QStringLiteral("the printer was not ready within 0 s: ")),
                 qPrintable(failed.first().at(1).toString()));
        queue->setMaxWaitMs(60000);
        sim->setPlugged(true);
        QVERIFY(done.wait(2000));
        QTest::qWait(150);
        QCOMPARE(ids(done), QStringList{QStringLiteral("b")});
        QCOMPARE(ids(failed), QStringList{QStringLiteral("a")});
    }

    void stopFailsHeldJobsOnce()
    {
        QSignalSpy done(queue, &ReceiptPrinter::jobCompleted);
        QSignalSpy failed(queue, &ReceiptPrinter::jobFailed);
        sim->setPaper(ReceiptPrinter::PaperState::Out);
        queue->print(QStringLiteral("a"), receipt(QStringLiteral("a")));
        queue->stop();
        QVERIFY(failed.wait(1000));
        QTest::qWait(100);
        QCOMPARE(ids(failed), QStringList{QStringLiteral("a")});
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("stopped"));
        QCOMPARE(done.size(), 0);
    }

    void reprintHeaderIsDecodable()
    {
        const EscPosElements e =
            EscPosDecoder::decode(ReceiptJobQueue::withReprintHeader(receipt(QStringLiteral("y"))));
        QVERIFY(EscPosDecoder::problems(e).isEmpty());
        QCOMPARE(textOf(e), (QStringList{QStringLiteral("*** 重打 / REPRINT ***"), QStringLiteral("y")}));
    }
};

QTEST_MAIN(TestJobQueue)
#include "tst_printer_job_queue.moc"
