// StoreExecutor: the live store's jobs run on its own thread, one after another in the order posted; their
// answers come back on the caller's thread, never to a context that is gone; the executor's end runs what
// was posted before it, and closes the store on its thread.

#include "CaseStore.h"
#include "StoreExecutor.h"
#include "StoreTestData.h"
#include "StrictWarnings.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

std::unique_ptr<StoreExecutor> startOn(const QString &dir, QString *error)
{
    return StoreExecutor::startWorker([dir](QString *openError) { return CaseStore::open(dir, openError); },
                                      error);
}

} // namespace

class TestStoreExecutor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void jobsRunOnTheStoreThreadInOrderAndAnswerOnTheCallersThread()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<StoreExecutor> executor = startOn(dir.path(), &error);
        QVERIFY2(executor, qPrintable(error));
        QVERIFY(executor->hasWorkerThread());
        QThread *const callers = QThread::currentThread();
        QThread *const storeThread = executor->wait([](CaseStore &) { return QThread::currentThread(); });
        QVERIFY(storeThread != callers);

        QObject context;
        QVector<int> ran;     // written on the store's thread only
        QVector<int> answers; // written on this thread only
        bool answeredElsewhere = false;
        for (int i = 0; i < 50; ++i) {
            executor->post(
                &context,
                [i, &ran, storeThread](CaseStore &store) {
                    QString auditError;
                    store.audit(QStringLiteral("test.job"), QString::number(i), &auditError);
                    ran.append(QThread::currentThread() == storeThread ? i : -1);
                    return i;
                },
                [&answers, &answeredElsewhere, callers](int i) {
                    answeredElsewhere = answeredElsewhere || QThread::currentThread() != callers;
                    answers.append(i);
                });
        }
        QTRY_COMPARE(answers.size(), 50);
        QVERIFY(!answeredElsewhere);
        QVector<int> expected;
        for (int i = 0; i < 50; ++i)
            expected.append(i);
        QCOMPARE(answers, expected);
        // wait() runs after everything posted before it.
        QCOMPARE(executor->wait([](CaseStore &store) { return store.auditCount(); }) >= 50, true);
        QCOMPARE(ran, expected);
    }

    void anAnswerNeverReachesAContextThatIsGone()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<StoreExecutor> executor = startOn(dir.path(), &error);
        QVERIFY2(executor, qPrintable(error));
        int before = executor->wait([](CaseStore &store) { return store.auditCount(); });

        auto context = std::make_unique<QObject>();
        bool answered = false;
        QSemaphore jobStarted;
        QSemaphore releaseJob;
        executor->post(
            context.get(),
            [&](CaseStore &store) {
                jobStarted.release();
                releaseJob.acquire(); // held until the context is gone
                return store.audit(QStringLiteral("test.after_context"), QString());
            },
            [&answered](bool) { answered = true; });
        jobStarted.acquire();
        context.reset();
        releaseJob.release();
        // The job itself ran (its write is there); its answer went nowhere.
        QCOMPARE(executor->wait([](CaseStore &store) { return store.auditCount(); }), before + 1);
        QCoreApplication::sendPostedEvents(executor.get(), QEvent::MetaCall);
        QCoreApplication::processEvents();
        QVERIFY(!answered);
    }

    void theEndRunsWhatWasPostedAndClosesTheStore()
    {
        QTemporaryDir dir;
        QString error;
        {
            std::unique_ptr<StoreExecutor> executor = startOn(dir.path(), &error);
            QVERIFY2(executor, qPrintable(error));
            for (int i = 0; i < 20; ++i)
                executor->post([i](CaseStore &store) {
                    store.submitCase(sampleCase(QStringLiteral("N-%1").arg(i)), {}, nullptr);
                });
        } // destroyed with jobs still queued
        std::unique_ptr<CaseStore> reopened = CaseStore::open(dir.path(), &error);
        QVERIFY2(reopened, qPrintable(error));
        QCOMPARE(reopened->pendingCount(), 20);
    }

    void aStoreThatCannotOpenIsAnErrorAndTheThreadStops()
    {
        QString error;
        std::unique_ptr<StoreExecutor> executor = StoreExecutor::startWorker(
            [](QString *openError) {
                if (openError)
                    *openError = QStringLiteral("refused for the test");
                return std::unique_ptr<CaseStore>();
            },
            &error);
        QVERIFY(!executor); // and its thread was stopped: nothing hangs at the end of the test
        QCOMPARE(error, QStringLiteral("refused for the test"));
    }

    void onTheCallersThreadJobsStillWaitForTheEventLoop()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<CaseStore> store = CaseStore::open(dir.path(), &error);
        QVERIFY2(store, qPrintable(error));
        std::unique_ptr<StoreExecutor> executor = StoreExecutor::onThisThread(*store);
        QVERIFY(!executor->hasWorkerThread());
        QObject context;
        bool ran = false, answered = false;
        executor->post(
            &context,
            [&ran](CaseStore &) {
                ran = true;
                return 1;
            },
            [&answered](int) { answered = true; });
        QVERIFY(!ran); // not within the call
        QTRY_VERIFY(answered);
        QVERIFY(ran);
    }
};

QTEST_GUILESS_MAIN(TestStoreExecutor)
#include "tst_store_executor.moc"
