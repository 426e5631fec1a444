// Case numbers carry the kiosk id and the store's epoch: two kiosks never print the same number, and a
// store that replaces a quarantined one (or a reinstalled kiosk) never reissues one.
#include "CaseStore.h"
#include "Quarantine.h"
#include "StoreTestData.h"

#include "StrictWarnings.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestStoreIdentity : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<CaseStore> openStore(const QString &dir)
    {
        QString error;
        std::unique_ptr<CaseStore> store = CaseStore::open(dir, &error);
        if (!store)
            qWarning("open failed: %s", qPrintable(error));
        return store;
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void numberFormat()
    {
        QTemporaryDir dir;
        std::unique_ptr<CaseStore> store = openStore(dir.path());
        QVERIFY(store);
        QString error;
        const QString number = store->nextCaseNumber(QStringLiteral("SH-XH-TLQ"), QStringLiteral("K07"),
                                                     QDate(2024, 5, 1), &error);
        QVERIFY2(QRegularExpression(QStringLiteral("^SH-XH-TLQ-K07-20240501-[0-9A-HJKMNP-TV-Z]{4}-0001$"))
                     .match(number)
                     .hasMatch(),
                 qPrintable(number + error));
        QVERIFY(number.contains(store->storeEpoch()));
    }

    // Before: both data dirs issued "<center>-<day>-0001".
    void twoKiosksNeverShareANumber()
    {
        QTemporaryDir first;
        QTemporaryDir second;
        std::unique_ptr<CaseStore> a = openStore(first.path());
        std::unique_ptr<CaseStore> b = openStore(second.path());
        QVERIFY(a && b);
        QSet<QString> seen;
        QString error;
        for (int i = 0; i < 50; ++i) {
            for (const auto &[store, kiosk] : {std::pair{a.get(), "K01"}, std::pair{b.get(), "K02"}}) {
                const QString number = store->nextCaseNumber(QStringLiteral("SH-XH-TLQ"),
                                                             QLatin1String(kiosk), QDate(2024, 5, 1), &error);
                QVERIFY2(!number.isEmpty(), qPrintable(error));
                QVERIFY2(!seen.contains(number), qPrintable(number));
                seen.insert(number);
            }
        }
    }

    // Before: the fresh store after a quarantine started again at 0001 with the same text.
    void storeAfterQuarantineDoesNotReissue()
    {
        QTemporaryDir dir;
        QSet<QString> issued;
        QString oldEpoch;
        QString error;
        {
            std::unique_ptr<CaseStore> store = openStore(dir.path());
            QVERIFY(store);
            oldEpoch = store->storeEpoch();
            for (int i = 0; i < 3; ++i)
                issued.insert(store->nextCaseNumber(QStringLiteral("C001"), QStringLiteral("K01"),
                                                    QDate(2024, 5, 1), &error));
            QVERIFY2(store->submitCase(sampleCase(*issued.begin()), {}, &error), qPrintable(error));
        }
        const QString path = QDir(dir.path()).filePath(QStringLiteral("cases.sqlite"));
        QVERIFY2(!quarantineDatabaseFile(path, QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC), &error)
                      .isEmpty(),
                 qPrintable(error));

        std::unique_ptr<CaseStore> fresh = openStore(dir.path());
        QVERIFY(fresh);
        QVERIFY(fresh->storeEpoch() != oldEpoch);
        const QString next =
            fresh->nextCaseNumber(QStringLiteral("C001"), QStringLiteral("K01"), QDate(2024, 5, 1), &error);
        QVERIFY2(!issued.contains(next), qPrintable(next));
        QVERIFY2(next.endsWith(QStringLiteral("-0004")), qPrintable(next)); // the counter continues, too
        QVERIFY(next.contains(fresh->storeEpoch()));
        // The quarantined file is evidence: reading it did not change it, nor leave copies behind.
        QCOMPARE(CaseStore::quarantinedFiles(dir.path()).size(), 1);
        QCOMPARE(
            QDir(dir.path()).entryList({QStringLiteral(".quarantine-read-*")}, QDir::Dirs | QDir::Hidden),
            QStringList());
    }

    // A reinstalled kiosk (data folder wiped) gets a new epoch, so its 0001 is not the old 0001.
    void reinstalledKioskGetsANewEpoch()
    {
        QSet<QString> epochs;
        for (int i = 0; i < 20; ++i) {
            QTemporaryDir dir;
            std::unique_ptr<CaseStore> store = openStore(dir.path());
            QVERIFY(store);
            epochs.insert(store->storeEpoch());
        }
        QVERIFY(epochs.size() >= 19); // 20 random draws out of 2^20; one collision is already unlikely
    }
};

QTEST_GUILESS_MAIN(TestStoreIdentity)
#include "tst_store_identity.moc"
