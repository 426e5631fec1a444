// ThreadedSamTransport, the worker-thread base of the serial and HID SAM transports, with a scripted
// worker: calls reach the worker on its own thread and answers come back to the GUI thread; an open that
// the worker never answers times out; a worker stuck in a blocking call is left behind within the join
// bound; signals of a closed worker are dropped; the exchange timeout and cancellation still hold.
#include "StrictWarnings.h"
#include "sam/SamFrame.h"
#include "transport/SamWorker.h"
#include "transport/ThreadedSamTransport.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

namespace {

struct Script
{
    bool answerOpen = true;
    bool answerWrites = true;
    QSemaphore *blockWrite = nullptr; // a write waits on it (a device stuck in a blocking call)
    std::atomic<QThread *> workerThread{nullptr};
    std::atomic<int> discards{0};
};

class ScriptedWorker : public SamWorker
{
public:
    explicit ScriptedWorker(Script *script) : m_script(script) {}
    void open() override
    {
        m_script->workerThread = QThread::currentThread();
        if (m_script->answerOpen)
            emit opened();
    }
    void write(const QByteArray &) override
    {
        if (m_script->blockWrite)
            m_script->blockWrite->acquire();
        if (m_script->answerWrites)
            emit bytesRead(Sam::buildResponse(0x90, QByteArray("ok")));
    }
    void discardInput() override { ++m_script->discards; }

private:
    Script *m_script;
};

class ScriptedTransport : public ThreadedSamTransport
{
public:
    explicit ScriptedTransport(Script *script)
        : ThreadedSamTransport(QStringLiteral("idcard-test"), nullptr), m_script(script)
    {
    }
    QString description() const override { return QStringLiteral("scripted reader"); }

protected:
    SamWorker *createWorker() const override { return new ScriptedWorker(m_script); }

private:
    Script *m_script;
};

} // namespace

class TestSamThreaded : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void exchangeGoesThroughTheWorkerThread()
    {
        Script script;
        ScriptedTransport t(&script);
        QSignalSpy opened(&t, &SamTransport::opened);
        QSignalSpy answers(&t, &SamTransport::responseReceived);
        t.open();
        QTRY_COMPARE(opened.count(), 1);
        QVERIFY(script.workerThread.load() != nullptr);
        QVERIFY(script.workerThread.load() != QThread::currentThread());
        t.exchange(Sam::statusCommand(), 2000);
        QTRY_COMPARE(answers.count(), 1);
        QCOMPARE(answers.at(0).at(0).value<Sam::SamResponse>().data, QByteArray("ok"));
        t.close();
        QVERIFY(!t.isOpen());
    }

    void openWithoutAnswerTimesOut()
    {
        Script script;
        script.answerOpen = false;
        ScriptedTransport t(&script);
        t.setOpenTimeoutMs(50);
        QSignalSpy closed(&t, &SamTransport::closed);
        t.open();
        QTRY_COMPARE(closed.count(), 1);
        QCOMPARE(closed.at(0).at(0).toString(),
                 QStringLiteral("open: no answer from scripted reader within 50 ms"));
    }

    void exchangeTimeoutAndCancelDropInputOnTheWorker()
    {
        Script script;
        script.answerWrites = false;
        ScriptedTransport t(&script);
        t.open();
        QTRY_VERIFY(t.isOpen());
        QSignalSpy failed(&t, &SamTransport::exchangeFailed);
        t.exchange(Sam::statusCommand(), 50);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("no answer within 50 ms"));
        QTRY_COMPARE(script.discards.load(), 1); // the late answer must not be taken for the next one
        t.exchange(Sam::statusCommand(), 5000);
        t.cancel();
        QTRY_COMPARE(script.discards.load(), 2);
        QTest::qWait(50);
        QCOMPARE(failed.count(), 1); // a cancelled exchange says nothing
    }

    void aStuckWorkerIsLeftBehindWithinTheJoinBound()
    {
        QSemaphore release;
        Script script;
        script.blockWrite = &release;
        {
            ScriptedTransport t(&script);
            t.setJoinTimeoutMs(100);
            QSignalSpy answers(&t, &SamTransport::responseReceived);
            t.open();
            QTRY_VERIFY(t.isOpen());
            t.exchange(Sam::statusCommand(), 5000);
            QTest::qWait(50); // the worker is inside write() now
            QTest::ignoreMessage(QtWarningMsg,
                                 "idcard-test : worker did not stop within 100 ms; left running");
            t.close();         // returns after the bound although the worker is stuck
            release.release(); // the device call returns: its answer is not delivered
            QTest::qWait(100);
            QCOMPARE(answers.count(), 0);
        }
        QTest::qWait(100); // the left thread finishes and deletes itself
    }

    void reopenDropsTheOldWorkersSignals()
    {
        QSemaphore release;
        Script script;
        script.blockWrite = &release;
        ScriptedTransport t(&script);
        t.setJoinTimeoutMs(100);
        t.open();
        QTRY_VERIFY(t.isOpen());
        QSignalSpy answers(&t, &SamTransport::responseReceived);
        t.exchange(Sam::statusCommand(), 5000);
        QTest::qWait(50);
        QTest::ignoreMessage(QtWarningMsg, "idcard-test : worker did not stop within 100 ms; left running");
        t.close();
        script.blockWrite = nullptr; // the new worker answers at once
        t.open();
        QTRY_VERIFY(t.isOpen());
        release.release(); // the old worker's answer arrives late
        QTest::qWait(100);
        QCOMPARE(answers.count(), 0);
        t.exchange(Sam::statusCommand(), 5000);
        QTRY_COMPARE(answers.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSamThreaded)
#include "tst_sam_threaded.moc"
