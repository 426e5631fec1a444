// CaseStore: opening, cases, ratings, case numbers, audit log, and what survives a reopen.
#include "CaseStore.h"
#include "Database.h"
#include "StoreTestData.h"

#include "StrictWarnings.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

class TestStoreCaseStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseStore> m_store;

    std::unique_ptr<CaseStore> reopen()
    {
        m_store.reset();
        QString error;
        std::unique_ptr<CaseStore> store = CaseStore::open(m_dir->path(), &error);
        if (!store)
            qFatal("reopen failed: %s", qPrintable(error));
        return store;
    }

    // A number of this store, kiosk K01.
    QString number(const char *center, const char *day, int seq) const
    {
        return QStringLiteral("%1-K01-%2-%3-%4")
            .arg(QLatin1String(center), QLatin1String(day), m_store->storeEpoch())
            .arg(seq, 4, 10, QLatin1Char('0'));
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QString error;
        m_store = CaseStore::open(m_dir->path(), &error);
        QVERIFY2(m_store, qPrintable(error));
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void openCreatesTheFileAtTheCurrentVersion()
    {
        QCOMPARE(m_store->filePath(), QDir(m_dir->path()).filePath(QStringLiteral("cases.sqlite")));
        QVERIFY(QFileInfo::exists(m_store->filePath()));
        QCOMPARE(m_store->userVersion(), CaseStore::schemaVersion);
        QCOMPARE(m_store->pendingCount(), 0);
        QCOMPARE(m_store->auditCount(), 0);
        QVERIFY(!m_store->nextOutboxItem());
        QVERIFY(CaseStore::quarantinedFiles(m_dir->path()).isEmpty());
    }

    void openCreatesMissingDataDirectory()
    {
        const QString nested = m_dir->filePath(QStringLiteral("a/b/data"));
        QString error;
        std::unique_ptr<CaseStore> store = CaseStore::open(nested, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(QFileInfo::exists(nested + QStringLiteral("/cases.sqlite")));
    }

    void connectionIsWalWithFullSync()
    {
        QCOMPARE(m_store->journalMode(), QStringLiteral("wal"));
        QCOMPARE(m_store->synchronousLevel(), 2); // FULL
        // WAL is a property of the file: a second connection sees it too.
        QString error;
        std::unique_ptr<Database> other = Database::open(m_store->filePath(), &error);
        QVERIFY2(other, qPrintable(error));
        QCOMPARE(other->queryText("PRAGMA journal_mode", "test", &error).value_or(QString()),
                 QStringLiteral("wal"));
    }

    void submitAndReadBack()
    {
        CaseSubmission submission = sampleCase(QStringLiteral("C001-20240501-0001"));
        // A non-UTC time is stored as the same instant.
        submission.submittedAt =
            QDateTime(QDate(2024, 5, 1), QTime(16, 30, 0, 123), Qt::OffsetFromUTC, 8 * 3600);
        QString error;
        QVERIFY2(m_store->submitCase(submission, sampleAttachments(), &error), qPrintable(error));

        const std::optional<CaseSubmission> found = m_store->findCase(submission.id);
        QVERIFY(found);
        QCOMPARE(found->id, submission.id);
        QCOMPARE(found->caseNumber, submission.caseNumber);
        QCOMPARE(found->serviceId, submission.serviceId);
        QCOMPARE(found->centerId, submission.centerId);
        QCOMPARE(found->submittedAt, submission.submittedAt);
        QCOMPARE(found->submittedAt.timeSpec(), Qt::UTC);
        QCOMPARE(found->submittedAt.time(), QTime(8, 30, 0, 123));
        QCOMPARE(found->form, submission.form);
        QCOMPARE(found->language, submission.language);

        QCOMPARE(m_store->caseSyncState(submission.id), SyncState::Pending);
        QCOMPARE(m_store->pendingCount(), 1 + 2); // the case and its two attachments
        QCOMPARE(m_store->auditCount(), 1);
    }

    void unknownCase()
    {
        QVERIFY(!m_store->findCase(QStringLiteral("no-such-case")));
        QCOMPARE(m_store->caseSyncState(QStringLiteral("no-such-case")), SyncState::Unknown);
    }

    void submitRejectsInvalidInputWithoutWriting()
    {
        QString error;
        CaseSubmission noTime = sampleCase(QStringLiteral("C001-20240501-0001"));
        noTime.submittedAt = QDateTime();
        QVERIFY(!m_store->submitCase(noTime, {}, &error));
        QVERIFY2(error.startsWith(m_store->filePath() + QStringLiteral(": submit case: case ") + noTime.id),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("submission time is invalid")), qPrintable(error));

        CaseSubmission badAttachment = sampleCase(QStringLiteral("C001-20240501-0002"));
        QVERIFY(!m_store->submitCase(badAttachment, {{QString(), QStringLiteral("image/png"), "x", QString()}}, &error));
        QVERIFY2(error.contains(QLatin1String("attachment 0 has no name")), qPrintable(error));

        QCOMPARE(m_store->pendingCount(), 0);
        QCOMPARE(m_store->auditCount(), 0);
    }

    void duplicateCaseNumberRollsBackEverything()
    {
        QString error;
        QVERIFY2(m_store->submitCase(sampleCase(QStringLiteral("C001-20240501-0001")), {}, &error),
                 qPrintable(error));
        const CaseSubmission duplicate = sampleCase(QStringLiteral("C001-20240501-0001"));
        QVERIFY(!m_store->submitCase(duplicate, sampleAttachments(), &error));
        QVERIFY2(error.contains(QLatin1String("UNIQUE constraint failed: cases.case_number")),
                 qPrintable(error));
        QVERIFY(!m_store->findCase(duplicate.id));
        QCOMPARE(m_store->caseSyncState(duplicate.id), SyncState::Unknown);
        QCOMPARE(m_store->pendingCount(), 1);
        QCOMPARE(m_store->auditCount(), 1);
    }

    void reopenKeepsEverything()
    {
        QString error;
        const CaseSubmission first = sampleCase(QStringLiteral("C001-20240501-0001"));
        const CaseSubmission second = sampleCase(QStringLiteral("C001-20240501-0002"));
        QVERIFY2(m_store->submitCase(first, sampleAttachments(), &error), qPrintable(error));
        QVERIFY2(m_store->submitCase(second, {}, &error), qPrintable(error));
        QVERIFY2(m_store->addRating(first.id, 5, QStringLiteral("fast"), &error), qPrintable(error));
        const std::optional<OutboxItem> head = m_store->nextOutboxItem();
        QVERIFY(head);
        QVERIFY2(m_store->markSynced(head->seq, "{\"status\":\"accepted\"}", &error), qPrintable(error));
        QCOMPARE(m_store->nextCaseNumber(QStringLiteral("C001"), QStringLiteral("K01"), QDate(2024, 5, 1), &error),
                 number("C001", "20240501", 1));
        const QString epoch = m_store->storeEpoch();

        m_store = reopen();
        QCOMPARE(m_store->storeEpoch(), epoch); // the epoch belongs to the file, not to the connection
        QCOMPARE(m_store->userVersion(), CaseStore::schemaVersion);
        QVERIFY(m_store->findCase(first.id));
        QCOMPARE(m_store->findCase(second.id)->form, second.form);
        QCOMPARE(m_store->caseSyncState(first.id), SyncState::Synced);
        QCOMPARE(m_store->caseSyncState(second.id), SyncState::Pending);
        QCOMPARE(m_store->pendingCount(), 2 + 2); // first's two attachments, second case, rating
        QCOMPARE(m_store->auditCount(), 4);   // 2 submitted, 1 rating, 1 synced
        QCOMPARE(m_store->nextCaseNumber(QStringLiteral("C001"), QStringLiteral("K01"), QDate(2024, 5, 1), &error),
                 number("C001", "20240501", 2));
    }

    void caseNumbersCountPerCenterAndDay()
    {
        QString error;
        const QDate may1(2024, 5, 1);
        const QDate may2(2024, 5, 2);
        const QString a = QStringLiteral("C001");
        const QString b = QStringLiteral("C002");
        const QString k = QStringLiteral("K01");
        QCOMPARE(m_store->nextCaseNumber(a, k, may1, &error), number("C001", "20240501", 1));
        QCOMPARE(m_store->nextCaseNumber(a, k, may1, &error), number("C001", "20240501", 2));
        QCOMPARE(m_store->nextCaseNumber(b, k, may1, &error), number("C002", "20240501", 1));
        QCOMPARE(m_store->nextCaseNumber(a, k, may2, &error), number("C001", "20240502", 1));
        QCOMPARE(m_store->nextCaseNumber(a, k, may1, &error), number("C001", "20240501", 3));
        m_store = reopen();
        QCOMPARE(m_store->nextCaseNumber(b, k, may1, &error), number("C002", "20240501", 2));

        QCOMPARE(m_store->nextCaseNumber(QString(), k, may1, &error), QString());
        QVERIFY2(error.contains(QLatin1String("next case number: the center id is empty")),
                 qPrintable(error));
        QCOMPARE(m_store->nextCaseNumber(a, QString(), may1, &error), QString());
        QVERIFY2(error.contains(QLatin1String("the kiosk id \"\" is not")), qPrintable(error));
        QCOMPARE(m_store->nextCaseNumber(a, QStringLiteral("K-1"), may1, &error), QString());
        QVERIFY2(error.contains(QLatin1String("the kiosk id \"K-1\" is not")), qPrintable(error));
        QCOMPARE(m_store->nextCaseNumber(a, k, QDate(), &error), QString());
        QVERIFY2(error.contains(QLatin1String("the date is invalid")), qPrintable(error));
    }

    void ratings()
    {
        QString error;
        const CaseSubmission submission = sampleCase(QStringLiteral("C001-20240501-0001"));
        QVERIFY2(m_store->submitCase(submission, {}, &error), qPrintable(error));

        QVERIFY(!m_store->addRating(submission.id, 0, QString(), &error));
        QVERIFY2(error.contains(QLatin1String("level 0 is outside 1..5")), qPrintable(error));
        QVERIFY(!m_store->addRating(submission.id, 6, QString(), &error));
        QVERIFY(!m_store->addRating(QStringLiteral("no-such-case"), 3, QString(), &error));
        QVERIFY2(error.contains(QLatin1String("add rating: no case no-such-case")), qPrintable(error));
        QCOMPARE(m_store->pendingCount(), 1);

        QVERIFY2(m_store->addRating(submission.id, 4, QStringLiteral("ok"), &error), qPrintable(error));
        QCOMPARE(m_store->pendingCount(), 2);
        QCOMPARE(m_store->auditCount(), 2);
        // One rating per case: a second one is refused and leaves no outbox item behind.
        QVERIFY(!m_store->addRating(submission.id, 5, QString(), &error));
        QVERIFY2(error.contains(QLatin1String("UNIQUE constraint failed: ratings.case_id")),
                 qPrintable(error));
        QCOMPARE(m_store->pendingCount(), 2);
        QCOMPARE(m_store->auditCount(), 2);
    }

    void auditEntries()
    {
        QString error;
        QVERIFY2(m_store->audit(QStringLiteral("kiosk.started"), QStringLiteral("v0.1.0"), &error),
                 qPrintable(error));
        QVERIFY2(m_store->audit(QStringLiteral("kiosk.stopped"), QString()), "detail may be empty");
        QVERIFY(!m_store->audit(QString(), QStringLiteral("x"), &error));
        QVERIFY2(error.contains(QLatin1String("audit: the event is empty")), qPrintable(error));
        QCOMPARE(m_store->auditCount(), 2);
    }

    void auditLogHoldsIdsNotPersonalData()
    {
        QString error;
        const CaseSubmission submission = sampleCase(QStringLiteral("C001-20240501-0001"));
        QVERIFY2(m_store->submitCase(submission, {}, &error), qPrintable(error));
        QVERIFY2(m_store->addRating(submission.id, 2, QStringLiteral("slow"), &error), qPrintable(error));
        const QString path = m_store->filePath();
        m_store.reset();

        std::unique_ptr<Database> db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        std::optional<Statement> select =
            db->prepare("SELECT event, detail FROM audit_log ORDER BY id", "read", &error);
        QVERIFY2(select, qPrintable(error));
        QStringList entries;
        while (select->step(&error) == Statement::Step::Row)
            entries << select->text(0) + QLatin1Char(' ') + select->text(1);
        QCOMPARE(entries, QStringList({QStringLiteral("case.submitted ") + submission.id,
                                       QStringLiteral("rating.added ") + submission.id}));
    }
};

QTEST_GUILESS_MAIN(TestStoreCaseStore)
#include "tst_store_casestore.moc"
