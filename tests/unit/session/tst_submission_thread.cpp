// The submission over the store on its own thread, as main.cpp wires it (StoreExecutor::startWorker,
// SyncOnStoreThread): while sqlite waits (another writer holds the file), the GUI thread keeps running its
// event loop and the resident sees "saving"; "saved" comes only after the commit, and the case is there.

#include "SessionFixture.h"
#include "StrictWarnings.h"
#include "SyncOnStoreThread.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <sqlite3.h>

namespace {

// The submission as main.cpp wires it: the store on its worker, sync made there (its network marked down),
// and a second sqlite connection that can hold the file's write lock.
struct ThreadedSubmission
{
    QTemporaryDir dir;
    SiteConfig site = testSite();
    Catalog catalog = testCatalog();
    QString error;
    std::unique_ptr<StoreExecutor> store = StoreExecutor::startWorker(
        [this](QString *openError) { return CaseStore::open(dir.path(), openError); }, &error);
    std::unique_ptr<SyncOnStoreThread> sync;
    SimulatedReceiptPrinter printer{QStringLiteral("printer"), 80};
    std::unique_ptr<SubmissionController> submission;
    sqlite3 *other = nullptr;

    ThreadedSubmission()
    {
        if (!store)
            return;
        sync = std::make_unique<SyncOnStoreThread>(*store, site.sync, site.platformUrl);
        sync->monitor().setNetworkAvailable(false);
        printer.start();
        submission = std::make_unique<SubmissionController>(site, catalog, *store, sync->monitor(), printer);
    }
    ~ThreadedSubmission()
    {
        sqlite3_close(other);
        submission.reset();
        sync.reset();
    }
    // Another writer takes the file: our commits wait in sqlite's busy handler, on the store's thread.
    bool holdWriteLock()
    {
        return sqlite3_open(QDir(dir.path()).filePath(QStringLiteral("cases.sqlite")).toUtf8().constData(),
                            &other) == SQLITE_OK &&
               sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    bool releaseWriteLock() { return sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK; }
    int pending()
    {
        return store->wait([](CaseStore &cases) { return cases.pendingCount(); });
    }
};

} // namespace

class TestSubmissionThread : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void theGuiRunsWhileTheCommitWaitsAndSavedFollowsTheCommit()
    {
        ThreadedSubmission t;
        QVERIFY2(t.store, qPrintable(t.error));
        QVERIFY(t.store->hasWorkerThread());
        SubmissionController &submission = *t.submission;
        QSignalSpy finished(&submission, &SubmissionController::finished);
        QVERIFY(t.holdWriteLock());

        QJsonObject form{{QStringLiteral("name"), QStringLiteral("王秀英")},
                         {QStringLiteral("id_number"), QStringLiteral("310104194803010029")},
                         {QStringLiteral("phone"), QStringLiteral("13812345678")},
                         {QStringLiteral("reason"), QStringLiteral("lost")}};
        QVERIFY(submission.submit(QStringLiteral("social-security-card"), form, QStringLiteral("en"),
                                  testCard()));
        QCOMPARE(submission.state(), SubmissionController::State::Saving);

        // The GUI thread's timers fire while the commit is blocked: the screen is never frozen by the store.
        int ticks = 0;
        QTimer tick;
        QObject::connect(&tick, &QTimer::timeout, &tick, [&ticks] { ++ticks; });
        tick.start(5);
        QTRY_VERIFY(ticks >= 5);
        QCOMPARE(submission.state(), SubmissionController::State::Saving); // not told "saved" yet
        QCOMPARE(finished.count(), 0);
        // A second tap while it runs commits nothing more.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("a commit is still running")));
        QVERIFY(!submission.submit(QStringLiteral("social-security-card"), form, QStringLiteral("en"),
                                   testCard()));

        QVERIFY(t.releaseWriteLock());
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(submission.state(), SubmissionController::State::Saved);
        const QString caseId = submission.caseId();
        const auto stored = t.store->wait([caseId](CaseStore &cases) { return cases.findCase(caseId); });
        QVERIFY(stored.has_value());
        QCOMPARE(stored->form.value(QStringLiteral("phone")).toString(), QStringLiteral("13812345678"));
        QCOMPARE(t.pending(), 1);
        // The sync client on the store's thread saw the new item (its count reaches the GUI's monitor).
        QTRY_COMPARE(t.sync->monitor().pendingCount(), 1);
        QTRY_COMPARE(submission.receiptState(), SubmissionController::ReceiptState::Printed);
    }

    // The session ends while the commit runs: the case is kept (it will be sent), but nothing about it is
    // reported to the next resident, and no receipt comes out.
    void aCommitThatEndsAfterItsSessionIsKeptButNotShown()
    {
        ThreadedSubmission t;
        QVERIFY2(t.store, qPrintable(t.error));
        QVERIFY(t.holdWriteLock());
        QVERIFY(t.submission->submit(QStringLiteral("social-security-card"),
                                     QJsonObject{{QStringLiteral("phone"), QStringLiteral("13812345678")}},
                                     QStringLiteral("en"), testCard()));
        t.submission->clear(); // the session ends
        QVERIFY(t.releaseWriteLock());
        QTRY_COMPARE(t.pending(), 1);
        QCoreApplication::processEvents();
        QCOMPARE(t.submission->state(), SubmissionController::State::Idle);
        QVERIFY(t.submission->caseId().isEmpty());
        QCOMPARE(t.printer.jobCount(), 0);
    }
};

QTEST_MAIN(TestSubmissionThread)
#include "tst_submission_thread.moc"
