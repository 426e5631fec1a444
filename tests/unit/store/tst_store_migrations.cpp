// Schema versions: migrating an old file (a committed version-1 fixture), refusing a newer one untouched,
// and quarantining a damaged one without creating a fresh store.
#include "CaseStore.h"
#include "Database.h"
#include "Migrations.h"
#include "Quarantine.h"
#include "StoreTestData.h"

#include "StrictWarnings.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

static const char kCase1[] = "5b0e7c1a-3d2f-4e6a-9b1c-0a1b2c3d4e5f"; // synced in the fixture
static const char kCase2[] = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"; // pending, 3 failed attempts

// Every row of a statement as "col|col|...", NULL as "<null>".
static QStringList rows(Database &db, const char *sql)
{
    QString error;
    std::optional<Statement> select = db.prepare(sql, "dump", &error);
    if (!select)
        return {QStringLiteral("error: ") + error};
    QStringList result;
    Statement::Step step;
    while ((step = select->step(&error)) == Statement::Step::Row) {
        QStringList columns;
        for (int i = 0; i < select->columnCount(); ++i)
            columns << (select->isNull(i) ? QStringLiteral("<null>") : select->text(i).simplified());
        result << columns.join(QLatin1Char('|'));
    }
    if (step == Statement::Step::Failed)
        result << QStringLiteral("error: ") + error;
    return result;
}

static QStringList schemaOf(Database &db)
{
    return rows(db, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
}

static QStringList version1Contents(Database &db)
{
    return schemaOf(db) + rows(db, "SELECT * FROM cases ORDER BY id") +
           rows(db, "SELECT * FROM outbox ORDER BY seq") + rows(db, "SELECT * FROM audit_log ORDER BY id") +
           rows(db, "SELECT * FROM case_number_seq ORDER BY center_id, day") +
           rows(db, "SELECT * FROM sqlite_sequence ORDER BY name") + rows(db, "PRAGMA user_version");
}

static bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

class TestStoreMigrations : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString storePath() const { return m_dir->filePath(QStringLiteral("cases.sqlite")); }

    bool copyVersion2Fixture()
    {
        const QString target = storePath();
        return QFile::copy(sourcePath(QStringLiteral("tests/fixtures/store/cases-v2.sqlite")), target) &&
               QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    }

    bool copyVersion1Fixture()
    {
        const QString target = storePath();
        return QFile::copy(sourcePath(QStringLiteral("tests/fixtures/store/cases-v1.sqlite")), target) &&
               QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup() { m_dir.reset(); }

    void everySchemaVersionHasAMigration() { QCOMPARE(latestSchemaVersion(), CaseStore::schemaVersion); }

    // The committed binary fixture is exactly what its .sql source builds.
    void version1FixtureMatchesItsSource()
    {
        QString error;
        const QByteArray script = readAll(sourcePath(QStringLiteral("tests/fixtures/store/cases-v1.sql")));
        QVERIFY(!script.isEmpty());
        std::unique_ptr<Database> fromSql =
            Database::open(m_dir->filePath(QStringLiteral("from-sql.sqlite")), &error);
        QVERIFY2(fromSql && fromSql->exec(script.constData(), "load cases-v1.sql", &error),
                 qPrintable(error));
        QVERIFY2(copyVersion1Fixture(), "cannot copy the fixture");
        std::unique_ptr<Database> fixture = Database::open(storePath(), &error);
        QVERIFY2(fixture, qPrintable(error));
        const QStringList expected = version1Contents(*fromSql);
        QCOMPARE(expected.size(), 8 + 2 + 2 + 3 + 1 + 2 + 1); // schema incl. autoindexes, rows, user_version
        QCOMPARE(version1Contents(*fixture), expected);
    }

    // Migration 1 must never change: old files were made by it. It has to build the fixture's schema.
    void migrationToVersion1BuildsTheFixtureSchema()
    {
        QString error;
        std::unique_ptr<Database> fresh =
            Database::open(m_dir->filePath(QStringLiteral("fresh.sqlite")), &error);
        QVERIFY2(fresh && migrateDatabase(*fresh, 1, &error), qPrintable(error));
        QCOMPARE(fresh->userVersion(&error).value_or(-1), 1);
        QVERIFY2(copyVersion1Fixture(), "cannot copy the fixture");
        std::unique_ptr<Database> fixture = Database::open(storePath(), &error);
        QVERIFY2(fixture, qPrintable(error));
        QCOMPARE(schemaOf(*fresh), schemaOf(*fixture));
    }

    void migratesVersion1Fixture()
    {
        QVERIFY2(copyVersion1Fixture(), "cannot copy the fixture");
        QString error;
        std::unique_ptr<CaseStore> store = CaseStore::open(m_dir->path(), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->userVersion(), CaseStore::schemaVersion);
        QCOMPARE(store->journalMode(), QStringLiteral("wal"));

        const std::optional<CaseSubmission> first = store->findCase(QLatin1String(kCase1));
        QVERIFY(first);
        QCOMPARE(first->caseNumber, QStringLiteral("C001-20240501-0001"));
        QCOMPARE(first->serviceId, QStringLiteral("household.registration"));
        QCOMPARE(first->submittedAt, QDateTime(QDate(2024, 5, 1), QTime(1, 30), Qt::UTC));
        QCOMPARE(first->form.value(QStringLiteral("full_name")).toString(), QStringLiteral("测试甲"));
        QCOMPARE(store->findCase(QLatin1String(kCase2))->language, QStringLiteral("en"));

        QCOMPARE(store->caseSyncState(QLatin1String(kCase1)), SyncState::Synced);
        QCOMPARE(store->caseSyncState(QLatin1String(kCase2)), SyncState::Pending);
        QCOMPARE(store->pendingCount(), 1);
        const std::optional<OutboxItem> head = store->nextOutboxItem();
        QVERIFY(head);
        QCOMPARE(head->seq, 2);
        QCOMPARE(head->refId, QLatin1String(kCase2));
        QCOMPARE(head->attempts, 3);
        QCOMPARE(head->lastError, QStringLiteral("HTTP 503: service unavailable"));
        QVERIFY(!head->nextAttemptAt.isValid());
        QVERIFY(head->body.startsWith("{\"attachments\":[],\"case_id\":\"9d8c7b6a-"));
        QCOMPARE(store->auditCount(), 3);

        // Numbering and sequences continue where version 1 left off; the new tables work.
        QCOMPARE(store->nextCaseNumber(QStringLiteral("C001"), QStringLiteral("K01"), QDate(2024, 5, 1), &error),
                 QStringLiteral("C001-K01-20240501-%1-0003").arg(store->storeEpoch()));
        QVERIFY2(store->addRating(QLatin1String(kCase1), 5, QStringLiteral("good"), &error),
                 qPrintable(error));
        QVERIFY2(
            store->submitCase(sampleCase(QStringLiteral("C001-20240501-0003")), sampleAttachments(), &error),
            qPrintable(error));
        QCOMPARE(store->pendingCount(), 3 + 2); // and the new case's two attachments
        const QString path = store->filePath();
        store.reset();

        std::unique_ptr<Database> db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(
            rows(*db,
                 "SELECT seq, kind, state, next_attempt_at, synced_at IS NOT NULL FROM outbox ORDER BY seq"),
            QStringList({QStringLiteral("1|case|synced|<null>|1"), QStringLiteral("2|case|pending|<null>|0"),
                         QStringLiteral("3|rating|pending|<null>|0"),
                         QStringLiteral("4|case|pending|<null>|0"),
                         QStringLiteral("5|attachment|pending|<null>|0"),
                         QStringLiteral("6|attachment|pending|<null>|0")}));
        QCOMPARE(rows(*db, "SELECT count(*) FROM attachments"), QStringList(QStringLiteral("2")));
    }

    // The committed version-2 fixture is exactly what its .sql source builds, and migrations 1 + 2 build its
    // schema (the .sql replays them verbatim).
    void version2FixtureMatchesItsSourceAndMigration2()
    {
        QString error;
        const QByteArray script = readAll(sourcePath(QStringLiteral("tests/fixtures/store/cases-v2.sql")));
        QVERIFY(!script.isEmpty());
        std::unique_ptr<Database> fromSql =
            Database::open(m_dir->filePath(QStringLiteral("from-sql.sqlite")), &error);
        QVERIFY2(fromSql && fromSql->exec(script.constData(), "load cases-v2.sql", &error), qPrintable(error));
        QVERIFY2(copyVersion2Fixture(), "cannot copy the fixture");
        std::unique_ptr<Database> fixture = Database::open(storePath(), &error);
        QVERIFY2(fixture, qPrintable(error));
        const auto contents = [](Database &db) {
            return version1Contents(db) + rows(db, "SELECT id, case_id, name, mime_type, hex(data) FROM attachments ORDER BY id") +
                   rows(db, "SELECT * FROM ratings ORDER BY case_id");
        };
        const QStringList expected = contents(*fromSql);
        QCOMPARE(contents(*fixture), expected);
        QVERIFY(expected.size() > 20);

        std::unique_ptr<Database> fresh = Database::open(m_dir->filePath(QStringLiteral("fresh.sqlite")), &error);
        QVERIFY2(fresh && migrateDatabase(*fresh, 2, &error), qPrintable(error));
        QCOMPARE(schemaOf(*fresh), schemaOf(*fixture));
    }

    void migratesVersion2Fixture()
    {
        static const char kWithPages[] = "7a1b2c3d-0000-4000-8000-000000000001";
        static const char kRejected[] = "7a1b2c3d-0000-4000-8000-000000000002";
        QVERIFY2(copyVersion2Fixture(), "cannot copy the fixture");
        QString error;
        std::unique_ptr<CaseStore> store = CaseStore::open(m_dir->path(), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->userVersion(), CaseStore::schemaVersion);

        // The attachments kept their bytes and order, and got a sequence, a kind and their SHA-256.
        const QVector<AttachmentRecord> pages = store->attachments(QLatin1String(kWithPages));
        QCOMPARE(pages.size(), 3);
        QCOMPARE(pages[0].sequence, 1);
        QCOMPARE(pages[0].kind, QStringLiteral("page"));
        QCOMPARE(pages[0].name, QStringLiteral("id-front.jpg"));
        QCOMPARE(pages[0].data, QByteArray("abc"));
        QCOMPARE(pages[0].sha256, QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(pages[1].sequence, 2);
        QCOMPARE(pages[1].kind, QStringLiteral("pdf"));
        QCOMPARE(pages[1].data, QByteArray());
        QCOMPARE(pages[1].sha256, QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(pages[2].sequence, 3);
        QCOMPARE(pages[2].data, QByteArray("foo"));
        QVERIFY(store->attachments(QLatin1String(kRejected)).isEmpty());

        // Cases, outbox states and the rating are as they were; the synced body is not rebuilt.
        QCOMPARE(store->findCase(QLatin1String(kWithPages))->form.value(QStringLiteral("full_name")).toString(),
                 QStringLiteral("测试丙"));
        QCOMPARE(store->caseSyncState(QLatin1String(kWithPages)), SyncState::Synced);
        QCOMPARE(store->caseSyncState(QLatin1String(kRejected)), SyncState::Rejected);
        QCOMPARE(store->pendingCount(), 1);
        QCOMPARE(store->nextOutboxItem()->kind, QStringLiteral("rating"));
        // The pending rating keeps the key its kiosk sent it with (the case id; migration 5).
        QCOMPARE(store->nextOutboxItem()->idempotencyKey, store->nextOutboxItem()->refId);
        QCOMPARE(store->rating(store->nextOutboxItem()->refId)->idempotencyKey, store->nextOutboxItem()->refId);
        // Migration 7: a rating from before has no indicators, and its body is sent as it was.
        QVERIFY(store->rating(store->nextOutboxItem()->refId)->indicators.isEmpty());
        QVERIFY(!store->nextOutboxItem()->body.contains("indicators"));
        QCOMPARE(store->auditCount(), 5);

        // New cases get version-3 attachments; numbering continues.
        CaseSubmission next =
            sampleCase(store->nextCaseNumber(QStringLiteral("C002"), QStringLiteral("K01"), QDate(2026, 11, 1), &error));
        QCOMPARE(next.caseNumber, QStringLiteral("C002-K01-20261101-%1-0003").arg(store->storeEpoch()));
        QVERIFY2(store->submitCase(next, {{QStringLiteral("photo.jpg"), QStringLiteral("image/jpeg"), QByteArray("face"), QStringLiteral("photo")}}, &error),
                 qPrintable(error));
        QCOMPARE(store->attachments(next.id).value(0).kind, QStringLiteral("photo"));
        const QString path = store->filePath();
        store.reset();
        std::unique_ptr<Database> db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(rows(*db, "SELECT count(*) FROM sqlite_master WHERE name IN ('attachments_v3', 'attachments_case_id')"),
                 QStringList(QStringLiteral("0")));
    }

    // Version 5: a rating stored by version 4 kept "<case id>/rating" but was sent with the case id; after the
    // migration its row holds the case id. A rating stored by version 5 keeps its own UUID.
    void version4RatingKeysBecomeTheKeySent()
    {
        QString error;
        const CaseSubmission old = sampleCase(QStringLiteral("C001-K01-20261101-ABCD-0001"));
        CaseSubmission recent = sampleCase(QStringLiteral("C001-K01-20261101-ABCD-0002"));
        recent.id = QStringLiteral("11111111-2222-4333-8444-555555555555");
        QString recentKey;
        {
            std::unique_ptr<CaseStore> store = CaseStore::open(m_dir->path(), &error);
            QVERIFY2(store, qPrintable(error));
            QVERIFY2(store->submitCase(old, {}, &error) && store->addRating(old.id, 4, QString(), &error),
                     qPrintable(error));
            QVERIFY2(store->submitCase(recent, {}, &error) && store->addRating(recent.id, 5, QString(), &error),
                     qPrintable(error));
            recentKey = store->rating(recent.id)->idempotencyKey;
            QVERIFY(!QUuid::fromString(recentKey).isNull());
        }
        {
            // Make the file what version 4 wrote for the old rating.
            std::unique_ptr<Database> db = Database::open(storePath(), &error);
            QVERIFY2(db, qPrintable(error));
            const QByteArray sql = "UPDATE outbox SET idempotency_key = ref_id || '/rating' WHERE kind = 'rating' "
                                   "AND ref_id = '" + old.id.toLatin1() + "'; PRAGMA user_version = 4;";
            QVERIFY2(db->exec(sql.constData(), "make version 4", &error), qPrintable(error));
            QCOMPARE(rows(*db, "PRAGMA user_version"), QStringList(QStringLiteral("4")));
        }
        std::unique_ptr<CaseStore> store = CaseStore::open(m_dir->path(), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->userVersion(), CaseStore::schemaVersion);
        QCOMPARE(store->rating(old.id)->idempotencyKey, old.id);
        QCOMPARE(store->rating(recent.id)->idempotencyKey, recentKey);
    }

    void failedMigrationLeavesTheOldVersion()
    {
        QVERIFY2(copyVersion1Fixture(), "cannot copy the fixture");
        QString error;
        {
            // A table in the way makes migration 2 fail halfway through its script.
            std::unique_ptr<Database> db = Database::open(storePath(), &error);
            QVERIFY2(db && db->exec("CREATE TABLE ratings (x)", "sabotage", &error), qPrintable(error));
        }
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("while migrating to schema version 2")));
        QVERIFY(!CaseStore::open(m_dir->path(), &error));
        QVERIFY2(error.contains(QLatin1String("table ratings already exists")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("while migrating to schema version 2")), qPrintable(error));
        QVERIFY(CaseStore::quarantinedFiles(m_dir->path()).isEmpty()); // not damaged: not moved

        std::unique_ptr<Database> db = Database::open(storePath(), &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->userVersion(&error).value_or(-1), 1);
        QCOMPARE(rows(*db, "SELECT count(*) FROM sqlite_master WHERE name = 'attachments'"),
                 QStringList(QStringLiteral("0")));
        QCOMPARE(rows(*db, "SELECT count(*) FROM outbox"), QStringList(QStringLiteral("2")));
    }

    void newerVersionIsRefusedAndLeftUntouched_data()
    {
        QTest::addColumn<bool>("wal");
        QTest::addColumn<bool>("keepFramesInWal");
        QTest::newRow("rollback journal") << false << false;
        QTest::newRow("wal, checkpointed") << true << false;
        QTest::newRow("wal, frames not checkpointed") << true << true;
    }

    void newerVersionIsRefusedAndLeftUntouched()
    {
        QFETCH(bool, wal);
        QFETCH(bool, keepFramesInWal);
        QString error;
        {
            std::unique_ptr<Database> db = Database::open(storePath(), &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY2(!wal || db->useWriteAheadLog(&error), qPrintable(error));
            QVERIFY2(
                db->exec(
                    "CREATE TABLE things_from_the_future (x); INSERT INTO things_from_the_future VALUES (1);"
                    "PRAGMA user_version = 99;",
                    "make a future file", &error),
                qPrintable(error));
            db->setCheckpointOnClose(!keepFramesInWal); // as if the newer build had crashed
        }
        const QString walPath = storePath() + QStringLiteral("-wal");
        const QByteArray before = readAll(storePath());
        const QByteArray walBefore = readAll(walPath);
        QCOMPARE(walBefore.isEmpty(), !keepFramesInWal);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("schema version 99 is newer")));
        QVERIFY(!CaseStore::open(m_dir->path(), &error));
        QVERIFY2(error.contains(storePath()), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("schema version 99 is newer than version %1")
                                    .arg(CaseStore::schemaVersion)),
                 qPrintable(error));

        QCOMPARE(readAll(storePath()), before);
        QCOMPARE(readAll(walPath), walBefore); // the newer build's frames are still there, not merged
        QVERIFY(CaseStore::quarantinedFiles(m_dir->path()).isEmpty());
        if (!wal) // a rollback-journal file gains no companion files either
            QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList(QStringLiteral("cases.sqlite")));
    }

    void garbageFileIsQuarantined_data()
    {
        QTest::addColumn<QByteArray>("garbage");
        QTest::newRow("no sqlite header")
            << QByteArray("this is not a database, but it may be all we have\n").repeated(100);
        QTest::newRow("sqlite header, then garbage")
            << QByteArray("SQLite format 3\0", 16) + QByteArray("garbage after a good start ").repeated(200);
    }

    void garbageFileIsQuarantined()
    {
        QFETCH(QByteArray, garbage);
        const QByteArray walBytes("wal bytes");
        const QByteArray shmBytes("shm bytes");
        QVERIFY(writeFile(storePath(), garbage));
        QVERIFY(writeFile(storePath() + QStringLiteral("-wal"), walBytes));
        QVERIFY(writeFile(storePath() + QStringLiteral("-shm"), shmBytes));

        QTest::ignoreMessage(QtCriticalMsg,
                             QRegularExpression(QStringLiteral("the damaged file was moved to")));
        QString error;
        QVERIFY(!CaseStore::open(m_dir->path(), &error));
        const QStringList quarantined = CaseStore::quarantinedFiles(m_dir->path());
        QCOMPARE(quarantined.size(), 1);
        const QString moved = quarantined.first();
        QVERIFY2(QRegularExpression(QStringLiteral("/cases\\.sqlite\\.quarantine-\\d{8}T\\d{6}Z$"))
                     .match(moved)
                     .hasMatch(),
                 qPrintable(moved));
        QVERIFY2(error.startsWith(storePath() + QStringLiteral(": ")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("moved to ") + moved), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("no new store was created")), qPrintable(error));

        // Moved, byte for byte, with its companions; nothing new was created in its place.
        QCOMPARE(readAll(moved), garbage);
        QCOMPARE(readAll(moved + QStringLiteral("-wal")), walBytes);
        QVERIFY(
            QFileInfo::exists(moved + QStringLiteral("-shm"))); // sqlite may rebuild the index, it is no data
        QVERIFY(!QFileInfo::exists(storePath()));
        QVERIFY(!QFileInfo::exists(storePath() + QStringLiteral("-wal")));
        QVERIFY(!QFileInfo::exists(storePath() + QStringLiteral("-shm")));
        // ... and why, kept next to it for staff (technician view, kioskctl store list).
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 4);
        QVERIFY(quarantineReason(moved).startsWith(storePath() + QStringLiteral(": ")));
        QVERIFY2(error.startsWith(quarantineReason(moved) + QStringLiteral("; the damaged file was moved")),
                 qPrintable(quarantineReason(moved)));

        // The next start (after a human saw the message) gets a fresh store; the quarantine stays listed.
        std::unique_ptr<CaseStore> fresh = CaseStore::open(m_dir->path(), &error);
        QVERIFY2(fresh, qPrintable(error));
        QCOMPARE(CaseStore::quarantinedFiles(m_dir->path()), quarantined);
        QCOMPARE(readAll(moved), garbage);
    }

    // sqlite would delete a -wal next to an empty or missing database file; it must be kept instead.
    void walWithoutItsDatabaseIsQuarantined_data()
    {
        QTest::addColumn<bool>("emptyMainFile");
        QTest::newRow("empty database file") << true;
        QTest::newRow("no database file") << false;
    }

    void walWithoutItsDatabaseIsQuarantined()
    {
        QFETCH(bool, emptyMainFile);
        const QByteArray walBytes = QByteArray("frames that may hold cases ").repeated(50);
        if (emptyMainFile)
            QVERIFY(writeFile(storePath(), QByteArray()));
        QVERIFY(writeFile(storePath() + QStringLiteral("-wal"), walBytes));

        QTest::ignoreMessage(QtCriticalMsg,
                             QRegularExpression(QStringLiteral("the damaged file was moved to")));
        QString error;
        QVERIFY(!CaseStore::open(m_dir->path(), &error));
        const QStringList quarantined = CaseStore::quarantinedFiles(m_dir->path());
        QCOMPARE(quarantined.size(), 1);
        QVERIFY2(error.contains(QLatin1String("-wal file")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("moved to ") + quarantined.first()), qPrintable(error));
        QCOMPARE(readAll(quarantined.first() + QStringLiteral("-wal")), walBytes);
        QCOMPARE(QFileInfo::exists(quarantined.first()), emptyMainFile);
        QVERIFY(!QFileInfo::exists(storePath()));
        QVERIFY(!QFileInfo::exists(storePath() + QStringLiteral("-wal")));
    }

    void damagedPagesAreQuarantined()
    {
        QString error;
        {
            std::unique_ptr<CaseStore> store = CaseStore::open(m_dir->path(), &error);
            QVERIFY2(store, qPrintable(error));
            for (int i = 1; i <= 5; ++i) {
                QVector<StoredAttachment> photo = {{QStringLiteral("photo.jpg"), QStringLiteral("image/jpeg"),
                                                    QByteArray(20000, char('0' + i)), QStringLiteral("photo")}};
                QVERIFY2(store->submitCase(sampleCase(QStringLiteral("C001-20240501-000%1").arg(i)), photo,
                                           &error),
                         qPrintable(error));
            }
        } // closing checkpoints the WAL into the main file
        QVERIFY(!QFileInfo::exists(storePath() + QStringLiteral("-wal")));
        QByteArray bytes = readAll(storePath());
        QVERIFY(bytes.size() > 8 * 4096);
        for (qsizetype i = 4096; i < bytes.size(); ++i) // keep page 1 (header, schema), wreck the rest
            bytes[i] = char(0xA5);
        QVERIFY(writeFile(storePath(), bytes));

        QTest::ignoreMessage(QtCriticalMsg,
                             QRegularExpression(QStringLiteral("the damaged file was moved to")));
        QVERIFY(!CaseStore::open(m_dir->path(), &error));
        const QStringList quarantined = CaseStore::quarantinedFiles(m_dir->path());
        QCOMPARE(quarantined.size(), 1);
        QVERIFY2(error.contains(QStringLiteral("moved to ") + quarantined.first()), qPrintable(error));
        QCOMPARE(readAll(quarantined.first()), bytes);
        QVERIFY(!QFileInfo::exists(storePath()));
    }

    void quarantineNeverOverwrites()
    {
        const QDateTime now(QDate(2024, 5, 1), QTime(12, 0, 0), Qt::UTC);
        QString error;
        QVERIFY(writeFile(storePath(), "first"));
        const QString first = quarantineDatabaseFile(storePath(), now, &error);
        QCOMPARE(first, storePath() + QStringLiteral(".quarantine-20240501T120000Z"));
        QVERIFY(writeFile(storePath(), "second"));
        const QString second = quarantineDatabaseFile(storePath(), now, &error);
        QCOMPARE(second, storePath() + QStringLiteral(".quarantine-20240501T120000Z-2"));
        QCOMPARE(readAll(first), QByteArray("first"));
        QCOMPARE(readAll(second), QByteArray("second"));
        QCOMPARE(CaseStore::quarantinedFiles(m_dir->path()), QStringList({first, second}));

        QVERIFY(
            quarantineDatabaseFile(m_dir->filePath(QStringLiteral("missing.sqlite")), now, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("could not move the damaged file")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestStoreMigrations)
#include "tst_store_migrations.moc"
