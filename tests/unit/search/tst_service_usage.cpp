#include "ServiceUsage.h"
#include "StrictWarnings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestServiceUsage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void countsInMemoryWithoutAFile()
    {
        ServiceUsage usage;
        QCOMPARE(usage.count(QStringLiteral("residence-permit")), 0);
        usage.record(QStringLiteral("residence-permit"));
        usage.record(QStringLiteral("residence-permit"));
        usage.record(QString()); // nothing chosen: not counted
        QCOMPARE(usage.count(QStringLiteral("residence-permit")), 2);
    }

    // The counts survive a restart, and the file holds service ids and numbers only.
    void countsPersistWithoutPersonalData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("service-usage.json"));
        {
            ServiceUsage usage(path);
            usage.record(QStringLiteral("elderly-allowance"));
            usage.record(QStringLiteral("elderly-allowance"));
            usage.record(QStringLiteral("residence-permit"));
        }
        ServiceUsage again(path);
        QCOMPARE(again.count(QStringLiteral("elderly-allowance")), 2);
        QCOMPARE(again.count(QStringLiteral("residence-permit")), 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(),
                 QByteArray(R"({"counts":{"elderly-allowance":2,"residence-permit":1},"version":1})"));
    }

    void unreadableFileStartsAfreshWithAWarning()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("service-usage.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{not json");
        file.close();
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("service usage counts .* are not readable")));
        ServiceUsage usage(path);
        QCOMPARE(usage.count(QStringLiteral("residence-permit")), 0);
        usage.record(QStringLiteral("residence-permit"));
        QCOMPARE(ServiceUsage(path).count(QStringLiteral("residence-permit")), 1); // rewritten whole
    }
};

QTEST_GUILESS_MAIN(TestServiceUsage)
#include "tst_service_usage.moc"
