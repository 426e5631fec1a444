// `kioskctl store` and `kioskctl outbox` as a technician runs them against a kiosk's data directory.
#include "CaseStore.h"
#include "Quarantine.h"
#include "StrictWarnings.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

struct Run
{
    int exitCode = -1;
    QList<QJsonObject> lines;
    QByteArray out;
    QByteArray err;
};

Run kioskctl(const QStringList &arguments, const QString &runtimeDir)
{
    Run run;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("onestop.*.info=false"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KIOSKCTL_PATH), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    for (const QByteArray &line : run.out.split('\n')) {
        if (!line.trimmed().isEmpty())
            run.lines << QJsonDocument::fromJson(line).object();
    }
    return run;
}

CaseSubmission submission(const QString &number, const QString &name)
{
    CaseSubmission s;
    s.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    s.caseNumber = number;
    s.serviceId = QStringLiteral("residence-permit");
    s.centerId = QStringLiteral("SH-T");
    s.submittedAt = QDateTime(QDate(2026, 11, 27), QTime(8, 30), Qt::UTC);
    s.form = QJsonObject{{QStringLiteral("name"), name}};
    s.language = QStringLiteral("zh_CN");
    return s;
}

} // namespace

class TestKioskctlStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_runtime;

private slots:
    void initTestCase() { installStrictWarnings(); }

    void quarantinedStoreListedAndRecoveredOnce()
    {
        QTemporaryDir dir;
        QString error;
        const CaseSubmission lost = submission(QStringLiteral("OLD-1"), QStringLiteral("测试丁"));
        {
            std::unique_ptr<CaseStore> old = CaseStore::open(dir.path(), &error);
            QVERIFY2(old && old->submitCase(lost, {}, &error), qPrintable(error));
        }
        const QString quarantined =
            quarantineDatabaseFile(QDir(dir.path()).filePath(QStringLiteral("cases.sqlite")),
                                   QDateTime::currentDateTimeUtc(), &error);
        QVERIFY2(!quarantined.isEmpty(), qPrintable(error));

        Run list = kioskctl(
            {QStringLiteral("store"), QStringLiteral("list"), QStringLiteral("--data-dir"), dir.path()},
            m_runtime.path());
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.lines.size(), 1);
        QCOMPARE(list.lines[0].value(QStringLiteral("file")).toString(), quarantined);
        QCOMPARE(list.lines[0].value(QStringLiteral("unsynced_cases")).toInt(), 1);
        QCOMPARE(list.lines[0].value(QStringLiteral("not_recovered")).toInt(), 1);

        for (int expected : {1, 0}) { // exactly once
            const Run recover = kioskctl({QStringLiteral("store"), QStringLiteral("recover"),
                                          QStringLiteral("--data-dir"), dir.path()},
                                         m_runtime.path());
            QCOMPARE(recover.exitCode, 0);
            QCOMPARE(recover.lines.value(0).value(QStringLiteral("recovered_cases")).toInt(-1), expected);
        }
        list = kioskctl(
            {QStringLiteral("store"), QStringLiteral("list"), QStringLiteral("--data-dir"), dir.path()},
            m_runtime.path());
        QCOMPARE(list.lines.value(0).value(QStringLiteral("not_recovered")).toInt(-1), 0);
        std::unique_ptr<CaseStore> live = CaseStore::open(dir.path(), &error);
        QVERIFY2(live, qPrintable(error));
        QCOMPARE(live->findCase(lost.id)->form, lost.form);
        QCOMPARE(live->pendingCount(), 1);
    }

    void parkedItemsListedExportedRequeued()
    {
        QTemporaryDir dir;
        QString error;
        const QString canary = QStringLiteral("金丝雀REASON");
        {
            std::unique_ptr<CaseStore> store = CaseStore::open(dir.path(), &error);
            QVERIFY2(store && store->submitCase(submission(QStringLiteral("N-1"), canary), {}, &error),
                     qPrintable(error));
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("parked for staff: 1")));
            QVERIFY2(store->markParked(1, QStringLiteral("HTTP 422: conflict: ") + canary, &error),
                     qPrintable(error));
        }
        const QStringList where{QStringLiteral("--data-dir"), dir.path()};
        const Run list =
            kioskctl(QStringList{QStringLiteral("outbox"), QStringLiteral("list")} + where, m_runtime.path());
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.lines.size(), 1);
        QCOMPARE(list.lines[0].value(QStringLiteral("case_number")).toString(), QStringLiteral("N-1"));
        QVERIFY(list.lines[0].value(QStringLiteral("reason")).toString().endsWith(canary));

        const Run exported = kioskctl(QStringList{QStringLiteral("outbox"), QStringLiteral("export")} + where,
                                      m_runtime.path());
        QCOMPARE(exported.exitCode, 0);
        QVERIFY2(exported.out.contains("\"http_status\": 422"), exported.out.constData());
        QVERIFY2(!exported.out.contains(canary.toUtf8()), exported.out.constData());

        const Run requeue = kioskctl(
            QStringList{QStringLiteral("outbox"), QStringLiteral("requeue"), QStringLiteral("1")} + where,
            m_runtime.path());
        QCOMPARE(requeue.exitCode, 0);
        QCOMPARE(requeue.lines.value(0).value(QStringLiteral("requeued")).toInt(), 1);
        const Run again = kioskctl(
            QStringList{QStringLiteral("outbox"), QStringLiteral("requeue"), QStringLiteral("1")} + where,
            m_runtime.path());
        QCOMPARE(again.exitCode, 3);
        QVERIFY2(again.err.contains("is pending, not parked"), again.err.constData());
        std::unique_ptr<CaseStore> store = CaseStore::open(dir.path(), &error);
        QCOMPARE(store->pendingCount(), 1);

        QCOMPARE(kioskctl({QStringLiteral("outbox"), QStringLiteral("list")}, m_runtime.path()).exitCode,
                 64); // no --data-dir
    }
};

QTEST_GUILESS_MAIN(TestKioskctlStore)
#include "tst_kioskctl_store.moc"
