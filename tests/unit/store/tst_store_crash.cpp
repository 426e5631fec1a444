// Crash safety: a child process (this binary, started with --child) writes to the store and dies without
// closing it, by _exit() or abort(). What was committed before it died is there after a reopen; what was not
// committed is not, and the file stays healthy.
#include "CaseStore.h"
#include "Database.h"
#include "StoreTestData.h"

#include "StrictWarnings.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/resource.h>
#include <unistd.h>

static const char kChildFlag[] = "--child";
static const char kCommittedMarker[] = "committed";
static const char kCrashCaseNumber[] = "C001-20240501-0042";
static const char kUncommittedCaseId[] = "uncommitted-case";

// ---- The child ----------------------------------------------------------------------------------------

static void die(const char *how)
{
    std::fflush(stdout);
    if (std::strcmp(how, "abort") == 0) {
        const rlimit noCore = {0, 0}; // no core file in the build tree
        setrlimit(RLIMIT_CORE, &noCore);
        std::abort();
    }
    _exit(0); // no destructors: the sqlite connection is never closed
}

// Submits one case (with its id printed) and dies.
static int childSubmit(const QString &dataDir, const char *how)
{
    QString error;
    std::unique_ptr<CaseStore> store = CaseStore::open(dataDir, &error);
    if (!store) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 2;
    }
    const CaseSubmission submission = sampleCase(QLatin1String(kCrashCaseNumber));
    if (!store->submitCase(submission, sampleAttachments(), &error)) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 3;
    }
    std::printf("%s %s\n", kCommittedMarker, qPrintable(submission.id));
    die(how);
    return 0;
}

// Writes a case and a large attachment inside a transaction that is never committed, with a cache so
// small that sqlite must spill the uncommitted pages into the WAL, and dies.
static int childUncommitted(const QString &dataDir, const char *how)
{
    QString error;
    std::unique_ptr<Database> db = Database::open(dataDir + QStringLiteral("/cases.sqlite"), &error);
    if (!db || !db->exec("PRAGMA cache_size = 8", "small cache", &error)) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 2;
    }
    std::optional<Transaction> transaction = db->begin("never committed", &error);
    std::optional<Statement> insertCase = db->prepare(
        "INSERT INTO cases (id, case_number, service_id, center_id, submitted_at, language, form_json, created_at) "
        "VALUES (?1, 'C001-20240501-0099', 's', 'C001', '2024-05-01T00:00:00.000Z', "
        "'en', '{}', '2024-05-01T00:00:00.000Z')",
        "insert case", &error);
    std::optional<Statement> insertAttachment = db->prepare(
        "INSERT INTO attachments (case_id, sequence, kind, name, mime_type, data, sha256) "
        "VALUES (?1, 1, 'page', 'big', 'image/jpeg', ?2, '')",
        "insert attachment", &error);
    if (!transaction || !insertCase || !insertAttachment ||
        !insertCase->bind(1, QLatin1String(kUncommittedCaseId)).run(&error) ||
        !insertAttachment->bind(1, QLatin1String(kUncommittedCaseId))
             .bindBlob(2, QByteArray(400000, 'u'))
             .run(&error)) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 3;
    }
    std::printf("%s\n", "written, not committed");
    die(how);
    return 0;
}

static int runChild(int argc, char **argv)
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s --child submit|uncommitted exit|abort DATA_DIR\n", argv[0]);
        return 64;
    }
    const QString dataDir = QString::fromLocal8Bit(argv[4]);
    if (std::strcmp(argv[2], "submit") == 0)
        return childSubmit(dataDir, argv[3]);
    if (std::strcmp(argv[2], "uncommitted") == 0)
        return childUncommitted(dataDir, argv[3]);
    return 64;
}

// ---- The test -----------------------------------------------------------------------------------------

class TestStoreCrash : public QObject
{
    Q_OBJECT

private:
    // Runs the child and returns its stdout; fails the test if it did not die the expected way.
    static QByteArray runChildProcess(const QString &mode, const QString &how, const QString &dataDir)
    {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QLatin1String(kChildFlag), mode, how, dataDir});
        if (!child.waitForFinished(30000)) {
            child.kill();
            child.waitForFinished();
            QTest::qFail("child did not finish", __FILE__, __LINE__);
            return {};
        }
        const QByteArray childErrors = child.readAllStandardError();
        const bool aborted = child.exitStatus() == QProcess::CrashExit;
        const bool exited = child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0;
        if (how == QLatin1String("abort") ? !aborted : !exited) {
            QTest::qFail(qPrintable(QStringLiteral("child ended unexpectedly (status %1, code %2): %3")
                                        .arg(int(child.exitStatus()))
                                        .arg(child.exitCode())
                                        .arg(QString::fromLocal8Bit(childErrors))),
                         __FILE__, __LINE__);
            return {};
        }
        return child.readAllStandardOutput();
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void committedCaseSurvivesDeath_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("_exit") << QStringLiteral("exit");
        QTest::newRow("abort") << QStringLiteral("abort");
    }

    void committedCaseSurvivesDeath()
    {
        QFETCH(QString, how);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray output = runChildProcess(QStringLiteral("submit"), how, dir.path());
        QVERIFY2(output.startsWith(kCommittedMarker), output.constData());
        const QString caseId =
            QString::fromLatin1(output.mid(int(std::strlen(kCommittedMarker)) + 1).trimmed());

        // The commit lives only in the WAL: the child never checkpointed or closed.
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("cases.sqlite-wal"))).size() > 0);

        QString error;
        std::unique_ptr<CaseStore> store = CaseStore::open(dir.path(), &error);
        QVERIFY2(store, qPrintable(error));
        const std::optional<CaseSubmission> found = store->findCase(caseId);
        QVERIFY(found);
        QCOMPARE(found->caseNumber, QLatin1String(kCrashCaseNumber));
        QCOMPARE(store->caseSyncState(caseId), SyncState::Pending);
        const std::optional<OutboxItem> item = store->nextOutboxItem();
        QVERIFY(item);
        QCOMPARE(item->refId, caseId);
        QCOMPARE(item->kind, QStringLiteral("case"));
        QCOMPARE(store->auditCount(), 1);
        // Its attachments follow the case as items of their own (declarations with the SHA-256).
        QVERIFY2(store->markSynced(item->seq, "{}", &error), qPrintable(error));
        const std::optional<OutboxItem> attachment = store->nextOutboxItem();
        QVERIFY(attachment);
        QCOMPARE(attachment->refId, caseId);
        QCOMPARE(attachment->kind, QStringLiteral("attachment"));
        QVERIFY(attachment->body.contains(
            R"("sha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")"));
    }

    void uncommittedWorkIsGoneAfterDeath_data() { committedCaseSurvivesDeath_data(); }

    void uncommittedWorkIsGoneAfterDeath()
    {
        QFETCH(QString, how);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const CaseSubmission before = sampleCase(QStringLiteral("C001-20240501-0001"));
        {
            std::unique_ptr<CaseStore> store = CaseStore::open(dir.path(), &error);
            QVERIFY2(store && store->submitCase(before, {}, &error), qPrintable(error));
        }
        const QByteArray output = runChildProcess(QStringLiteral("uncommitted"), how, dir.path());
        QVERIFY2(output.startsWith("written, not committed"), output.constData());
        // The spilled pages are in the WAL, without a commit record.
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("cases.sqlite-wal"))).size() > 100000);

        std::unique_ptr<CaseStore> store = CaseStore::open(dir.path(), &error); // includes quick_check
        QVERIFY2(store, qPrintable(error));
        QVERIFY(!store->findCase(QLatin1String(kUncommittedCaseId)));
        QVERIFY(store->findCase(before.id));
        QCOMPARE(store->pendingCount(), 1);
        QVERIFY2(store->submitCase(sampleCase(QStringLiteral("C001-20240501-0099")), {}, &error),
                 qPrintable(error));
    }
};

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], kChildFlag) == 0)
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestStoreCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_store_crash.moc"
