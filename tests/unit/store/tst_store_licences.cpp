// Schema 9: the e-licences a case references (cases.licences_sealed). Sealed like the form (the holder's
// number never in clear in the file), read back by findCase, carried in the case's outbox body as
// "licences" + "licence_holder" (absent for a case without licences), forgotten by retention; the migration
// adds the column to an older file and leaves a file that already has it as it is.
#include "CanaryScan.h"
#include "CaseStore.h"
#include "Database.h"
#include "StoreTestData.h"

#include "StrictWarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

namespace {

QStringList column(Database &db, const char *sql)
{
    QString error;
    std::optional<Statement> select = db.prepare(sql, "dump", &error);
    if (!select)
        return {QStringLiteral("error: ") + error};
    QStringList values;
    while (select->step(&error) == Statement::Step::Row)
        values << (select->isNull(0) ? QStringLiteral("<null>") : select->text(0));
    return values;
}

CaseSubmission withLicences(const QString &number)
{
    CaseSubmission c = sampleCase(number);
    c.licenceIds = {QStringLiteral("A-PROP-001"), QStringLiteral("A-BIZ-002")};
    c.licenceHolderIdType = QStringLiteral("resident");
    c.licenceHolderIdNumber = canaryText();
    return c;
}

} // namespace

class TestStoreLicences : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void licencesAreSealedReadBackAndSentInTheBody()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<CaseStore> store = CaseStore::open(dir.path(), &error);
        QVERIFY2(store, qPrintable(error));
        const CaseSubmission with = withLicences(QStringLiteral("N-1"));
        const CaseSubmission without = sampleCase(QStringLiteral("N-2"));
        QVERIFY2(store->submitCase(with, {}, &error), qPrintable(error));
        QVERIFY2(store->submitCase(without, {}, &error), qPrintable(error));

        const std::optional<CaseSubmission> read = store->findCase(with.id);
        QVERIFY(read);
        QCOMPARE(read->licenceIds, with.licenceIds);
        QCOMPARE(read->licenceHolderIdType, QStringLiteral("resident"));
        QCOMPARE(read->licenceHolderIdNumber, canaryText());
        QVERIFY(store->findCase(without.id)->licenceIds.isEmpty());

        const std::optional<OutboxItem> first = store->nextOutboxItem();
        QVERIFY(first);
        QCOMPARE(first->refId, with.id);
        const QJsonObject body = QJsonDocument::fromJson(first->body).object();
        QCOMPARE(body.value(QStringLiteral("licences")).toArray(),
                 QJsonArray::fromStringList(with.licenceIds));
        QCOMPARE(body.value(QStringLiteral("licence_holder")).toObject(),
                 (QJsonObject{{QStringLiteral("id_type"), QStringLiteral("resident")},
                              {QStringLiteral("id_number"), canaryText()}}));
        QVERIFY2(store->markSynced(first->seq, "{}", &error), qPrintable(error));
        const std::optional<OutboxItem> second = store->nextOutboxItem();
        QVERIFY(second);
        QCOMPARE(second->refId, without.id);
        QVERIFY(!second->body.contains("licence"));
        const QString path = store->filePath();
        store.reset();

        std::unique_ptr<Database> db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(column(*db, "SELECT licences_sealed IS NULL FROM cases ORDER BY case_number"),
                 (QStringList{QStringLiteral("0"), QStringLiteral("1")}));
        db.reset();
        // Sealed: the holder's number is in no file in clear (nor in the outbox body, sealed too).
        const QStringList found = findInFiles(dir.path(), textForms(canaryText(), {canaryGb18030()}));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void retentionForgetsTheLicences()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<CaseStore> store = CaseStore::open(dir.path(), &error);
        QVERIFY2(store, qPrintable(error));
        const CaseSubmission with = withLicences(QStringLiteral("N-1"));
        QVERIFY2(store->submitCase(with, {}, &error), qPrintable(error));
        QVERIFY2(store->markSynced(1, "{}", &error), qPrintable(error));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(store->purgeExpired(now.addDays(2), 24 * 3600 * 1000LL, &error), 1);
        const std::optional<CaseSubmission> tombstone = store->findCase(with.id);
        QVERIFY(tombstone);
        QVERIFY(tombstone->licenceIds.isEmpty());
        QVERIFY(tombstone->licenceHolderIdNumber.isEmpty());
        const QString path = store->filePath();
        store.reset();
        std::unique_ptr<Database> db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(column(*db, "SELECT licences_sealed IS NULL FROM cases"), QStringList(QStringLiteral("1")));
    }

    // A version-8 file (no licences column: made from a current one, its column dropped) gets it; the cases
    // stored before reference no licences.
    void migrationAddsTheColumnToAnOlderFile()
    {
        QTemporaryDir dir;
        QString error;
        const CaseSubmission before = sampleCase(QStringLiteral("N-0"));
        QString path;
        {
            std::unique_ptr<CaseStore> store = CaseStore::open(dir.path(), &error);
            QVERIFY2(store && store->submitCase(before, {}, &error), qPrintable(error));
            path = store->filePath();
        }
        {
            std::unique_ptr<Database> db = Database::open(path, &error);
            QVERIFY2(db && db->exec("ALTER TABLE cases DROP COLUMN licences_sealed; PRAGMA user_version = 8;",
                                    "make a version-8 file", &error),
                     qPrintable(error));
            QCOMPARE(column(*db, "SELECT count(*) FROM pragma_table_info('cases') WHERE name = 'licences_sealed'"),
                     QStringList(QStringLiteral("0")));
        }
        std::unique_ptr<CaseStore> store = CaseStore::open(dir.path(), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->userVersion(), CaseStore::schemaVersion);
        QVERIFY(store->findCase(before.id)->licenceIds.isEmpty());
        const CaseSubmission with = withLicences(QStringLiteral("N-1"));
        QVERIFY2(store->submitCase(with, {}, &error), qPrintable(error));
        QCOMPARE(store->findCase(with.id)->licenceIds, with.licenceIds);
    }

    // Self-contained: a version-8 file that has the column already (the step renumbered at a merge and run
    // again) is left as it is, its licences readable.
    void migrationLeavesAFileThatHasTheColumn()
    {
        QTemporaryDir dir;
        QString error;
        const CaseSubmission with = withLicences(QStringLiteral("N-1"));
        QString path;
        {
            std::unique_ptr<CaseStore> store = CaseStore::open(dir.path(), &error);
            QVERIFY2(store && store->submitCase(with, {}, &error), qPrintable(error));
            path = store->filePath();
        }
        {
            std::unique_ptr<Database> db = Database::open(path, &error);
            QVERIFY2(db && db->exec("PRAGMA user_version = 8;", "back to version 8", &error), qPrintable(error));
        }
        std::unique_ptr<CaseStore> store = CaseStore::open(dir.path(), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->userVersion(), CaseStore::schemaVersion);
        QCOMPARE(store->findCase(with.id)->licenceIds, with.licenceIds);
    }
};

QTEST_GUILESS_MAIN(TestStoreLicences)
#include "tst_store_licences.moc"
