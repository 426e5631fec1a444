// The sqlite wrapper: connection settings, bound values, transactions and error messages.
#include "Database.h"

#include "StrictWarnings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestStoreDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("db-%1.sqlite").arg(++m_counter)); }

    std::unique_ptr<Database> openWithTable()
    {
        QString error;
        std::unique_ptr<Database> db = Database::open(freshPath(), &error);
        if (!db || !db->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, txt TEXT, num INTEGER, data BLOB)",
                             "create test table", &error))
            qFatal("cannot set up test table: %s", qPrintable(error));
        return db;
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_dir.isValid());
    }

    void openSetsConnectionSettings()
    {
        QString error;
        std::unique_ptr<Database> db = Database::open(freshPath(), &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->queryInteger("PRAGMA foreign_keys", "test", &error).value_or(-1), qint64(1));
        QCOMPARE(db->queryInteger("PRAGMA synchronous", "test", &error).value_or(-1), qint64(2)); // FULL
        QCOMPARE(db->queryInteger("PRAGMA busy_timeout", "test", &error).value_or(-1),
                 qint64(Database::busyTimeoutMs));
        // open() does not change the file's journal mode; useWriteAheadLog() does.
        QCOMPARE(db->queryText("PRAGMA journal_mode", "test", &error).value_or(QString()),
                 QStringLiteral("delete"));
        QVERIFY2(db->useWriteAheadLog(&error), qPrintable(error));
        QCOMPARE(db->queryText("PRAGMA journal_mode", "test", &error).value_or(QString()),
                 QStringLiteral("wal"));
    }

    void boundValuesAreStoredVerbatim()
    {
        std::unique_ptr<Database> db = openWithTable();
        QString error;
        const QString hostile = QStringLiteral("x'); DROP TABLE t; -- 测试");
        const QByteArray binary("\0\1\2\xff", 4);
        {
            std::optional<Statement> insert =
                db->prepare("INSERT INTO t (txt, num, data) VALUES (?1, ?2, ?3)", "insert", &error);
            QVERIFY2(insert, qPrintable(error));
            insert->bind(1, hostile).bind(2, Q_INT64_C(9007199254740993)).bindBlob(3, binary);
            QVERIFY2(insert->run(&error), qPrintable(error));
        }
        {
            std::optional<Statement> insert =
                db->prepare("INSERT INTO t (txt, num, data) VALUES (?1, ?2, ?3)", "insert", &error);
            QVERIFY2(insert, qPrintable(error));
            insert->bind(1, QString()).bindNull(2).bindBlob(3, QByteArray());
            QVERIFY2(insert->run(&error), qPrintable(error));
        }
        std::optional<Statement> select =
            db->prepare("SELECT txt, num, data, typeof(data) FROM t ORDER BY id", "select", &error);
        QVERIFY2(select, qPrintable(error));
        QCOMPARE(select->step(&error), Statement::Step::Row);
        QCOMPARE(select->text(0), hostile);
        QCOMPARE(select->integer(1), Q_INT64_C(9007199254740993));
        QCOMPARE(select->blob(2), binary);
        QCOMPARE(select->step(&error), Statement::Step::Row);
        QCOMPARE(select->text(0), QString()); // an empty string is stored, not NULL
        QVERIFY(!select->isNull(0));
        QVERIFY(select->isNull(1));
        QVERIFY(!select->isNull(2));
        QCOMPARE(select->text(3), QStringLiteral("blob")); // an empty blob stays an empty blob
        QCOMPARE(select->step(&error), Statement::Step::Done);
        QCOMPARE(db->queryInteger("SELECT count(*) FROM sqlite_master WHERE name = 't'", "test", &error)
                     .value_or(-1),
                 qint64(1));
    }

    void transactionRollsBackUnlessCommitted()
    {
        std::unique_ptr<Database> db = openWithTable();
        QString error;
        {
            std::optional<Transaction> transaction = db->begin("test", &error);
            QVERIFY2(transaction, qPrintable(error));
            QVERIFY(db->exec("INSERT INTO t (txt) VALUES ('dropped')", "insert", &error));
        } // not committed
        QCOMPARE(db->queryInteger("SELECT count(*) FROM t", "count", &error).value_or(-1), qint64(0));
        {
            std::optional<Transaction> transaction = db->begin("test", &error);
            QVERIFY2(transaction, qPrintable(error));
            QVERIFY(db->exec("INSERT INTO t (txt) VALUES ('kept')", "insert", &error));
            QVERIFY2(transaction->commit(&error), qPrintable(error));
            QVERIFY(!transaction->commit(&error)); // a second commit is an error, not a crash
            QVERIFY2(error.contains(QLatin1String("already finished")), qPrintable(error));
        }
        QCOMPARE(db->queryInteger("SELECT count(*) FROM t", "count", &error).value_or(-1), qint64(1));
    }

    void errorsNameFileAndPurpose()
    {
        std::unique_ptr<Database> db = openWithTable();
        QString error;
        QVERIFY(!db->prepare("SELEC nonsense", "read the nonsense", &error));
        QVERIFY2(error.startsWith(db->filePath() + QStringLiteral(": read the nonsense: ")),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("syntax error")), qPrintable(error));
        QCOMPARE(db->lastFailure(), DbFailure::Other);

        QVERIFY(db->exec("CREATE TABLE u (x TEXT UNIQUE)", "create", &error));
        QVERIFY(db->exec("INSERT INTO u VALUES ('a')", "insert", &error));
        QVERIFY(!db->exec("INSERT INTO u VALUES ('a')", "insert duplicate", &error));
        QVERIFY2(error.contains(QLatin1String("insert duplicate: UNIQUE constraint failed: u.x")),
                 qPrintable(error));

        std::optional<Statement> insert = db->prepare("INSERT INTO u VALUES (?1)", "bind too far", &error);
        QVERIFY(insert);
        insert->bind(2, QStringLiteral("b"));
        QVERIFY(!insert->run(&error));
        QVERIFY2(error.contains(QLatin1String("bind too far: binding parameter 2")), qPrintable(error));
    }

    void foreignKeysAreEnforced()
    {
        QString error;
        std::unique_ptr<Database> db = Database::open(freshPath(), &error);
        QVERIFY(db->exec("CREATE TABLE parent (id TEXT PRIMARY KEY);"
                         "CREATE TABLE child (parent_id TEXT REFERENCES parent(id))",
                         "create", &error));
        QVERIFY(!db->exec("INSERT INTO child VALUES ('missing')", "insert orphan", &error));
        QVERIFY2(error.contains(QLatin1String("FOREIGN KEY constraint failed")), qPrintable(error));
    }

    void garbageFileIsReportedAsDamaged()
    {
        const QString path = freshPath();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'G'));
        file.close();
        QString error;
        DbFailure failure = DbFailure::None;
        std::unique_ptr<Database> db = Database::open(path, &error, &failure);
        if (db) { // sqlite may only notice at the first read
            QVERIFY(!db->userVersion(&error));
            failure = db->lastFailure();
        }
        QCOMPARE(failure, DbFailure::Damaged);
        QVERIFY2(error.contains(QLatin1String("file is not a database")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestStoreDatabase)
#include "tst_store_database.moc"
