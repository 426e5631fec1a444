#include "SelfTest.h"
#include "StrictWarnings.h"

#include <QFile>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QTest>

// The self-test must fail on every kind of QML problem, or `--self-test` proves nothing.
class TestSelfTest : public QObject
{
    Q_OBJECT

    static void write(const QTemporaryDir &dir, const QString &name, const QByteArray &qml)
    {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(qml);
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void passesCleanFiles()
    {
        QTemporaryDir dir;
        write(dir, QStringLiteral("Good.qml"), "import QtQuick\nItem { width: 10; height: 10 }\n");
        write(dir, QStringLiteral("Style.qml"), "pragma Singleton\nimport QtQuick\nQtObject { property int size: 3 }\n");
        QQmlEngine engine;
        const QStringList problems = SelfTest::run(engine, dir.path());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void failsOnSyntaxErrors()
    {
        QTemporaryDir dir;
        write(dir, QStringLiteral("Broken.qml"), "import QtQuick\nItem { width: }\n");
        QQmlEngine engine;
        QVERIFY(!SelfTest::run(engine, dir.path()).isEmpty());
    }

    void failsOnRuntimeWarnings()
    {
        QTemporaryDir dir;
        write(dir, QStringLiteral("Warns.qml"), "import QtQuick\nItem { property int n: undefinedThing.size }\n");
        QQmlEngine engine;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("undefinedThing")));
        const QStringList problems = SelfTest::run(engine, dir.path());
        QVERIFY(!problems.isEmpty());
        QVERIFY2(problems.join(QLatin1Char('\n')).contains(QStringLiteral("undefinedThing")), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void failsWhenThereIsNothingToCheck()
    {
        QTemporaryDir dir;
        QQmlEngine engine;
        QVERIFY(!SelfTest::run(engine, dir.path()).isEmpty());
    }
};

QTEST_MAIN(TestSelfTest)
#include "tst_self_test.moc"
