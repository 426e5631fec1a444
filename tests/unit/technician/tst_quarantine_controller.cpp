// The technician view's quarantined stores (QuarantineController): listed with file, time, reason and the
// cases the platform does not have yet; "bring into the outbox" adds them to the live store exactly once,
// also from a second controller (a restart); a store that cannot be read is listed with its problem.
// Real sqlite files and keys in a temp dir, the store's own quarantine and recovery code.
#include "CaseStore.h"
#include "KeyProvider.h"
#include "Quarantine.h"
#include "QuarantineController.h"
#include "StoreExecutor.h"
#include "StrictWarnings.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

CaseSubmission sample(const QString &number)
{
    CaseSubmission s;
    s.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    s.caseNumber = number;
    s.serviceId = QStringLiteral("residence-permit");
    s.centerId = QStringLiteral("C001");
    s.submittedAt = QDateTime(QDate(2026, 11, 27), QTime(8, 30), Qt::UTC);
    s.form = QJsonObject{{QStringLiteral("full_name"), QStringLiteral("测试")}};
    s.language = QStringLiteral("zh_CN");
    return s;
}

QVariantMap entryNamed(const QuarantineController &controller, const QString &file)
{
    for (const QVariant &v : controller.stores()) {
        if (v.toMap().value(QStringLiteral("file")).toString() == file)
            return v.toMap();
    }
    return {};
}

// recover(file), and its answer: the number of cases added (-1: refused or failed). -2: no answer.
int recoverAndWait(QuarantineController &controller, const QString &file)
{
    QSignalSpy finished(&controller, &QuarantineController::recoveryFinished);
    controller.recover(file);
    if (finished.isEmpty() && !finished.wait(20000))
        return -2;
    return finished.at(0).at(0).toInt();
}

bool refreshAndWait(QuarantineController &controller)
{
    QSignalSpy changed(&controller, &QuarantineController::changed);
    controller.refresh();
    return !changed.isEmpty() || changed.wait(20000);
}

} // namespace

class TestQuarantineController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void listsQuarantinedStoresAndRecoversExactlyOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const CaseSubmission pendingCase = sample(QStringLiteral("OLD-1"));
        const CaseSubmission synced = sample(QStringLiteral("OLD-2"));
        const CaseSubmission rated = sample(QStringLiteral("OLD-3"));
        {
            std::unique_ptr<CaseStore> old = CaseStore::open(dir.path(), &error);
            QVERIFY2(old, qPrintable(error));
            QVERIFY2(old->submitCase(pendingCase, {}, &error), qPrintable(error));
            QVERIFY2(old->submitCase(synced, {}, &error), qPrintable(error));
            QVERIFY2(old->submitCase(rated, {}, &error), qPrintable(error));
            QVERIFY2(old->addRating(rated.id, 4, QString(), &error), qPrintable(error));
            QVERIFY2(old->markSynced(2, "{}", &error), qPrintable(error));
        }
        const QString storeFile = QDir(dir.path()).filePath(QStringLiteral("cases.sqlite"));
        const QDateTime when(QDate(2026, 11, 30), QTime(2, 15, 0), Qt::UTC);
        const QString readable = quarantineDatabaseFile(storeFile, when, &error);
        QVERIFY2(!readable.isEmpty(), qPrintable(error));
        QVERIFY2(writeQuarantineReason(readable, QStringLiteral("integrity check failed"), &error),
                 qPrintable(error));

        // The live store on its own thread, as in the kiosk: every read and write of it is a job there.
        FileKeyProvider keys(FileKeyProvider::defaultPath(dir.path()));
        std::unique_ptr<StoreExecutor> live = StoreExecutor::startWorker(
            [&](QString *openError) { return CaseStore::open(dir.path(), keys, openError); }, &error);
        QVERIFY2(live, qPrintable(error));
        QVERIFY(live->hasWorkerThread());
        const auto pending = [&live] { return live->wait([](CaseStore &store) { return store.pendingCount(); }); };
        QCOMPARE(pending(), 0);
        int kicks = 0;
        QuarantineController controller(dir.path(), &keys, live.get(), [&kicks] { ++kicks; });
        QSignalSpy changed(&controller, &QuarantineController::changed);
        QCOMPARE(controller.count(), 0); // nothing read before refresh
        QVERIFY(refreshAndWait(controller));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(controller.count(), 1);

        const QVariantMap good = entryNamed(controller, readable);
        QCOMPARE(good.value(QStringLiteral("name")).toString(), QFileInfo(readable).fileName());
        QCOMPARE(good.value(QStringLiteral("quarantinedAt")).toString(),
                 when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        QCOMPARE(good.value(QStringLiteral("reason")).toString(), QStringLiteral("integrity check failed"));
        QCOMPARE(good.value(QStringLiteral("readable")).toBool(), true);
        QCOMPARE(good.value(QStringLiteral("unsyncedCases")).toInt(), 2); // pending and rated
        QCOMPARE(good.value(QStringLiteral("notRecovered")).toInt(), 2);

        // Bring them in: two cases and the rating, into the live outbox; sync is kicked once.
        QCOMPARE(recoverAndWait(controller, readable), 2);
        QCOMPARE(kicks, 1);
        QCOMPARE(pending(), 3);
        QVERIFY(live->wait([&](CaseStore &store) {
            return store.findCase(pendingCase.id) && store.findCase(rated.id) && !store.findCase(synced.id) &&
                   store.rating(rated.id);
        }));
        QVERIFY2(controller.message().contains(QLatin1String("2 case(s)")), qPrintable(controller.message()));
        QCOMPARE(entryNamed(controller, readable).value(QStringLiteral("notRecovered")).toInt(), 0);
        QCOMPARE(controller.count(), 1); // the file stays on disk, listed, for staff to archive

        // Again: nothing twice, no kick.
        QCOMPARE(recoverAndWait(controller, readable), 0);
        QCOMPARE(kicks, 1);
        QCOMPARE(pending(), 3);
        QVERIFY2(controller.message().startsWith(QLatin1String("Nothing new")),
                 qPrintable(controller.message()));

        // A new controller (a restart of the kiosk) does not bring them twice either.
        QuarantineController again(dir.path(), &keys, live.get());
        QVERIFY(refreshAndWait(again));
        QCOMPARE(entryNamed(again, readable).value(QStringLiteral("notRecovered")).toInt(), 0);
        QCOMPARE(recoverAndWait(again, readable), 0);
        QCOMPARE(pending(), 3);

        // Only listed files: never a path from elsewhere.
        QCOMPARE(recoverAndWait(controller, dir.filePath(QStringLiteral("elsewhere.sqlite"))), -1);
        QCOMPARE(kicks, 1);
    }

    // A garbage file: the store's own open quarantines it and keeps the reason; the view lists it with the
    // problem, and recovering it adds nothing and says why.
    void unreadableStoreIsListedWithItsReasonAndProblem()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        {
            QFile garbage(QDir(dir.path()).filePath(QStringLiteral("cases.sqlite")));
            QVERIFY(garbage.open(QIODevice::WriteOnly));
            garbage.write(QByteArray(4096, 'x'));
        }
        // Every read of it (here, and of its working copy in each refresh) says so loudly.
        const auto expectDamage = [] {
            QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("not an SQLite database")));
        };
        expectDamage();
        QVERIFY(!CaseStore::open(dir.path(), &error));
        const QStringList files = CaseStore::quarantinedFiles(dir.path());
        QCOMPARE(files.size(), 1);
        std::unique_ptr<CaseStore> live = CaseStore::open(dir.path(), &error);
        QVERIFY2(live, qPrintable(error));
        // Jobs on this thread (the damage messages are expected on it).
        std::unique_ptr<StoreExecutor> executor = StoreExecutor::onThisThread(*live);
        FileKeyProvider keys(FileKeyProvider::defaultPath(dir.path()));
        int kicks = 0;
        QuarantineController controller(dir.path(), &keys, executor.get(), [&kicks] { ++kicks; });
        expectDamage();
        QVERIFY(refreshAndWait(controller));
        QCOMPARE(controller.count(), 1);
        const QVariantMap bad = entryNamed(controller, files.at(0));
        QCOMPARE(bad.value(QStringLiteral("readable")).toBool(), false);
        QVERIFY(!bad.value(QStringLiteral("problem")).toString().isEmpty());
        QVERIFY2(
            bad.value(QStringLiteral("reason")).toString().contains(QLatin1String("not an SQLite database")),
            qPrintable(bad.value(QStringLiteral("reason")).toString()));
        QVERIFY(!bad.value(QStringLiteral("quarantinedAt")).toString().isEmpty());

        expectDamage();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^recovery failed:")));
        expectDamage();
        QCOMPARE(recoverAndWait(controller, files.at(0)), -1);
        QVERIFY2(controller.message().startsWith(QLatin1String("The cases could not be brought")),
                 qPrintable(controller.message()));
        QCOMPARE(live->pendingCount(), 0);
        QCOMPARE(kicks, 0);
    }

    void withoutAStoreTheListIsEmpty()
    {
        QuarantineController inert;
        QVERIFY(refreshAndWait(inert));
        QCOMPARE(inert.count(), 0);
        QCOMPARE(recoverAndWait(inert, QStringLiteral("/nonexistent")), -1);
    }
};

QTEST_GUILESS_MAIN(TestQuarantineController)
#include "tst_quarantine_controller.moc"
