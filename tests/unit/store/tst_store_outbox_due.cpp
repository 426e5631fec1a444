// Outbox semantics: the next *due* item (not the head of the queue), dependencies only within a case,
// far retry times clamped, a failed read reported as an error, parked items listed / requeued / exported,
// a rating's own idempotency key.
#include "CanaryScan.h"
#include "CaseStore.h"
#include "Database.h"
#include "StoreTestData.h"

#include "StrictWarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

class TestStoreOutboxDue : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseStore> m_store;
    const QDateTime m_now = QDateTime(QDate(2026, 11, 27), QTime(8, 0), Qt::UTC);
    static constexpr qint64 kCapMs = 60000;

    CaseSubmission submit(const QString &number)
    {
        CaseSubmission submission = sampleCase(number);
        submission.form.insert(QStringLiteral("full_name"), canaryText());
        QString error;
        if (!m_store->submitCase(submission, {}, &error))
            qFatal("submit failed: %s", qPrintable(error));
        return submission;
    }

    OutboxRead due(bool ignoreSchedule = false)
    {
        return m_store->nextDueOutboxItem(m_now, kCapMs, ignoreSchedule);
    }

    static QString statusName(const OutboxRead &read)
    {
        switch (read.status) {
        case OutboxRead::Status::Due:
            return QStringLiteral("due seq %1").arg(read.item.seq);
        case OutboxRead::Status::NothingDue:
            return QStringLiteral("nothing due");
        case OutboxRead::Status::Failed:
            return QStringLiteral("failed: ") + read.error;
        }
        return {};
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QString error;
        m_store = CaseStore::open(m_dir->path(), &error);
        QVERIFY2(m_store, qPrintable(error));
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void emptyQueueIsNothingDue()
    {
        const OutboxRead read = due();
        QCOMPARE(statusName(read), QStringLiteral("nothing due"));
        QVERIFY(!read.nextDueAt.isValid());
    }

    // Before: nextOutboxItem() was the head whatever its retry time, so one failing item blocked every case.
    void failingItemDoesNotBlockLaterCases()
    {
        QString error;
        const CaseSubmission a = submit(QStringLiteral("N-1"));
        const CaseSubmission b = submit(QStringLiteral("N-2"));
        OutboxRead read = due();
        QCOMPARE(statusName(read), QStringLiteral("due seq 1"));
        QVERIFY2(m_store->recordFailedAttempt(1, QStringLiteral("HTTP 503"), m_now.addSecs(30), &error),
                 qPrintable(error));
        read = due();
        QCOMPARE(statusName(read), QStringLiteral("due seq 2"));
        QCOMPARE(read.item.refId, b.id);
        QVERIFY2(m_store->recordFailedAttempt(2, QStringLiteral("HTTP 503"), m_now.addSecs(10), &error),
                 qPrintable(error));
        read = due();
        QCOMPARE(statusName(read), QStringLiteral("nothing due"));
        QCOMPARE(read.nextDueAt, m_now.addSecs(10)); // the earliest waiting item
        QCOMPARE(statusName(m_store->nextDueOutboxItem(m_now.addSecs(10), kCapMs)),
                 QStringLiteral("due seq 2"));
        QCOMPARE(statusName(due(true)), QStringLiteral("due seq 1")); // schedule ignored: oldest eligible
        QCOMPARE(m_store->nextOutboxItem()->refId, a.id);
    }

    void ratingWaitsForItsCaseOnly()
    {
        QString error;
        const CaseSubmission a = submit(QStringLiteral("N-1"));
        QVERIFY2(m_store->addRating(a.id, 5, QString(), &error), qPrintable(error));
        const CaseSubmission b = submit(QStringLiteral("N-2"));
        QVERIFY2(m_store->recordFailedAttempt(1, QStringLiteral("timeout"), m_now.addSecs(30), &error),
                 qPrintable(error));
        QCOMPARE(statusName(due()), QStringLiteral("due seq 3")); // b, not a's rating
        QCOMPARE(statusName(due(true)), QStringLiteral("due seq 1"));
        QVERIFY2(m_store->markSynced(3, "{}", &error), qPrintable(error));
        QCOMPARE(statusName(due()), QStringLiteral("nothing due"));
        QVERIFY2(m_store->markSynced(1, "{}", &error), qPrintable(error));
        const OutboxRead rating = due();
        QCOMPARE(statusName(rating), QStringLiteral("due seq 2"));
        QCOMPARE(rating.item.kind, QStringLiteral("rating"));
        // Its own idempotency key (a UUID made when it was stored), not the case's; read again, the same key.
        QVERIFY(!QUuid::fromString(rating.item.idempotencyKey).isNull());
        QVERIFY(rating.item.idempotencyKey != a.id);
        QCOMPARE(m_store->rating(a.id)->idempotencyKey, rating.item.idempotencyKey);
        QCOMPARE(due().item.idempotencyKey, rating.item.idempotencyKey);
        // Another case's rating gets another key.
        QVERIFY2(m_store->addRating(b.id, 4, QString(), &error), qPrintable(error));
        QVERIFY(m_store->rating(b.id)->idempotencyKey != rating.item.idempotencyKey);
    }

    // Before: a next_attempt_at years ahead froze sync across restarts.
    void farRetryTimeIsClampedAndWrittenBack()
    {
        QString error;
        submit(QStringLiteral("N-1"));
        QVERIFY2(m_store->recordFailedAttempt(1, QStringLiteral("Retry-After: 10 years"), m_now.addYears(10),
                                              &error),
                 qPrintable(error));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("brought forward")));
        const OutboxRead read = due();
        QCOMPARE(statusName(read), QStringLiteral("nothing due"));
        QCOMPARE(read.nextDueAt, m_now.addMSecs(kCapMs));
        m_store.reset();
        m_store = CaseStore::open(m_dir->path(), &error);
        QVERIFY2(m_store, qPrintable(error));
        QCOMPARE(m_store->nextOutboxItem()->nextAttemptAt,
                 m_now.addMSecs(kCapMs)); // stored, not only computed
        QCOMPARE(statusName(m_store->nextDueOutboxItem(m_now.addMSecs(kCapMs), kCapMs)),
                 QStringLiteral("due seq 1"));
    }

    // Before: a read error was taken for an empty queue (sync went idle with cases waiting).
    void failedReadIsAnErrorNotAnEmptyQueue()
    {
        submit(QStringLiteral("N-1"));
        QString error;
        {
            std::unique_ptr<Database> db = Database::open(m_store->filePath(), &error);
            QVERIFY2(db && db->exec("ALTER TABLE outbox RENAME TO outbox_gone", "break the outbox", &error),
                     qPrintable(error));
        }
        const OutboxRead read = due();
        QCOMPARE(read.status, OutboxRead::Status::Failed);
        QVERIFY2(read.error.contains(QLatin1String("no such table: outbox")), qPrintable(read.error));
        QVERIFY2(read.error.startsWith(m_store->filePath()), qPrintable(read.error));
    }

    void unreadableItemIsParkedAndDoesNotBlock()
    {
        QString error;
        submit(QStringLiteral("N-1"));
        submit(QStringLiteral("N-2"));
        {
            std::unique_ptr<Database> db = Database::open(m_store->filePath(), &error);
            QVERIFY2(
                db &&
                    db->exec("UPDATE outbox SET body = (SELECT body FROM outbox WHERE seq = 2) WHERE seq = 1",
                             "move a sealed body", &error),
                qPrintable(error));
        }
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("outbox.body of 1 cannot be decrypted")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("parked for staff: 1")));
        QCOMPARE(statusName(due()), QStringLiteral("due seq 2"));
        QVector<ParkedItem> parked;
        QVERIFY2(m_store->parkedItems(&parked, &error), qPrintable(error));
        QCOMPARE(parked.size(), 1);
        QVERIFY(parked[0].reason.startsWith(QLatin1String("unreadable in the store")));
    }

    void parkedItemsAreListedRequeuedAndExported()
    {
        QString error;
        const CaseSubmission a = submit(QStringLiteral("N-1"));
        const CaseSubmission b = submit(QStringLiteral("N-2"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("parked for staff: 1")));
        const QString reason = QStringLiteral("HTTP 400: invalid_request: form.full_name: ") + canaryText();
        QVERIFY2(m_store->markParked(1, reason, &error), qPrintable(error));
        QCOMPARE(m_store->caseSyncState(a.id), SyncState::Parked);
        QCOMPARE(statusName(due()), QStringLiteral("due seq 2")); // a parked case does not block another

        QVector<ParkedItem> parked;
        QVERIFY2(m_store->parkedItems(&parked, &error), qPrintable(error));
        QCOMPARE(parked.size(), 1);
        QCOMPARE(parked[0].seq, 1);
        QCOMPARE(parked[0].kind, QStringLiteral("case"));
        QCOMPARE(parked[0].refId, a.id);
        QCOMPARE(parked[0].caseNumber, QStringLiteral("N-1"));
        QCOMPARE(parked[0].reason, reason);
        QVERIFY(parked[0].parkedAt.isValid());

        QByteArray json;
        QVERIFY2(m_store->exportParked(&json, &error), qPrintable(error));
        const QJsonArray list =
            QJsonDocument::fromJson(json).object().value(QStringLiteral("parked")).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject entry = list.at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("case_id")).toString(), a.id);
        QCOMPARE(entry.value(QStringLiteral("case_number")).toString(), QStringLiteral("N-1"));
        QCOMPARE(entry.value(QStringLiteral("http_status")).toInt(), 400);
        for (const QByteArray &needle : textForms(canaryText()))
            QVERIFY2(!json.contains(needle), json.constData()); // no form, body or reason text

        QVERIFY2(m_store->requeue(1, &error), qPrintable(error));
        QCOMPARE(m_store->caseSyncState(a.id), SyncState::Pending);
        QVERIFY2(m_store->parkedItems(&parked, &error) && parked.isEmpty(), qPrintable(error));
        QCOMPARE(statusName(due()), QStringLiteral("due seq 1"));
        QVERIFY(!m_store->requeue(1, &error));
        QVERIFY2(error.contains(QLatin1String("outbox item 1 is pending, not parked")), qPrintable(error));
        QVERIFY(!m_store->requeue(99, &error));
        QVERIFY2(error.contains(QLatin1String("there is no outbox item 99")), qPrintable(error));
        Q_UNUSED(b);
    }
};

QTEST_GUILESS_MAIN(TestStoreOutboxDue)
#include "tst_store_outbox_due.moc"
