// Attachments as outbox items of their own (schema version 6): a case's body carries no attachment bytes;
// each attachment is an item after its case, uploaded in chunks; its acknowledged offset survives a reopen;
// attachments and the rating wait for their case only, never for each other; retention waits for every
// attachment; nothing of the image (raw or base64) is readable in the store's files.
#include "CanaryScan.h"
#include "CaseStore.h"
#include "OutboxBodies.h"
#include "StoreTestData.h"

#include "StrictWarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Bytes no other test data contains: a marker and a pattern (an "image").
QByteArray imageBytes(int size, char seed)
{
    QByteArray bytes = QByteArrayLiteral("IMGCANARY-attachment-") + seed;
    while (bytes.size() < size)
        bytes.append(char((bytes.size() * 131 + seed) & 0xff));
    return bytes.left(size);
}

QVector<StoredAttachment> twoPages()
{
    return {{QStringLiteral("page-1.jpg"), QStringLiteral("image/jpeg"), imageBytes(9000, 'a'),
             QStringLiteral("page")},
            {QStringLiteral("photo.jpg"), QStringLiteral("image/jpeg"), imageBytes(5000, 'b'),
             QStringLiteral("photo")}};
}

} // namespace

class TestStoreAttachments : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CaseStore> open(const QTemporaryDir &dir)
    {
        QString error;
        std::unique_ptr<CaseStore> store = CaseStore::open(dir.path(), &error);
        if (!store)
            qWarning("%s", qPrintable(error));
        return store;
    }
    static OutboxItem due(CaseStore &store)
    {
        const OutboxRead read = store.nextDueOutboxItem(QDateTime::currentDateTimeUtc(), 3600000);
        return read.status == OutboxRead::Status::Due ? read.item : OutboxItem();
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void eachAttachmentIsAnItemAfterItsCase()
    {
        QTemporaryDir dir;
        std::unique_ptr<CaseStore> store = open(dir);
        QVERIFY(store);
        const CaseSubmission submission = sampleCase(QStringLiteral("A-1"));
        QString error;
        QVERIFY2(store->submitCase(submission, twoPages(), &error), qPrintable(error));
        QCOMPARE(store->pendingCount(), 3);

        const OutboxItem caseItem = due(*store);
        QCOMPARE(caseItem.kind, QStringLiteral("case"));
        QCOMPARE(caseItem.body, caseSubmissionBody(submission));
        QCOMPARE(QJsonDocument::fromJson(caseItem.body)
                     .object()
                     .value(QStringLiteral("attachments"))
                     .toArray()
                     .size(),
                 0);
        // The attachments wait for their case.
        QVERIFY2(store->recordFailedAttempt(caseItem.seq, QStringLiteral("network"),
                                            QDateTime::currentDateTimeUtc().addSecs(600), &error),
                 qPrintable(error));
        QCOMPARE(store->nextDueOutboxItem(QDateTime::currentDateTimeUtc(), 3600000).status,
                 OutboxRead::Status::NothingDue);
    }

    void attachmentsAndRatingWaitForTheCaseOnly()
    {
        QTemporaryDir dir;
        std::unique_ptr<CaseStore> store = open(dir);
        QVERIFY(store);
        QString error;
        const CaseSubmission first = sampleCase(QStringLiteral("A-1"));
        const CaseSubmission second = sampleCase(QStringLiteral("A-2"));
        QVERIFY2(store->submitCase(first, twoPages(), &error), qPrintable(error));
        QVERIFY2(store->addRating(first.id, 5, QString(), &error), qPrintable(error));
        QVERIFY2(store->submitCase(second, {}, &error), qPrintable(error));

        OutboxItem item = due(*store);
        QCOMPARE(item.kind, QStringLiteral("case"));
        QVERIFY2(store->markSynced(item.seq, "{}", &error), qPrintable(error));
        // Attachment 1, then (it keeps failing) attachment 2, then the rating, then the other case: one
        // failing item never blocks the others.
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(600);
        QStringList order;
        for (int i = 0; i < 4; ++i) {
            item = due(*store);
            QVERIFY(item.seq > 0);
            const int sequence =
                QJsonDocument::fromJson(item.body).object().value(QStringLiteral("sequence")).toInt();
            order << item.kind +
                         (item.kind == QLatin1String("attachment") ? QString::number(sequence) : QString()) +
                         QLatin1Char(':') +
                         (item.refId == first.id ? QStringLiteral("first") : QStringLiteral("second"));
            QVERIFY2(store->recordFailedAttempt(item.seq, QStringLiteral("HTTP 503"), later, &error),
                     qPrintable(error));
        }
        QCOMPARE(order, QStringList({QStringLiteral("attachment1:first"), QStringLiteral("attachment2:first"),
                                     QStringLiteral("rating:first"), QStringLiteral("case:second")}));
    }

    void acknowledgedOffsetSurvivesAReopen()
    {
        QTemporaryDir dir;
        QString error;
        qint64 seq = 0;
        {
            std::unique_ptr<CaseStore> store = open(dir);
            QVERIFY(store);
            const CaseSubmission submission = sampleCase(QStringLiteral("A-1"));
            QVERIFY2(store->submitCase(submission, twoPages(), &error), qPrintable(error));
            QVERIFY2(store->markSynced(due(*store).seq, "{}", &error), qPrintable(error));
            const OutboxItem attachment = due(*store);
            QCOMPARE(attachment.kind, QStringLiteral("attachment"));
            QCOMPARE(attachment.uploadOffset, 0);
            const QJsonObject declaration = QJsonDocument::fromJson(attachment.body).object();
            QCOMPARE(declaration.value(QStringLiteral("size")).toInt(), 9000);
            QCOMPARE(declaration.value(QStringLiteral("sha256")).toString(),
                     attachmentSha256(imageBytes(9000, 'a')));
            QVERIFY(!declaration.contains(QStringLiteral("data")));
            QCOMPARE(*store->attachmentBytes(submission.id, 1, &error), imageBytes(9000, 'a'));
            seq = attachment.seq;
            QVERIFY2(store->recordUploadOffset(seq, 4096, &error), qPrintable(error));
        }
        std::unique_ptr<CaseStore> store = open(dir);
        QVERIFY(store);
        const OutboxItem again = due(*store);
        QCOMPARE(again.seq, seq);
        QCOMPARE(again.uploadOffset, 4096);
        // Only attachment items have an offset; a synced item none.
        QVERIFY2(store->markSynced(seq, "{}", &error), qPrintable(error));
        QVERIFY(!store->recordUploadOffset(seq, 10, &error));
        QVERIFY2(error.contains(QStringLiteral("already synced")), qPrintable(error));
        QVERIFY(!store->attachmentBytes(QStringLiteral("no-such-case"), 1, &error));
        QVERIFY2(error.contains(QStringLiteral("not in the store")), qPrintable(error));
    }

    void retentionWaitsForEveryAttachment()
    {
        QTemporaryDir dir;
        std::unique_ptr<CaseStore> store = open(dir);
        QVERIFY(store);
        QString error;
        const CaseSubmission submission = sampleCase(QStringLiteral("A-1"));
        QVERIFY2(store->submitCase(submission, twoPages(), &error), qPrintable(error));
        const QDateTime farLater = QDateTime::currentDateTimeUtc().addDays(30);
        QVERIFY2(store->markSynced(due(*store).seq, "{}", &error), qPrintable(error)); // the case
        QVERIFY2(store->markSynced(due(*store).seq, "{}", &error), qPrintable(error)); // attachment 1
        QCOMPARE(store->purgeExpired(farLater, 0, &error), 0); // attachment 2 is not at the platform yet
        QCOMPARE(store->attachments(submission.id).size(), 2);
        QStringList unsynced;
        QVERIFY(store->unsyncedCaseIds(&unsynced, &error));
        QCOMPARE(unsynced, QStringList(submission.id));
        QVERIFY2(store->markSynced(due(*store).seq, "{}", &error), qPrintable(error)); // attachment 2
        QCOMPARE(store->purgeExpired(farLater, 0, &error), 1);
        QCOMPARE(store->attachments(submission.id).size(), 0);
    }

    // Neither the image's bytes nor any base64 of them are in the store's files (outbox bodies hold
    // declarations only; the attachment rows are sealed).
    void noImageBytesOrBase64InTheFiles()
    {
        QTemporaryDir dir;
        std::unique_ptr<CaseStore> store = open(dir);
        QVERIFY(store);
        QString error;
        const QVector<StoredAttachment> pages = twoPages();
        QVERIFY2(store->submitCase(sampleCase(QStringLiteral("A-1")), pages, &error), qPrintable(error));
        QList<QByteArray> needles;
        for (const StoredAttachment &page : pages) {
            needles << page.data.mid(0, 64) << page.data.mid(4000, 64);
            needles += base64Forms(page.data.mid(0, 96));
            needles += base64Forms(page.data.mid(4000, 96));
        }
        QStringList found = findInFiles(dir.path(), needles);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        store.reset();
        found = findInFiles(dir.path(), needles);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestStoreAttachments)
#include "tst_store_attachments.moc"
