// Store schema 8 (docs/store.md, "Progress lookup"): the last status known from the platform per case (set
// by the sync's answer and by online lookups, never moved back in time), and a keyed blind index of the
// applicant's ID number that finds a resident's cases without the number being kept: not the number, not
// its plain hash, different under another key, dropped by retention. A schema-7 file migrates.
#include "ApplicantIndex.h"
#include "CanaryScan.h"
#include "CaseStore.h"
#include "Database.h"
#include "FieldCipher.h"
#include "KeyProvider.h"
#include "StoreTestData.h"

#include "StrictWarnings.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

static const QString kResidentX = QStringLiteral("31010419480312002X");
static const QString kResidentY = QStringLiteral("310110197604203013");

static CaseSubmission caseOf(const QString &number, const QString &idNumber, int day)
{
    CaseSubmission c = sampleCase(number);
    c.submittedAt = QDateTime(QDate(2026, 11, day), QTime(9, 0), Qt::UTC);
    c.form = QJsonObject{{QStringLiteral("applicant_name"), QStringLiteral("测试甲")},
                         {QStringLiteral("id_number"), idNumber}};
    return c;
}

class TestStoreProgress : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    std::unique_ptr<CaseStore> open()
    {
        QString error;
        auto store = CaseStore::open(m_dir->path(), &error);
        if (!store)
            qWarning("%s", qPrintable(error));
        return store;
    }
    static QStringList numbersOf(const QVector<LocalCaseProgress> &cases)
    {
        QStringList numbers;
        for (const LocalCaseProgress &c : cases)
            numbers << c.caseNumber;
        return numbers;
    }

private slots:
    void initTestCase() { installStrictWarnings(); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void aCardFindsItsOwnCasesOnlyNewestFirst()
    {
        auto store = open();
        QVERIFY(store);
        QString error;
        QVERIFY2(store->submitCase(caseOf(QStringLiteral("C001-K01-20261101-ABCD-0001"), kResidentX, 1), {},
                                   &error),
                 qPrintable(error));
        QVERIFY2(store->submitCase(caseOf(QStringLiteral("C001-K01-20261102-ABCD-0001"), kResidentY, 2), {},
                                   &error),
                 qPrintable(error));
        QVERIFY2(
            store->submitCase(caseOf(QStringLiteral("C001-K01-20261103-ABCD-0001"), kResidentX.toLower(), 3),
                              {}, &error),
            qPrintable(error));
        QVector<LocalCaseProgress> cases;
        QVERIFY2(store->casesOfApplicant(kResidentX, 10, &cases, &error), qPrintable(error));
        QCOMPARE(numbersOf(cases), (QStringList{QStringLiteral("C001-K01-20261103-ABCD-0001"),
                                                QStringLiteral("C001-K01-20261101-ABCD-0001")}));
        QVERIFY(!cases.first().sentToPlatform);
        QVERIFY(cases.first().platformStatus.isEmpty());
        QVERIFY2(store->casesOfApplicant(kResidentY, 10, &cases, &error), qPrintable(error));
        QCOMPARE(numbersOf(cases), QStringList{QStringLiteral("C001-K01-20261102-ABCD-0001")});
        QVERIFY2(store->casesOfApplicant(QStringLiteral("310105199203050042"), 10, &cases, &error),
                 qPrintable(error));
        QVERIFY(cases.isEmpty());
        QVERIFY2(store->casesOfApplicant(kResidentX, 1, &cases, &error), qPrintable(error));
        QCOMPARE(cases.size(), 1);
    }

    void theIndexIsKeyedAndNeverTheNumber()
    {
        const QByteArray keyA(32, 'a'), keyB(32, 'b');
        const FieldCipher a(keyA), b(keyB);
        const QByteArray index = ApplicantIndex::of(a, kResidentX);
        QCOMPARE(index.size(), 32);
        QCOMPARE(ApplicantIndex::of(a, kResidentX.toLower()), index);
        QVERIFY(ApplicantIndex::of(b, kResidentX) != index);
        QVERIFY(ApplicantIndex::of(a, kResidentY) != index);
        QVERIFY(index != kResidentX.toUtf8());
        QVERIFY(index != QCryptographicHash::hash(kResidentX.toUtf8(), QCryptographicHash::Sha256));
        QVERIFY(!index.contains(kResidentX.toUtf8()));

        // In the file: the stored index is the keyed one, and the number is nowhere in clear.
        auto store = open();
        QVERIFY(store);
        QString error;
        const CaseSubmission c = caseOf(QStringLiteral("C001-K01-20261101-ABCD-0001"), kResidentX, 1);
        QVERIFY2(store->submitCase(c, {}, &error), qPrintable(error));
        store.reset();
        auto db = Database::open(m_dir->filePath(QStringLiteral("cases.sqlite")), &error);
        QVERIFY2(db, qPrintable(error));
        std::optional<Statement> select = db->prepare("SELECT applicant_index FROM cases", "test", &error);
        QVERIFY2(select && select->step(&error) == Statement::Step::Row, qPrintable(error));
        const QByteArray stored = select->blob(0);
        QCOMPARE(stored.size(), 32);
        QVERIFY(stored != QCryptographicHash::hash(kResidentX.toUtf8(), QCryptographicHash::Sha256));
        select.reset();
        db.reset();
        QCOMPARE(findInFiles(m_dir->path(), textForms(kResidentX)), QStringList());
    }

    void theLastKnownStatusComesFromTheSyncAndFromLookups()
    {
        auto store = open();
        QVERIFY(store);
        QString error;
        const CaseSubmission c = caseOf(QStringLiteral("C001-K01-20261101-ABCD-0001"), kResidentX, 1);
        QVERIFY2(store->submitCase(c, {}, &error), qPrintable(error));
        const auto before = store->caseProgressByNumber(c.caseNumber, &error);
        QVERIFY2(before, qPrintable(error));
        QVERIFY(!before->sentToPlatform);
        QVERIFY(before->platformStatus.isEmpty());
        QVERIFY(!before->platformStatusAt.isValid());

        const QDateTime syncedAround = QDateTime::currentDateTimeUtc();
        const auto item = store->nextOutboxItem();
        QVERIFY(item && item->kind == QLatin1String("case"));
        QVERIFY2(
            store->markSynced(
                item->seq,
                R"({"case_id":"x","platform_ref":"P1","received_at":"2026-11-01T09:00:00.000Z","status":"received"})",
                &error),
            qPrintable(error));
        auto after = store->caseProgress(c.id, &error);
        QVERIFY2(after, qPrintable(error));
        QVERIFY(after->sentToPlatform);
        QCOMPARE(after->platformStatus, QStringLiteral("received"));
        QVERIFY(after->platformStatusAt >= syncedAround.addSecs(-1));

        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(60);
        QVERIFY2(store->recordPlatformStatus(c.id, QStringLiteral("in_review"), later, &error),
                 qPrintable(error));
        QVERIFY2(store->recordPlatformStatus(c.id, QStringLiteral("accepted"), later.addSecs(-30), &error),
                 qPrintable(error));
        after = store->caseProgress(c.id, &error);
        QCOMPARE(after->platformStatus, QStringLiteral("in_review"));
        QCOMPARE(after->platformStatusAt, later);
        QVERIFY2(store->recordPlatformStatus(QStringLiteral("not-here"), QStringLiteral("in_review"), later,
                                             &error),
                 qPrintable(error));
    }

    void retentionDropsTheIndex()
    {
        auto store = open();
        QVERIFY(store);
        QString error;
        const CaseSubmission c = caseOf(QStringLiteral("C001-K01-20261101-ABCD-0001"), kResidentX, 1);
        QVERIFY2(store->submitCase(c, {}, &error), qPrintable(error));
        QVERIFY2(store->markSynced(store->nextOutboxItem()->seq, R"({"status":"received"})", &error),
                 qPrintable(error));
        QCOMPARE(store->purgeExpired(QDateTime::currentDateTimeUtc().addDays(400), 1000, &error), 1);
        QVector<LocalCaseProgress> cases;
        QVERIFY2(store->casesOfApplicant(kResidentX, 10, &cases, &error), qPrintable(error));
        QVERIFY(cases.isEmpty());
        QVERIFY(store->caseProgress(c.id, &error)); // the tombstone still answers a QR lookup
    }

    void aSchema7FileMigrates()
    {
        QString error;
        CaseSubmission synced = caseOf(QStringLiteral("C001-K01-20261101-ABCD-0001"), kResidentX, 1);
        CaseSubmission pending = caseOf(QStringLiteral("C001-K01-20261102-ABCD-0001"), kResidentX, 2);
        CaseSubmission other = caseOf(QStringLiteral("C001-K01-20261103-ABCD-0001"), kResidentY, 3);
        {
            auto store = open();
            QVERIFY(store);
            QVERIFY2(store->submitCase(synced, {}, &error) && store->submitCase(pending, {}, &error) &&
                         store->submitCase(other, {}, &error),
                     qPrintable(error));
            QVERIFY2(store->markSynced(store->nextOutboxItem()->seq, "{}", &error), qPrintable(error));
        }
        {
            // Make the file what schema version 7 wrote: none of version 8's columns.
            auto db = Database::open(m_dir->filePath(QStringLiteral("cases.sqlite")), &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY2(
                db->exec("DROP INDEX cases_applicant_index; ALTER TABLE cases DROP COLUMN applicant_index; "
                         "ALTER TABLE cases DROP COLUMN platform_status; "
                         "ALTER TABLE cases DROP COLUMN platform_status_at; PRAGMA user_version = 7;",
                         "make version 7", &error),
                qPrintable(error));
        }
        auto store = open();
        QVERIFY(store);
        QCOMPARE(store->userVersion(), CaseStore::schemaVersion);
        QVector<LocalCaseProgress> cases;
        QVERIFY2(store->casesOfApplicant(kResidentX, 10, &cases, &error), qPrintable(error));
        QCOMPARE(numbersOf(cases), (QStringList{pending.caseNumber, synced.caseNumber}));
        QCOMPARE(cases.at(1).platformStatus, QStringLiteral("received"));
        QVERIFY(cases.at(1).platformStatusAt.isValid());
        QVERIFY(cases.at(1).sentToPlatform);
        QVERIFY(cases.at(0).platformStatus.isEmpty());
        QVERIFY(!cases.at(0).sentToPlatform);
        store.reset();
        QCOMPARE(findInFiles(m_dir->path(), textForms(kResidentX)), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestStoreProgress)
#include "tst_store_progress.moc"
