// Disk full (issue 10). The kiosk's data folder is on a small tmpfs; a filler file takes its last byte.
//   - A resident who submits then is not told "saved" (no receipt screen, no receipt), reads a notice on the
//     review screen with what they entered still there; the log names the failed step and sqlite's reason
//     (a path and a step, no personal data); staff get an alert (SubmissionController::storeAlert, shown in
//     the technician view).
//   - The cases saved before the disk filled are intact: integrity_check ok, readable, one synced and one
//     still in the outbox; both reach the platform later.
//   - Once the filler is gone, the same tap on submit commits the same form exactly once: one case row, one
//     outbox item, one receipt, one case at the platform; the alert clears.
//   - A store opened on a full disk (a first start that must make its key, a migration from version 2, a
//     healthy store) is a clear error or opens, and is never quarantined.
#include "CaseStore.h"
#include "KeyProvider.h"
#include "PlatformSimProcess.h"
#include "ReceiptJobQueue.h"
#include "SessionFixture.h" // testSite(), testCatalog(), testCard()
#include "StrictWarnings.h"
#include "TmpfsMount.h"

#include <QDir>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <sqlite3.h>

using Screen = SessionController::Screen;

namespace {

// One value of a one-row query on the store file, through a connection of its own (as staff tools would).
QString storeQuery(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    QString out;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) ==
        SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
            QStringList rows;
            while (sqlite3_step(stmt) == SQLITE_ROW)
                rows << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
            out = rows.join(QLatin1Char('\n'));
        } else {
            out = QStringLiteral("error: ") + QString::fromUtf8(sqlite3_errmsg(db));
        }
        sqlite3_finalize(stmt);
    } else {
        out = QStringLiteral("error: cannot open");
    }
    sqlite3_close(db);
    return out;
}

// A kiosk as main.cpp wires it, its data folder on the tmpfs, the simulated printer behind the job queue.
struct DiskKiosk
{
    SiteConfig site = testSite();
    Catalog catalog = testCatalog();
    std::unique_ptr<CaseStore> store;
    std::unique_ptr<StoreExecutor> executor; // on this thread: the test reads `store` between jobs
    QNetworkAccessManager network;
    std::unique_ptr<SyncClient> sync;
    std::unique_ptr<SyncMonitor> syncMonitor;
    SimulatedIdCardReader reader{QStringLiteral("reader")};
    SimulatedCodeScanner scanner{QStringLiteral("scanner")};
    SimulatedReceiptPrinter printer{QStringLiteral("printer"), 80};
    ReceiptJobQueue queue{&printer};
    SimulatedCamera camera{QStringLiteral("camera")};
    DeviceHub devices;
    ManualClock clock;
    std::unique_ptr<ServiceCatalogModel> services;
    FormController form;
    std::unique_ptr<SubmissionController> submission;
    std::unique_ptr<SessionController> session;

    DiskKiosk(const QString &dataDir, const QUrl &platform)
    {
        QString error;
        store = CaseStore::open(dataDir, &error);
        Q_ASSERT_X(store, "DiskKiosk", qPrintable(error));
        network.setProxy(QNetworkProxy::NoProxy);
        site.platformUrl = platform;
        executor = StoreExecutor::onThisThread(*store);
        sync = std::make_unique<SyncClient>(*store, network, site.sync, site.platformUrl);
        syncMonitor = std::make_unique<SyncMonitor>(*sync, sync->status());
        reader.setReadDelay(0);
        printer.setPrintDurationMs(50);
        for (Device *d : std::initializer_list<Device *>{&reader, &scanner, &queue, &camera})
            devices.add(d);
        devices.startAll();
        services = std::make_unique<ServiceCatalogModel>(catalog, devices);
        submission = std::make_unique<SubmissionController>(site, catalog, *executor, *syncMonitor, queue);
        session = std::make_unique<SessionController>(site, catalog, reader, scanner, *services, form,
                                                      *submission, clock);
        sync->start();
    }

    ~DiskKiosk()
    {
        session.reset();
        submission.reset();
        syncMonitor.reset();
        executor.reset();
    }

    // Submits and waits for the commit's answer: the screen after it.
    Screen submitAndWait()
    {
        session->submit(true);
        QTest::qWaitFor([this] { return session->screen() != Screen::Saving; });
        return session->screen();
    }

    // From attract to the review screen with a form that differs by its phone number.
    void walkToReview(const QString &phone)
    {
        session->begin();
        session->chooseLanguage(QStringLiteral("en"));
        QCOMPARE(session->screen(), Screen::Identify);
        reader.placeCard(testCard());
        QTRY_COMPARE(session->screen(), Screen::Catalog);
        session->chooseService(QStringLiteral("social-security-card"));
        session->startForm();
        form.setValue(QStringLiteral("phone"), phone);
        form.setValue(QStringLiteral("reason"), QStringLiteral("lost"));
        session->toReview();
        QCOMPARE(session->screen(), Screen::Review);
    }

    // A whole journey to the receipt; the session ends when the receipt is out. The case id.
    QString commitCase(const QString &phone)
    {
        walkToReview(phone);
        if (QTest::currentTestFailed())
            return QString();
        if (submitAndWait() != Screen::Receipt)
            return QString();
        const QString id = submission->caseId();
        if (!QTest::qWaitFor(
                [this] { return submission->receiptState() == SubmissionController::ReceiptState::Printed; }))
            return QString();
        session->endSession();
        return id;
    }

    QString phoneOf(const QString &caseId) const
    {
        const std::optional<CaseSubmission> stored = store->findCase(caseId);
        return stored ? stored->form.value(QStringLiteral("phone")).toString() : QStringLiteral("<none>");
    }
};

// One case straight into the store (phone 13800000009); its id, or empty + error.
QString submitOne(CaseStore &store, QString *error)
{
    CaseSubmission c;
    c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.caseNumber =
        store.nextCaseNumber(QStringLiteral("SH-TEST"), QStringLiteral("K01"), QDate(2026, 12, 3), error);
    if (c.caseNumber.isEmpty())
        return QString();
    c.serviceId = QStringLiteral("social-security-card");
    c.centerId = QStringLiteral("SH-TEST");
    c.submittedAt = QDateTime::currentDateTimeUtc();
    c.language = QStringLiteral("en");
    c.form = QJsonObject{{QStringLiteral("phone"), QStringLiteral("13800000009")}};
    return store.submitCase(c, {}, error) ? c.id : QString();
}

const char kFailureLog[] =
    // The step and sqlite's reason, with the store's path: no form value can appear in this shape.
    R"(^case (number not allocated|not committed): /[^ ]+/cases\.sqlite: [a-z (),]+: database or disk is full$)";

} // namespace

class TestStoreDiskFull : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
    }

    void submitOnAFullDiskIsNotSavedAndCommitsOnceWhenSpaceReturns()
    {
        QTemporaryDir simDir;
        PlatformSimProcess sim(simDir.filePath(QStringLiteral("platform.sqlite")));
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));

        TmpfsMount disk(m_dir.filePath(QStringLiteral("submit-disk")));
        QVERIFY2(disk.mount(QStringLiteral("4m"), &error), qPrintable(error));
        const QString dataDir = disk.path() + QStringLiteral("/kiosk-data");
        const QString storePath = dataDir + QStringLiteral("/cases.sqlite");
        {
            DiskKiosk k(dataDir, sim.baseUrl());

            // Before the disk fills: case A reaches the platform, case B waits in the outbox (offline).
            const QString caseA = k.commitCase(QStringLiteral("13800000001"));
            QVERIFY(!caseA.isEmpty());
            QTRY_COMPARE_WITH_TIMEOUT(k.store->caseSyncState(caseA), SyncState::Synced, 20000);
            k.sync->setNetworkAvailable(false);
            const QString caseB = k.commitCase(QStringLiteral("13800000002"));
            QVERIFY(!caseB.isEmpty());
            QCOMPARE(k.store->caseSyncState(caseB), SyncState::Pending);
            QCOMPARE(k.printer.jobCount(), 2);

            QVERIFY2(disk.fill(&error), qPrintable(error));
            QCOMPARE(disk.freeBytes(), 0);

            // The third resident submits on the full disk.
            k.walkToReview(QStringLiteral("13800000003"));
            QSignalSpy finished(k.submission.get(), &SubmissionController::finished);
            QSignalSpy alerted(k.submission.get(), &SubmissionController::storeAlertChanged);
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QLatin1String(kFailureLog)));
            QCOMPARE(k.submitAndWait(), Screen::Review);
            QCOMPARE(finished.count(), 1);
            QCOMPARE(finished.at(0).at(0).toBool(), false);
            QCOMPARE(k.session->screen(), Screen::Review); // not the receipt: never told "saved"
            QVERIFY2(k.session->notice().contains(QStringLiteral("run out of storage space")),
                     qPrintable(k.session->notice()));
            QCOMPARE(k.form.value(QStringLiteral("phone")), QStringLiteral("13800000003"));
            QVERIFY(k.submission->caseId().isEmpty());
            QCOMPARE(k.printer.jobCount(), 2); // no receipt for a case that does not exist
            // Staff: a queryable alert with its cause.
            QCOMPARE(alerted.count(), 1);
            QCOMPARE(k.submission->storeAlertCause(), QStringLiteral("disk_full"));
            QVERIFY2(k.submission->storeAlert().contains(QStringLiteral("database or disk is full")),
                     qPrintable(k.submission->storeAlert()));
            QVERIFY(!k.submission->storeAlert().contains(QStringLiteral("13800000003")));

            // A second tap while the disk is still full: the same answer, still nothing stored.
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QLatin1String(kFailureLog)));
            QCOMPARE(k.submitAndWait(), Screen::Review);
            QCOMPARE(k.submission->storeAlertCause(), QStringLiteral("disk_full"));

            // What was saved before is unharmed, read while the disk is full.
            QCOMPARE(storeQuery(storePath, "PRAGMA integrity_check"), QStringLiteral("ok"));
            QCOMPARE(storeQuery(storePath, "SELECT count(*) FROM cases"), QStringLiteral("2"));
            QCOMPARE(k.phoneOf(caseA), QStringLiteral("13800000001"));
            QCOMPARE(k.phoneOf(caseB), QStringLiteral("13800000002"));
            QCOMPARE(k.store->caseSyncState(caseA), SyncState::Synced);
            QCOMPARE(k.store->caseSyncState(caseB), SyncState::Pending);
            QVERIFY(CaseStore::quarantinedFiles(dataDir).isEmpty());

            // Staff free the space; the resident taps submit again: the same form, committed once.
            QVERIFY2(disk.freeSpace(&error), qPrintable(error));
            QCOMPARE(k.submitAndWait(), Screen::Receipt);
            const QString caseC = k.submission->caseId();
            QVERIFY(!caseC.isEmpty());
            QCOMPARE(k.phoneOf(caseC), QStringLiteral("13800000003"));
            QCOMPARE(k.submission->storeAlert(), QString());
            QCOMPARE(k.submission->storeAlertCause(), QString());
            QTRY_COMPARE(k.submission->receiptState(), SubmissionController::ReceiptState::Printed);
            QCOMPARE(k.printer.jobCount(), 3);
            QCOMPARE(k.printer.lastJobId(), caseC);
            k.session->endSession();

            QCOMPARE(storeQuery(storePath, "SELECT count(*) FROM cases"), QStringLiteral("3"));
            QCOMPARE(storeQuery(storePath, "SELECT count(*) FROM outbox WHERE kind = 'case'"),
                     QStringLiteral("3"));
            QCOMPARE(storeQuery(storePath, QByteArray("SELECT count(*) FROM outbox WHERE ref_id = '" +
                                                      caseC.toLatin1() + "'")
                                               .constData()),
                     QStringLiteral("1"));

            // Back online: B and C reach the platform, each once; A is not sent again.
            k.sync->setNetworkAvailable(true);
            QTRY_COMPARE_WITH_TIMEOUT(k.store->pendingCount(), 0, 20000);
            QCOMPARE(platformRowCount(sim.dbPath(), QStringLiteral("cases")), 3);
            for (const QString &id : {caseA, caseB, caseC})
                QCOMPARE(platformRowCount(sim.dbPath(), QStringLiteral("cases"), id), 1);
            QCOMPARE(storeQuery(storePath, "PRAGMA integrity_check"), QStringLiteral("ok"));
        }
        QCOMPARE(sim.terminate(), 0);
    }

    // The first start on a full disk must make the store's key: a clear error naming the key file and the
    // reason; nothing quarantined; the next start with space makes the store.
    void firstStartOnAFullDiskIsAClearError()
    {
        TmpfsMount disk(m_dir.filePath(QStringLiteral("first-start-disk")));
        QString error;
        QVERIFY2(disk.mount(QStringLiteral("1m"), &error), qPrintable(error));
        const QString dataDir = disk.path() + QStringLiteral("/kiosk-data");
        QVERIFY2(disk.fill(&error), qPrintable(error));

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("No space left on device|disk is full")));
        QVERIFY(!CaseStore::open(dataDir, &error));
        QVERIFY2(error.contains(QStringLiteral("No space left on device")) ||
                     error.contains(QStringLiteral("disk is full")),
                 qPrintable(error));
        QVERIFY(CaseStore::quarantinedFiles(dataDir).isEmpty());
        qInfo("refused as expected: %s", qPrintable(error));

        QVERIFY2(disk.freeSpace(&error), qPrintable(error));
        std::unique_ptr<CaseStore> store = CaseStore::open(dataDir, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->userVersion(), CaseStore::schemaVersion);
    }

    // A version-2 store (plaintext) migrates at start; on a full disk the migration cannot be written: a
    // clear error, the file is not quarantined, and with space again it migrates with its cases.
    void migrationOnAFullDiskIsAClearErrorNotAQuarantine()
    {
        TmpfsMount disk(m_dir.filePath(QStringLiteral("migration-disk")));
        QString error;
        QVERIFY2(disk.mount(QStringLiteral("2m"), &error), qPrintable(error));
        const QString dataDir = disk.path() + QStringLiteral("/kiosk-data");
        QVERIFY(QDir().mkpath(dataDir));
        const QString storePath = dataDir + QStringLiteral("/cases.sqlite");
        QVERIFY(QFile::copy(sourcePath(QStringLiteral("tests/fixtures/store/cases-v2.sqlite")), storePath));
        QVERIFY(QFile::setPermissions(storePath, QFile::ReadOwner | QFile::WriteOwner));
        // The key exists already and the file is in WAL mode (an earlier start got that far): the migration
        // itself is what cannot be written.
        FileKeyProvider keys(FileKeyProvider::defaultPath(dataDir));
        QVERIFY2(keys.loadKey(true, &error), qPrintable(error));
        QCOMPARE(storeQuery(storePath, "PRAGMA journal_mode = WAL"), QStringLiteral("wal"));
        // A reader (kioskctl, say) holds the file open, so its -wal and -shm exist when the kiosk starts.
        sqlite3 *reader = nullptr;
        QCOMPARE(sqlite3_open_v2(QFile::encodeName(storePath).constData(), &reader, SQLITE_OPEN_READWRITE,
                                 nullptr),
                 SQLITE_OK);
        QCOMPARE(sqlite3_exec(reader, "SELECT count(*) FROM cases", nullptr, nullptr, nullptr), SQLITE_OK);
        QVERIFY2(disk.fill(&error), qPrintable(error));

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("The disk is full")));
        QVERIFY(!CaseStore::open(dataDir, keys, &error));
        QVERIFY2(error.contains(QStringLiteral("The disk is full")), qPrintable(error));
        QVERIFY2(CaseStore::quarantinedFiles(dataDir).isEmpty(), qPrintable(error));
        QVERIFY(QFile::exists(storePath));
        qInfo("refused as expected: %s", qPrintable(error));
        sqlite3_close(reader);

        QVERIFY2(disk.freeSpace(&error), qPrintable(error));
        std::unique_ptr<CaseStore> store = CaseStore::open(dataDir, keys, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->userVersion(), CaseStore::schemaVersion);
        const std::optional<CaseSubmission> first =
            store->findCase(QStringLiteral("7a1b2c3d-0000-4000-8000-000000000001"));
        QVERIFY(first);
        QCOMPARE(first->form.value(QStringLiteral("full_name")).toString(), QStringLiteral("测试丙"));
    }

    // A restart after a clean shutdown on a full disk: sqlite must make the -shm file anew and finds no
    // room. A clear error, no quarantine; with space again the store opens with its case.
    void restartAfterACleanShutdownOnAFullDiskIsAClearError()
    {
        TmpfsMount disk(m_dir.filePath(QStringLiteral("restart-disk")));
        QString error;
        QVERIFY2(disk.mount(QStringLiteral("2m"), &error), qPrintable(error));
        const QString dataDir = disk.path() + QStringLiteral("/kiosk-data");
        QString caseId;
        {
            std::unique_ptr<CaseStore> store = CaseStore::open(dataDir, &error);
            QVERIFY2(store, qPrintable(error));
            caseId = submitOne(*store, &error);
            QVERIFY2(!caseId.isEmpty(), qPrintable(error));
        } // a clean shutdown: checkpointed, -wal and -shm removed
        QVERIFY2(disk.fill(&error), qPrintable(error));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("The disk is full")));
        QVERIFY(!CaseStore::open(dataDir, &error));
        QVERIFY2(error.contains(QStringLiteral("The disk is full")), qPrintable(error));
        QVERIFY(CaseStore::quarantinedFiles(dataDir).isEmpty());
        qInfo("refused as expected: %s", qPrintable(error));

        QVERIFY2(disk.freeSpace(&error), qPrintable(error));
        std::unique_ptr<CaseStore> store = CaseStore::open(dataDir, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->findCase(caseId));
        QCOMPARE(store->pendingCount(), 1);
    }

    // A healthy store opens on a full disk (a restart while the disk is full) and keeps its cases.
    void healthyStoreOpensOnAFullDisk()
    {
        TmpfsMount disk(m_dir.filePath(QStringLiteral("reopen-disk")));
        QString error;
        QVERIFY2(disk.mount(QStringLiteral("2m"), &error), qPrintable(error));
        const QString dataDir = disk.path() + QStringLiteral("/kiosk-data");
        QString caseId;
        {
            std::unique_ptr<CaseStore> store = CaseStore::open(dataDir, &error);
            QVERIFY2(store, qPrintable(error));
            caseId = submitOne(*store, &error);
            QVERIFY2(!caseId.isEmpty(), qPrintable(error));
            QVERIFY2(disk.fill(&error), qPrintable(error));
        } // closed on the full disk: the checkpoint at close may fail; nothing may be lost
        std::unique_ptr<CaseStore> store = CaseStore::open(dataDir, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(CaseStore::quarantinedFiles(dataDir).isEmpty());
        const std::optional<CaseSubmission> stored = store->findCase(caseId);
        QVERIFY(stored);
        QCOMPARE(stored->form.value(QStringLiteral("phone")).toString(), QStringLiteral("13800000009"));
        QCOMPARE(store->pendingCount(), 1);
        store.reset();
        QVERIFY2(disk.freeSpace(&error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestStoreDiskFull)
#include "tst_store_diskfull.moc"
