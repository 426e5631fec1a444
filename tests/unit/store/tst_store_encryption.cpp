// Encryption at rest: no personal byte readable in any file under the data dir (main file, -wal, -shm,
// keys), in UTF-8, GB18030 or base64; keys from a key file that is never silently replaced; a wrong or
// missing key refused (never quarantined); private file modes; plaintext stores of versions 1-3 migrated in
// place with nothing left behind in freed pages or the WAL.
#include "CanaryScan.h"
#include "CaseStore.h"
#include "Database.h"
#include "FieldCipher.h"
#include "KeyProvider.h"
#include "Migrations.h"
#include "OutboxBodies.h"
#include "StoreTestData.h"

#include "StrictWarnings.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <sys/stat.h>

static int modeOf(const QString &path)
{
    struct stat info;
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

static const char kIdNumber[] = "31010119900307999X"; // invented, checksum-shaped
static const char kAddress[] = "上海市徐汇区金丝雀路88弄";

class TestStoreEncryption : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString storePath() const { return m_dir->filePath(QStringLiteral("cases.sqlite")); }
    QString keyPath() const { return FileKeyProvider::defaultPath(m_dir->path()); }

    std::unique_ptr<CaseStore> openStore()
    {
        QString error;
        std::unique_ptr<CaseStore> store = CaseStore::open(m_dir->path(), &error);
        if (!store)
            qWarning("open failed: %s", qPrintable(error));
        return store;
    }

    static QByteArray photoBytes()
    {
        // An "image" whose bytes contain the canary, so a plaintext or base64 copy of it would show.
        return QByteArray("\xff\xd8\xff\xe0 JFIF ") + canaryText().toUtf8() + QByteArray(2000, 'p') +
               canaryGb18030();
    }

    // A journey-like submit: form, pages and photo, a rating with a comment, a failed attempt whose reason
    // echoes the form, a platform answer.
    void submitJourney(CaseStore &store, QString *caseId)
    {
        CaseSubmission submission = sampleCase(QStringLiteral("C001-K01-20240501-ABCD-0001"));
        submission.form = QJsonObject{{QStringLiteral("full_name"), canaryText()},
                                      {QStringLiteral("id_number"), QLatin1String(kIdNumber)},
                                      {QStringLiteral("address"), QString::fromUtf8(kAddress)}};
        const QVector<StoredAttachment> attachments{
            {QStringLiteral("page-1.jpg"), QStringLiteral("image/jpeg"), photoBytes(),
             QStringLiteral("page")},
            {QStringLiteral("photo.jpg"), QStringLiteral("image/jpeg"), photoBytes() + "2",
             QStringLiteral("photo")}};
        QString error;
        QVERIFY2(store.submitCase(submission, attachments, &error), qPrintable(error));
        QVERIFY2(store.addRating(submission.id, 5, QStringLiteral("谢谢 ") + canaryText(), &error),
                 qPrintable(error));
        const std::optional<OutboxItem> head = store.nextOutboxItem();
        QVERIFY(head);
        QVERIFY2(store.recordFailedAttempt(head->seq, QStringLiteral("HTTP 503: ") + canaryText(),
                                           QDateTime(), &error),
                 qPrintable(error));
        QVERIFY2(store.markSynced(head->seq, "{\"echo\":\"" + canaryText().toUtf8() + "\"}", &error),
                 qPrintable(error));
        *caseId = submission.id;
    }

    static QList<QByteArray> personalNeedles()
    {
        QList<QByteArray> needles = textForms(canaryText(), {canaryGb18030()});
        needles += textForms(QLatin1String(kIdNumber));
        needles += textForms(QString::fromUtf8(kAddress));
        needles += base64Forms(photoBytes().left(60));
        return needles;
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup() { m_dir.reset(); }

    void cipherBindsValuesToTheirRow()
    {
        const FieldCipher cipher(QByteArray(32, 'k'));
        const QByteArray ad = FieldCipher::associatedData("cases.form_json", QStringLiteral("a"));
        const QByteArray sealed = cipher.seal("secret", ad);
        QCOMPARE(sealed.size(), 6 + FieldCipher::overhead);
        QVERIFY(!sealed.contains("secret"));
        QCOMPARE(cipher.open(sealed, ad).value_or(QByteArray()), QByteArray("secret"));
        QVERIFY(cipher.seal("secret", ad) != sealed); // a fresh nonce every time
        QVERIFY(!cipher.open(sealed, FieldCipher::associatedData("cases.form_json", QStringLiteral("b"))));
        QVERIFY(!cipher.open(sealed, FieldCipher::associatedData("ratings.comment", QStringLiteral("a"))));
        QVERIFY(!FieldCipher(QByteArray(32, 'x')).open(sealed, ad));
        QByteArray tampered = sealed;
        tampered[30] = char(tampered[30] ^ 1);
        QVERIFY(!cipher.open(tampered, ad));
    }

    // Before: cases.sqlite 0644 in a 0755 folder.
    void filesArePrivate()
    {
        QVERIFY(QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                         QFile::ReadGroup | QFile::ExeGroup |
                                                         QFile::ReadOther | QFile::ExeOther));
        std::unique_ptr<CaseStore> store = openStore();
        QVERIFY(store);
        QString id;
        submitJourney(*store, &id);
        QCOMPARE(modeOf(m_dir->path()), 0700);
        QCOMPARE(modeOf(storePath()), 0600);
        QCOMPARE(modeOf(storePath() + QStringLiteral("-wal")), 0600);
        QCOMPARE(modeOf(storePath() + QStringLiteral("-shm")), 0600);
        QCOMPARE(modeOf(keyPath()), 0600);
        QCOMPARE(modeOf(QFileInfo(keyPath()).absolutePath()), 0700);
        QCOMPARE(QFileInfo(keyPath()).size(), 32);
    }

    void reopenedStoreReadsItsValues()
    {
        QString id;
        QString ratingKey;
        {
            std::unique_ptr<CaseStore> store = openStore();
            QVERIFY(store);
            submitJourney(*store, &id);
            ratingKey = store->rating(id)->idempotencyKey;
        }
        std::unique_ptr<CaseStore> store = openStore();
        QVERIFY(store);
        QCOMPARE(store->findCase(id)->form.value(QStringLiteral("id_number")).toString(),
                 QLatin1String(kIdNumber));
        QCOMPARE(store->attachments(id).value(0).data, photoBytes());
        // The two attachment items come first: declarations without the bytes.
        for (int sequence = 1; sequence <= 2; ++sequence) {
            const std::optional<OutboxItem> attachment = store->nextOutboxItem();
            QVERIFY(attachment);
            QCOMPARE(attachment->kind, QStringLiteral("attachment"));
            QVERIFY(attachment->body.contains("\"sequence\":" + QByteArray::number(sequence)));
            QVERIFY(!attachment->body.contains(photoBytes().toBase64()));
            QString error;
            QVERIFY2(store->markSynced(attachment->seq, "{}", &error), qPrintable(error));
        }
        const std::optional<OutboxItem> rating = store->nextOutboxItem();
        QVERIFY(rating);
        QCOMPARE(rating->kind, QStringLiteral("rating"));
        // The rating's own key, made once when it was stored, the same after reopening.
        QVERIFY(!QUuid::fromString(ratingKey).isNull());
        QCOMPARE(rating->idempotencyKey, ratingKey);
        QVERIFY(rating->body.contains(canaryText().toUtf8()));
    }

    // The canary scan: every file under the data dir, after a journey-like submit, open and closed.
    void noPersonalByteInAnyFile()
    {
        std::unique_ptr<CaseStore> store = openStore();
        QVERIFY(store);
        QString id;
        submitJourney(*store, &id);
        QVERIFY(QFileInfo(storePath() + QStringLiteral("-wal")).size() > 0);
        QStringList found = findInFiles(m_dir->path(), personalNeedles());
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        // The scan itself works: the same needles are found in a plaintext copy.
        QFile plain(m_dir->filePath(QStringLiteral("probe.txt")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.write(QByteArray("x") + photoBytes().toBase64() + canaryGb18030());
        plain.close();
        QCOMPARE(findInFiles(m_dir->path(), personalNeedles()).size(), 2 + 1);
        QVERIFY(QFile::remove(plain.fileName()));
        store.reset();
        found = findInFiles(m_dir->path(), personalNeedles());
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void freedPagesAreZeroedAndTemporaryDataStaysInMemory()
    {
        QString error;
        std::unique_ptr<Database> db = Database::open(storePath(), &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->queryInteger("PRAGMA secure_delete", "read secure_delete", &error).value_or(-1), 1);
        QCOMPARE(db->queryInteger("PRAGMA temp_store", "read temp_store", &error).value_or(-1), 2); // MEMORY
    }

    void sealedValueMovedToAnotherRowDoesNotOpen()
    {
        std::unique_ptr<CaseStore> store = openStore();
        QVERIFY(store);
        QString error;
        const CaseSubmission a = sampleCase(QStringLiteral("N-1"));
        const CaseSubmission b = sampleCase(QStringLiteral("N-2"));
        QVERIFY2(store->submitCase(a, {}, &error) && store->submitCase(b, {}, &error), qPrintable(error));
        {
            std::unique_ptr<Database> db = Database::open(storePath(), &error);
            QVERIFY2(db, qPrintable(error));
            std::optional<Statement> move = db->prepare(
                "UPDATE cases SET form_json = (SELECT form_json FROM cases WHERE id = ?1) WHERE id = ?2",
                "move", &error);
            QVERIFY2(move && move->bind(1, a.id).bind(2, b.id).run(&error), qPrintable(error));
        }
        QVERIFY(store->findCase(a.id));
        QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(QStringLiteral("cases.form_json of %1 cannot be decrypted").arg(b.id)));
        QVERIFY(!store->findCase(b.id));
    }

    void missingKeyIsRefusedNotQuarantinedNorRecreated()
    {
        {
            std::unique_ptr<CaseStore> store = openStore();
            QVERIFY(store);
            QString id;
            submitJourney(*store, &id);
        }
        QVERIFY(QFile::remove(keyPath()));
        const QByteArray before = readAll(storePath());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is missing")));
        QString error;
        QVERIFY(!CaseStore::open(m_dir->path(), &error));
        QVERIFY2(error.contains(QStringLiteral("key file %1 is missing").arg(keyPath())), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("encrypted")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(keyPath())); // never silently regenerated
        QVERIFY(CaseStore::quarantinedFiles(m_dir->path()).isEmpty());
        QCOMPARE(readAll(storePath()), before);
    }

    void wrongKeyIsRefusedNotQuarantined()
    {
        {
            std::unique_ptr<CaseStore> store = openStore();
            QVERIFY(store);
        }
        const QString otherKey = m_dir->filePath(QStringLiteral("other/store.key"));
        FileKeyProvider other(otherKey);
        QString error;
        QVERIFY2(other.loadKey(true, &error), qPrintable(error));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("does not open this store")));
        QVERIFY(!CaseStore::open(m_dir->path(), other, &error));
        QVERIFY2(error.contains(storePath()) && error.contains(QStringLiteral("key file ") + otherKey),
                 qPrintable(error));
        QVERIFY(CaseStore::quarantinedFiles(m_dir->path()).isEmpty());
        QVERIFY(openStore()); // the right key still opens it
    }

    void badKeyFilesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("message");
        QTest::newRow("short") << QByteArray(16, 'k') << 0600 << QStringLiteral("holds 16 bytes, not the 32");
        QTest::newRow("readable by others")
            << QByteArray(32, 'k') << 0644 << QStringLiteral("can be read by other users (mode 0644)");
    }

    void badKeyFilesAreNamed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, mode);
        QFETCH(QString, message);
        QVERIFY(QDir().mkpath(QFileInfo(keyPath()).absolutePath()));
        QFile key(keyPath());
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(bytes);
        key.close();
        QVERIFY(::chmod(QFile::encodeName(keyPath()).constData(), mode) == 0);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QRegularExpression::escape(message)));
        QString error;
        QVERIFY(!CaseStore::open(m_dir->path(), &error));
        QVERIFY2(error.startsWith(QStringLiteral("key file ") + keyPath()) && error.contains(message),
                 qPrintable(error));
        QCOMPARE(readAll(keyPath()), bytes); // left as it was
    }

    // v1 and v2 fixtures: opened, migrated, encrypted in place; no plaintext name or number left in the main
    // file or the WAL, while the store still reads them.
    void migratedFixturesKeepNoPlaintext_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QStringList>("personal");
        QTest::addColumn<QString>("caseId");
        QTest::addColumn<QString>("name");
        QTest::newRow("v1") << QStringLiteral("cases-v1.sqlite")
                            << QStringList{QStringLiteral("测试甲"), QStringLiteral("13800000000"),
                                           QStringLiteral("Test Person B")}
                            << QStringLiteral("5b0e7c1a-3d2f-4e6a-9b1c-0a1b2c3d4e5f")
                            << QStringLiteral("测试甲");
        QTest::newRow("v2") << QStringLiteral("cases-v2.sqlite")
                            << QStringList{QStringLiteral("测试丙"), QStringLiteral("Test Person D"),
                                           QStringLiteral("form: missing")}
                            << QStringLiteral("7a1b2c3d-0000-4000-8000-000000000001")
                            << QStringLiteral("测试丙");
    }

    void migratedFixturesKeepNoPlaintext()
    {
        QFETCH(QString, fixture);
        QFETCH(QStringList, personal);
        QFETCH(QString, caseId);
        QFETCH(QString, name);
        QVERIFY(QFile::copy(sourcePath(QStringLiteral("tests/fixtures/store/") + fixture), storePath()));
        QVERIFY(QFile::setPermissions(storePath(), QFile::ReadOwner | QFile::WriteOwner));
        QList<QByteArray> needles;
        for (const QString &text : personal)
            needles << text.toUtf8();
        QVERIFY(!findInFiles(m_dir->path(), needles).isEmpty()); // the fixture holds them in plaintext

        std::unique_ptr<CaseStore> store = openStore();
        QVERIFY(store);
        QCOMPARE(store->userVersion(), CaseStore::schemaVersion);
        QCOMPARE(store->findCase(caseId)->form.value(QStringLiteral("full_name")).toString(), name);
        QStringList found = findInFiles(m_dir->path(), needles); // open: main file, -wal, -shm
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        store.reset();
        found = findInFiles(m_dir->path(), needles);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    // A version-3 store (built here by migrations 1-3) with a case whose body carries base64 copies: after
    // the upgrade the body holds no copy, and the body sent is byte-identical to the one built at submit.
    void version3BodiesLoseTheirAttachmentCopies()
    {
        QString error;
        const CaseSubmission submission = sampleCase(QStringLiteral("C001-20240501-0001"));
        const QVector<StoredAttachment> pages{{QStringLiteral("page-1.jpg"), QStringLiteral("image/jpeg"),
                                               photoBytes(), QStringLiteral("page")}};
        const QByteArray fullBody = caseOutboxBody(submission, pages);
        {
            std::unique_ptr<Database> db = Database::open(storePath(), &error);
            QVERIFY2(db && migrateDatabase(*db, 3, &error), qPrintable(error));
            std::optional<Statement> insert =
                db->prepare("INSERT INTO cases (id, case_number, service_id, center_id, submitted_at, "
                            "language, form_json, created_at) "
                            "VALUES (?1, ?2, 's', 'C001', '2024-05-01T00:30:00.123Z', 'zh_CN', '{}', "
                            "'2024-05-01T00:30:00.200Z')",
                            "case", &error);
            QVERIFY2(insert && insert->bind(1, submission.id).bind(2, submission.caseNumber).run(&error),
                     qPrintable(error));
            std::optional<Statement> page =
                db->prepare("INSERT INTO attachments (case_id, sequence, kind, name, mime_type, data, "
                            "sha256) VALUES (?1, 1, 'page', "
                            "'page-1.jpg', 'image/jpeg', ?2, ?3)",
                            "page", &error);
            QVERIFY2(page && page->bind(1, submission.id)
                                 .bindBlob(2, photoBytes())
                                 .bind(3, attachmentSha256(photoBytes()))
                                 .run(&error),
                     qPrintable(error));
            std::optional<Statement> outbox =
                db->prepare("INSERT INTO outbox (kind, ref_id, body, created_at) VALUES ('case', ?1, ?2, "
                            "'2024-05-01T00:30:00.200Z')",
                            "outbox", &error);
            QVERIFY2(outbox && outbox->bind(1, submission.id).bindBlob(2, fullBody).run(&error),
                     qPrintable(error));
        }
        std::unique_ptr<CaseStore> store = openStore();
        QVERIFY(store);
        const std::optional<OutboxItem> item = store->nextOutboxItem();
        QVERIFY(item);
        QCOMPARE(item->body, fullBody);
        QCOMPARE(item->idempotencyKey, submission.id);
        const QStringList found =
            findInFiles(m_dir->path(), base64Forms(photoBytes().left(60)) + QList<QByteArray>{"JFIF"});
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestStoreEncryption)
#include "tst_store_encryption.moc"
