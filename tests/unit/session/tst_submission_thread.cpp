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

class TestSubmissionThread : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void theGuiRunsWhileTheCommitWaitsAndSavedFollowsTheCommit()
    {
        QTemporaryDir dir;
        const SiteConfig site = testSite();
        const Catalog catalog = testCatalog();
        QString error;
        std::unique_ptr<StoreExecutor> store = StoreExecutor::startWorker(
            [&](QString *openError) { return CaseStore::open(dir.path(), openError); }, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->hasWorkerThread());
        SyncOnStoreThread sync(*store, site.sync, site.platformUrl);
        sync.monitor().setNetworkAvailable(false);
        SimulatedReceiptPrinter printer(QStringLiteral("printer"), 80);
        printer.start();
        SubmissionController submission(site, catalog, *store, sync.monitor(), printer);
        QSignalSpy finished(&submission, &SubmissionController::finished);

        // Another writer holds the file: the commit waits in sqlite's busy handler, on the store's thread.
        sqlite3 *other = nullptr;
        QCOMPARE(sqlite3_open(QDir(dir.path()).filePath(QStringLiteral("cases.sqlite")).toUtf8().constData(),
                              &other),
                 SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

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

        QCOMPARE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(other);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(submission.state(), SubmissionController::State::Saved);
        const QString caseId = submission.caseId();
        const auto stored = store->wait([caseId](CaseStore &cases) { return cases.findCase(caseId); });
        QVERIFY(stored.has_value());
        QCOMPARE(stored->form.value(QStringLiteral("phone")).toString(), QStringLiteral("13812345678"));
        QCOMPARE(store->wait([](CaseStore &cases) { return cases.pendingCount(); }), 1);
        // The sync client on the store's thread saw the new item (its count reaches the GUI's monitor).
        QTRY_COMPARE(sync.monitor().pendingCount(), 1);
        QTRY_COMPARE(submission.receiptState(), SubmissionController::ReceiptState::Printed);
    }

    // The session ends while the commit runs: the case is kept (it will be sent), but nothing about it is
    // reported to the next resident, and no receipt comes out.
    void aCommitThatEndsAfterItsSessionIsKeptButNotShown()
    {
        QTemporaryDir dir;
        const SiteConfig site = testSite();
        const Catalog catalog = testCatalog();
        QString error;
        std::unique_ptr<StoreExecutor> store = StoreExecutor::startWorker(
            [&](QString *openError) { return CaseStore::open(dir.path(), openError); }, &error);
        QVERIFY2(store, qPrintable(error));
        SyncOnStoreThread sync(*store, site.sync, site.platformUrl);
        sync.monitor().setNetworkAvailable(false);
        SimulatedReceiptPrinter printer(QStringLiteral("printer"), 80);
        printer.start();
        SubmissionController submission(site, catalog, *store, sync.monitor(), printer);

        sqlite3 *other = nullptr;
        QCOMPARE(sqlite3_open(QDir(dir.path()).filePath(QStringLiteral("cases.sqlite")).toUtf8().constData(),
                              &other),
                 SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
        QVERIFY(submission.submit(QStringLiteral("social-security-card"),
                                  QJsonObject{{QStringLiteral("phone"), QStringLiteral("13812345678")}},
                                  QStringLiteral("en"), testCard()));
        submission.clear(); // the session ends
        QCOMPARE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(other);
        QTRY_COMPARE(store->wait([](CaseStore &cases) { return cases.pendingCount(); }), 1);
        QCoreApplication::processEvents();
        QCOMPARE(submission.state(), SubmissionController::State::Idle);
        QVERIFY(submission.caseId().isEmpty());
        QCOMPARE(printer.jobCount(), 0);
    }
};

QTEST_MAIN(TestSubmissionThread)
#include "tst_submission_thread.moc"
