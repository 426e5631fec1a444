// Retention: a synced case (and its rating) loses its personal data after the window, leaving a tombstone;
// unsynced and parked cases are never purged. The clock is the `now` passed in.
#include "CanaryScan.h"
#include "CaseStore.h"
#include "StoreTestData.h"

#include "StrictWarnings.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestStoreRetention : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 kDay = 24 * 3600 * 1000LL;

private slots:
    void initTestCase() { installStrictWarnings(); }

    void syncedCasesArePurgedAfterTheWindowOnly()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<CaseStore> store = CaseStore::open(dir.path(), &error);
        QVERIFY2(store, qPrintable(error));
        CaseSubmission synced = sampleCase(QStringLiteral("N-1"));
        synced.form.insert(QStringLiteral("full_name"), canaryText());
        const CaseSubmission pending = sampleCase(QStringLiteral("N-2"));
        const CaseSubmission parked = sampleCase(QStringLiteral("N-3"));
        const CaseSubmission ratingPending = sampleCase(QStringLiteral("N-4"));
        const QVector<StoredAttachment> photo{{QStringLiteral("photo.jpg"), QStringLiteral("image/jpeg"),
                                               canaryText().toUtf8() + QByteArray(500, 'x'),
                                               QStringLiteral("photo")}};
        for (const CaseSubmission &c : {synced, pending, parked, ratingPending})
            QVERIFY2(store->submitCase(c, photo, &error), qPrintable(error));
        QVERIFY2(store->addRating(synced.id, 4, canaryText(), &error), qPrintable(error));
        QVERIFY2(store->addRating(ratingPending.id, 3, QString(), &error), qPrintable(error));
        // seq 1, 3, 5, 7 the cases, each followed by its photo (2, 4, 6, 8); 9 and 10 the ratings
        for (qint64 seq : {1, 2, 9, 7, 8})
            QVERIFY2(store->markSynced(seq, "{\"echo\":\"" + canaryText().toUtf8() + "\"}", &error),
                     qPrintable(error));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("parked for staff: 5")));
        QVERIFY2(store->markParked(5, QStringLiteral("HTTP 400"), &error), qPrintable(error));
        const QDateTime syncedAt = QDateTime::currentDateTimeUtc();
        const int audits = store->auditCount();

        // Inside the window: nothing.
        QCOMPARE(store->purgeExpired(syncedAt.addMSecs(kDay - 60000), kDay, &error), 0);
        QCOMPARE(store->findCase(synced.id)->form.value(QStringLiteral("full_name")).toString(),
                 canaryText());

        // After it: only the case whose items are all synced.
        QCOMPARE(store->purgeExpired(syncedAt.addMSecs(kDay + 60000), kDay, &error), 1);
        const std::optional<CaseSubmission> tombstone = store->findCase(synced.id);
        QVERIFY(tombstone);
        QVERIFY(tombstone->form.isEmpty());
        QCOMPARE(tombstone->purgedAt, syncedAt.addMSecs(kDay + 60000));
        QCOMPARE(tombstone->caseNumber, QStringLiteral("N-1"));
        QCOMPARE(tombstone->serviceId, synced.serviceId);
        QCOMPARE(tombstone->submittedAt, synced.submittedAt);
        QCOMPARE(store->caseSyncState(synced.id), SyncState::Synced);
        QVERIFY(store->attachments(synced.id).isEmpty());
        QCOMPARE(store->rating(synced.id)->level, 4);
        QVERIFY(store->rating(synced.id)->comment.isEmpty());
        QCOMPARE(store->auditCount(), audits + 1);

        // Never purged: pending, parked, or a case whose rating is not synced yet.
        for (const CaseSubmission &c : {pending, parked, ratingPending}) {
            QVERIFY(!store->findCase(c.id)->purgedAt.isValid());
            QCOMPARE(store->attachments(c.id).size(), 1);
        }
        QCOMPARE(store->purgeExpired(syncedAt.addMSecs(100 * kDay), kDay, &error), 0); // and not twice

        // The canary of the purged case is gone from every file (the others hold none).
        store.reset();
        const QStringList found = findInFiles(dir.path(), textForms(canaryText(), {canaryGb18030()}));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestStoreRetention)
#include "tst_store_retention.moc"
