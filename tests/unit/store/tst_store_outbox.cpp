// The outbox: exact bodies, order across kinds, and the synced / rejected / retry transitions.
#include "CaseStore.h"
#include "OutboxBodies.h"
#include "StoreTestData.h"

#include "StrictWarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestStoreOutbox : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseStore> m_store;

    CaseSubmission submit(const QString &caseNumber)
    {
        const CaseSubmission submission = sampleCase(caseNumber);
        QString error;
        if (!m_store->submitCase(submission, {}, &error))
            qFatal("submit failed: %s", qPrintable(error));
        return submission;
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

    void caseBodyIsTheExactPlatformJson()
    {
        CaseSubmission submission = sampleCase(QStringLiteral("C001-20240501-0001"));
        submission.id = QStringLiteral("c0ffee00-0000-4000-8000-000000000001");
        submission.submittedAt =
            QDateTime(QDate(2024, 5, 1), QTime(16, 30, 0, 123), Qt::OffsetFromUTC, 8 * 3600);
        const QByteArray expected =
            R"({"attachments":[)"
            R"({"data":"YWJj","kind":"page","mime_type":"image/jpeg","name":"id-front.jpg","sequence":1,)"
            R"("sha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","size":3},)"
            R"({"data":"","kind":"pdf","mime_type":"application/pdf","name":"empty.pdf","sequence":2,)"
            R"("sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","size":0}],)"
            R"("case_id":"c0ffee00-0000-4000-8000-000000000001","case_number":"C001-20240501-0001",)"
            R"("center_id":"C001","form":{"copies":2,"full_name":"测试乙"},"language":"zh_CN",)"
            R"("service_id":"svc.passport","submitted_at":"2024-05-01T08:30:00.123Z"})";
        // The version-3 body with inline attachments (still sent for cases stored before schema version 6).
        QCOMPARE(caseOutboxBody(submission, sampleAttachments()), expected);

        // Since schema version 6 the case goes without its attachments; each one follows as its own item, a
        // declaration whose bytes are uploaded in chunks (docs/platform-api.md, "Attachment uploads").
        const QByteArray expectedCase =
            R"({"attachments":[],)"
            R"("case_id":"c0ffee00-0000-4000-8000-000000000001","case_number":"C001-20240501-0001",)"
            R"("center_id":"C001","form":{"copies":2,"full_name":"测试乙"},"language":"zh_CN",)"
            R"("service_id":"svc.passport","submitted_at":"2024-05-01T08:30:00.123Z"})";
        QString error;
        QVERIFY2(m_store->submitCase(submission, sampleAttachments(), &error), qPrintable(error));
        const std::optional<OutboxItem> item = m_store->nextOutboxItem();
        QVERIFY(item);
        QCOMPARE(item->kind, QStringLiteral("case"));
        QCOMPARE(item->refId, submission.id);
        QCOMPARE(item->body, expectedCase);
        QCOMPARE(item->attempts, 0);
        QVERIFY(!item->nextAttemptAt.isValid());
        QVERIFY(item->lastError.isEmpty());
        QVERIFY2(m_store->markSynced(item->seq, "{}", &error), qPrintable(error));
        const QByteArray expectedDeclarations[] = {
            R"({"case_id":"c0ffee00-0000-4000-8000-000000000001","kind":"page","mime_type":"image/jpeg",)"
            R"("name":"id-front.jpg","sequence":1,)"
            R"("sha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","size":3})",
            R"({"case_id":"c0ffee00-0000-4000-8000-000000000001","kind":"pdf","mime_type":"application/pdf",)"
            R"("name":"empty.pdf","sequence":2,)"
            R"("sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","size":0})"};
        for (const QByteArray &declaration : expectedDeclarations) {
            const std::optional<OutboxItem> attachment = m_store->nextOutboxItem();
            QVERIFY(attachment);
            QCOMPARE(attachment->kind, QStringLiteral("attachment"));
            QCOMPARE(attachment->idempotencyKey, submission.id);
            QCOMPARE(attachment->body, declaration);
            QCOMPARE(attachment->uploadOffset, 0);
            QVERIFY2(m_store->markSynced(attachment->seq, "{}", &error), qPrintable(error));
        }
    }

    void ratingBody()
    {
        const QDateTime ratedAt(QDate(2024, 5, 1), QTime(9, 0, 1, 5), Qt::UTC);
        QCOMPARE(
            ratingOutboxBody(QStringLiteral("abc"), 5, {}, QStringLiteral("很好"), ratedAt),
            QByteArray(
                R"({"case_id":"abc","comment":"很好","level":5,"rated_at":"2024-05-01T09:00:01.005Z"})"));
        QCOMPARE(ratingOutboxBody(QStringLiteral("abc"), 2, {QStringLiteral("efficiency"), QStringLiteral("materials")},
                                  QString(), ratedAt),
                 QByteArray(R"({"case_id":"abc","comment":"","indicators":["efficiency","materials"],"level":2,)"
                            R"("rated_at":"2024-05-01T09:00:01.005Z"})"));

        QString error;
        const CaseSubmission submission = submit(QStringLiteral("C001-20240501-0001"));
        QVERIFY2(m_store->addRating(submission.id, 3, QStringLiteral("ok"), &error), qPrintable(error));
        QVERIFY2(m_store->markSynced(m_store->nextOutboxItem()->seq, QByteArray(), &error),
                 qPrintable(error));
        const std::optional<OutboxItem> rating = m_store->nextOutboxItem();
        QVERIFY(rating);
        QCOMPARE(rating->kind, QStringLiteral("rating"));
        QCOMPARE(rating->refId, submission.id);
        const QJsonObject body = QJsonDocument::fromJson(rating->body).object();
        QCOMPARE(body.value(QStringLiteral("case_id")).toString(), submission.id);
        QCOMPARE(body.value(QStringLiteral("level")).toInt(), 3);
        QCOMPARE(body.value(QStringLiteral("comment")).toString(), QStringLiteral("ok"));
        const QDateTime stamped = parseStoredTime(body.value(QStringLiteral("rated_at")).toString());
        QVERIFY(stamped.isValid());
        QVERIFY(qAbs(stamped.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(ratingOutboxBody(submission.id, 3, {}, QStringLiteral("ok"), stamped), rating->body);
    }

    // A poor rating's indicators (GB/T 39734): stored with it, read back in order, in the body sent; ids
    // that are not ids, repeated or too many are refused and nothing is stored.
    void ratingIndicatorsAreStoredAndSent()
    {
        QString error;
        const CaseSubmission submission = submit(QStringLiteral("C001-20240501-0001"));
        RatingRecord rating;
        rating.level = 1;
        rating.indicators = {QStringLiteral("attitude"), QStringLiteral("efficiency")};
        rating.comment = QStringLiteral("排队太久");
        const QList<QStringList> refusedLists{{QStringLiteral("Attitude")},
                                              {QStringLiteral("a b")},
                                              {QStringLiteral("process"), QStringLiteral("process")},
                                              QStringList(11, QStringLiteral("x"))};
        for (const QStringList &bad : refusedLists) {
            RatingRecord refused = rating;
            refused.indicators = bad;
            QVERIFY(!m_store->addRating(submission.id, refused, &error));
            QVERIFY2(error.contains(QLatin1String("indicator")), qPrintable(error));
        }
        QVERIFY(!m_store->rating(submission.id));
        QVERIFY2(m_store->addRating(submission.id, rating, &error), qPrintable(error));
        const std::optional<RatingRecord> stored = m_store->rating(submission.id);
        QVERIFY(stored);
        QCOMPARE(stored->level, 1);
        QCOMPARE(stored->indicators, rating.indicators);
        QCOMPARE(stored->comment, rating.comment);
        QVERIFY2(m_store->markSynced(m_store->nextOutboxItem()->seq, QByteArray(), &error), qPrintable(error));
        const QJsonObject body = QJsonDocument::fromJson(m_store->nextOutboxItem()->body).object();
        QCOMPARE(body.value(QStringLiteral("indicators")).toArray(), QJsonArray::fromStringList(rating.indicators));
        QCOMPARE(body.value(QStringLiteral("comment")).toString(), rating.comment);
    }

    void orderAcrossKindsIsSubmissionOrder()
    {
        QString error;
        const CaseSubmission a = submit(QStringLiteral("C001-20240501-0001"));
        QVERIFY2(m_store->addRating(a.id, 5, QString(), &error), qPrintable(error));
        const CaseSubmission b = submit(QStringLiteral("C001-20240501-0002"));
        QVERIFY2(m_store->addRating(b.id, 1, QString(), &error), qPrintable(error));

        const QStringList expected = {QStringLiteral("case ") + a.id, QStringLiteral("rating ") + a.id,
                                      QStringLiteral("case ") + b.id, QStringLiteral("rating ") + b.id};
        QStringList seen;
        qint64 lastSeq = 0;
        while (const std::optional<OutboxItem> item = m_store->nextOutboxItem()) {
            QVERIFY(item->seq > lastSeq);
            lastSeq = item->seq;
            seen << item->kind + QLatin1Char(' ') + item->refId;
            QVERIFY2(m_store->markSynced(item->seq, "{}", &error), qPrintable(error));
            QVERIFY(seen.size() <= expected.size());
        }
        QCOMPARE(seen, expected);
        QCOMPARE(m_store->pendingCount(), 0);
    }

    void failedAttemptsKeepTheItemAndItsBytes()
    {
        QString error;
        const CaseSubmission a = submit(QStringLiteral("C001-20240501-0001"));
        submit(QStringLiteral("C001-20240501-0002"));
        const std::optional<OutboxItem> first = m_store->nextOutboxItem();
        QVERIFY(first);
        const QDateTime retryAt(QDate(2030, 1, 1), QTime(0, 0, 30, 250), Qt::UTC);
        QVERIFY2(m_store->recordFailedAttempt(first->seq, QStringLiteral("HTTP 503"), retryAt, &error),
                 qPrintable(error));
        QVERIFY2(
            m_store->recordFailedAttempt(first->seq, QStringLiteral("timeout"), retryAt.addSecs(60), &error),
            qPrintable(error));

        // Still the head, even though its next attempt is in the future: the sync client decides when.
        const std::optional<OutboxItem> again = m_store->nextOutboxItem();
        QVERIFY(again);
        QCOMPARE(again->seq, first->seq);
        QCOMPARE(again->body, first->body);
        QCOMPARE(again->attempts, 2);
        QCOMPARE(again->lastError, QStringLiteral("timeout"));
        QCOMPARE(again->nextAttemptAt, retryAt.addSecs(60));
        QCOMPARE(m_store->caseSyncState(a.id), SyncState::Pending);
        QCOMPARE(m_store->pendingCount(), 2);

        QVERIFY2(m_store->recordFailedAttempt(first->seq, QStringLiteral("offline"), QDateTime(), &error),
                 qPrintable(error));
        QVERIFY(!m_store->nextOutboxItem()->nextAttemptAt.isValid());
        QCOMPARE(m_store->auditCount(), 2); // failed attempts are not audited
    }

    void markSyncedAndRejected()
    {
        QString error;
        const CaseSubmission a = submit(QStringLiteral("C001-20240501-0001"));
        const CaseSubmission b = submit(QStringLiteral("C001-20240501-0002"));
        const CaseSubmission c = submit(QStringLiteral("C001-20240501-0003"));
        QCOMPARE(m_store->pendingCount(), 3);

        const qint64 seqA = m_store->nextOutboxItem()->seq;
        QVERIFY2(m_store->markSynced(seqA, "{\"status\":\"accepted\"}", &error), qPrintable(error));
        QCOMPARE(m_store->caseSyncState(a.id), SyncState::Synced);
        QCOMPARE(m_store->pendingCount(), 2);

        const qint64 seqB = m_store->nextOutboxItem()->seq;
        QVERIFY(seqB > seqA);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("outbox item rejected by the platform, parked .*%1").arg(seqB)));
        QVERIFY2(m_store->markRejected(seqB, QStringLiteral("HTTP 422: unknown service"), &error),
                 qPrintable(error));
        QCOMPARE(m_store->caseSyncState(b.id), SyncState::Parked);
        QCOMPARE(m_store->pendingCount(), 1);
        QCOMPARE(m_store->nextOutboxItem()->refId, c.id);
        QCOMPARE(m_store->auditCount(), 3 + 2);

        // Only pending items change state; the reason says why not.
        QVERIFY(!m_store->markSynced(seqA, QByteArray(), &error));
        QVERIFY2(error.contains(QStringLiteral("outbox item %1 is already synced").arg(seqA)),
                 qPrintable(error));
        QVERIFY(!m_store->markSynced(seqB, QByteArray(), &error));
        QVERIFY2(error.contains(QStringLiteral("outbox item %1 is already parked").arg(seqB)),
                 qPrintable(error));
        QVERIFY(!m_store->markRejected(seqA, QStringLiteral("late"), &error));
        QVERIFY(!m_store->recordFailedAttempt(seqB, QStringLiteral("x"), QDateTime(), &error));
        QVERIFY(!m_store->markSynced(9999, QByteArray(), &error));
        QVERIFY2(error.contains(QLatin1String("there is no outbox item 9999")), qPrintable(error));
        QVERIFY2(error.startsWith(m_store->filePath()), qPrintable(error));
        QCOMPARE(m_store->caseSyncState(a.id), SyncState::Synced);
        QCOMPARE(m_store->caseSyncState(b.id), SyncState::Parked);
        QCOMPARE(m_store->pendingCount(), 1);
        QCOMPARE(m_store->auditCount(), 3 + 2);
    }
};

QTEST_GUILESS_MAIN(TestStoreOutbox)
#include "tst_store_outbox.moc"
