// Quarantine is never silent: quarantined stores are listed with their unsynced cases, and recovery brings
// those cases into the live outbox exactly once; the quarantined file itself is never changed.
#include "CaseStore.h"
#include "KeyProvider.h"
#include "Quarantine.h"
#include "StoreRecovery.h"
#include "StoreTestData.h"

#include "StrictWarnings.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestStoreRecovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void unsyncedCasesComeBackExactlyOnce()
    {
        QTemporaryDir dir;
        QString error;
        CaseSubmission lost = sampleCase(QStringLiteral("OLD-1"));
        const CaseSubmission synced = sampleCase(QStringLiteral("OLD-2"));
        const CaseSubmission parked = sampleCase(QStringLiteral("OLD-3"));
        const QVector<StoredAttachment> pages = sampleAttachments();
        QByteArray lostBody;
        QString lostRatingKey;
        {
            std::unique_ptr<CaseStore> old = CaseStore::open(dir.path(), &error);
            QVERIFY2(old, qPrintable(error));
            QVERIFY2(old->submitCase(lost, pages, &error), qPrintable(error));
            QVERIFY2(old->addRating(lost.id, 5, QStringLiteral("good"), &error), qPrintable(error));
            QVERIFY2(old->submitCase(synced, {}, &error), qPrintable(error));
            QVERIFY2(old->submitCase(parked, {}, &error), qPrintable(error));
            // seq 1 the lost case, 2 and 3 its attachments, 4 its rating, 5 and 6 the other cases
            QVERIFY2(old->markSynced(5, "{}", &error), qPrintable(error));
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("parked for staff: 6")));
            QVERIFY2(old->markParked(6, QStringLiteral("HTTP 400"), &error), qPrintable(error));
            lostBody = old->nextOutboxItem()->body;
            lostRatingKey = old->rating(lost.id)->idempotencyKey;
        }
        const QString storeFile = QDir(dir.path()).filePath(QStringLiteral("cases.sqlite"));
        const QString quarantined =
            quarantineDatabaseFile(storeFile, QDateTime::currentDateTimeUtc(), &error);
        QVERIFY2(!quarantined.isEmpty(), qPrintable(error));
        const QByteArray quarantinedBytes = readAll(quarantined);
        const QByteArray quarantinedWal = readAll(quarantined + QStringLiteral("-wal"));

        std::unique_ptr<CaseStore> live = CaseStore::open(dir.path(), &error);
        QVERIFY2(live, qPrintable(error));
        QVERIFY2(live->submitCase(sampleCase(QStringLiteral("NEW-1")), {}, &error), qPrintable(error));
        FileKeyProvider keys(FileKeyProvider::defaultPath(dir.path()));

        // Listed, with what it still holds.
        QVector<QuarantinedStoreInfo> list = inspectQuarantinedStores(dir.path(), keys, live.get());
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].file, quarantined);
        QVERIFY2(list[0].readable, qPrintable(list[0].problem));
        QCOMPARE(list[0].unsyncedCases, 2); // the pending one and the parked one
        QCOMPARE(list[0].notRecovered, 2);

        // Recovered: both cases, with attachments and rating, into the live outbox.
        QCOMPARE(recoverQuarantinedStore(quarantined, keys, *live, &error), 2);
        QCOMPARE(live->findCase(lost.id)->form, lost.form);
        QCOMPARE(live->findCase(lost.id)->caseNumber, QStringLiteral("OLD-1"));
        QCOMPARE(live->attachments(lost.id).size(), pages.size());
        QCOMPARE(live->rating(lost.id)->comment, QStringLiteral("good"));
        // The rating keeps its own idempotency key: a platform that had it sees the same rating again.
        QVERIFY(!lostRatingKey.isEmpty());
        QCOMPARE(live->rating(lost.id)->idempotencyKey, lostRatingKey);
        QCOMPARE(live->caseSyncState(lost.id), SyncState::Pending);
        QCOMPARE(live->caseSyncState(parked.id), SyncState::Pending);
        QVERIFY(!live->findCase(synced.id));
        QCOMPARE(live->pendingCount(), 1 + 2 + 2 + 1); // NEW-1, two cases, two attachments, one rating
        // The body is the one the first submit built: a platform that had it answers 200, not 422.
        const OutboxRead first = live->nextDueOutboxItem(QDateTime::currentDateTimeUtc(), 60000);
        QCOMPARE(first.status, OutboxRead::Status::Due);
        QVERIFY2(live->markSynced(first.item.seq, "{}", &error), qPrintable(error)); // NEW-1
        QCOMPARE(live->nextDueOutboxItem(QDateTime::currentDateTimeUtc(), 60000).item.body, lostBody);

        // Exactly once: again adds nothing, and the list says so.
        QCOMPARE(recoverQuarantinedStore(quarantined, keys, *live, &error), 0);
        QCOMPARE(live->pendingCount(), 2 + 2 + 1);
        list = inspectQuarantinedStores(dir.path(), keys, live.get());
        QCOMPARE(list[0].notRecovered, 0);

        // The evidence is untouched.
        QCOMPARE(readAll(quarantined), quarantinedBytes);
        QCOMPARE(readAll(quarantined + QStringLiteral("-wal")), quarantinedWal);
        QCOMPARE(
            QDir(dir.path()).entryList({QStringLiteral(".quarantine-read-*")}, QDir::Dirs | QDir::Hidden),
            QStringList());
    }

    void unreadableQuarantinedStoreIsListedWithTheProblem()
    {
        QTemporaryDir dir;
        QFile garbage(QDir(dir.path()).filePath(QStringLiteral("cases.sqlite.quarantine-20240501T000000Z")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray("not a database at all ").repeated(100));
        garbage.close();
        FileKeyProvider keys(FileKeyProvider::defaultPath(dir.path()));
        QTest::ignoreMessage(QtCriticalMsg,
                             QRegularExpression(QStringLiteral("the damaged file was moved to")));
        const QVector<QuarantinedStoreInfo> list = inspectQuarantinedStores(dir.path(), keys, nullptr);
        QCOMPARE(list.size(), 1);
        QVERIFY(!list[0].readable);
        QCOMPARE(list[0].unsyncedCases, -1);
        QVERIFY2(list[0].problem.contains(QLatin1String("not an SQLite database")),
                 qPrintable(list[0].problem));
    }
};

QTEST_GUILESS_MAIN(TestStoreRecovery)
#include "tst_store_recovery.moc"
