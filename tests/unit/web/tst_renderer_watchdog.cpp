// RendererWatchdog (a renderer that stops answering is noticed once, one that answers never is) and
// RendererProcess::kill (only a QtWebEngineProcess of this user is ever signalled).
#include "RendererProcess.h"
#include "RendererWatchdog.h"
#include "StrictWarnings.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

class TestRendererWatchdog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void silenceIsAHangReportedOnce()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("has not answered for")));
        RendererWatchdog watchdog;
        watchdog.setPingIntervalMs(10);
        watchdog.setHangLimitMs(60);
        QSignalSpy pings(&watchdog, &RendererWatchdog::pingRequested);
        QSignalSpy hung(&watchdog, &RendererWatchdog::hung);
        watchdog.setRunning(true);
        QVERIFY(hung.wait(5000));
        QCOMPARE(hung.size(), 1);
        QVERIFY(hung.at(0).at(0).toInt() >= 60);
        QVERIFY(!pings.isEmpty()); // it asked before it gave up
        QVERIFY(!watchdog.isRunning());
        const int asked = pings.size();
        QTest::qWait(100);
        QCOMPARE(hung.size(), 1);      // stopped: no second report
        QCOMPARE(pings.size(), asked); // and no more pings
    }

    void anAnswerToAnyPingKeepsItAlive()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("has not answered for")));
        RendererWatchdog watchdog;
        watchdog.setPingIntervalMs(10);
        watchdog.setHangLimitMs(200);
        QSignalSpy hung(&watchdog, &RendererWatchdog::hung);
        int answeredPings = 0;
        // The view answers every other ping, one ping late (a ping lost in a navigation is harmless).
        connect(&watchdog, &RendererWatchdog::pingRequested, this, [&](int serial) {
            if (serial % 2 == 0) {
                watchdog.answered(serial - 1);
                ++answeredPings;
            }
        });
        watchdog.setRunning(true);
        QTRY_VERIFY_WITH_TIMEOUT(answeredPings >= 40, 20000); // 80 pings: many times the limit
        QCOMPARE(hung.size(), 0);
        QVERIFY(watchdog.isRunning());
        // Then silence: the hang is reported after all.
        disconnect(&watchdog, &RendererWatchdog::pingRequested, this, nullptr);
        QVERIFY(hung.wait(5000));
    }

    void stoppedItNeverReports()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("has not answered for")));
        RendererWatchdog watchdog;
        watchdog.setPingIntervalMs(10);
        watchdog.setHangLimitMs(30);
        QSignalSpy hung(&watchdog, &RendererWatchdog::hung);
        watchdog.setRunning(true);
        watchdog.setRunning(false); // a kiosk page over the view, or no renderer
        QTest::qWait(150);
        QCOMPARE(hung.size(), 0);
        watchdog.setRunning(true); // the silence starts over when it runs again
        QVERIFY(hung.wait(5000));
    }

    void noRendererNoHangANewRendererStartsOver()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("has not answered for")));
        RendererWatchdog watchdog;
        watchdog.setPingIntervalMs(10);
        watchdog.setHangLimitMs(100);
        QSignalSpy hung(&watchdog, &RendererWatchdog::hung);
        qint64 pid = 0; // no renderer yet: nothing to ping, nothing hangs
        int pinged = 0;
        connect(&watchdog, &RendererWatchdog::pingRequested, this, [&](int) {
            if (watchdog.watch(pid))
                ++pinged;
        });
        watchdog.setRunning(true);
        QTest::qWait(400);
        QCOMPARE(hung.size(), 0);
        QCOMPARE(pinged, 0);
        QVERIFY(!watchdog.watch(0));
        pid = 4242; // a renderer that never answers
        QVERIFY(hung.wait(5000));
        QVERIFY(pinged > 0);
        QCOMPARE(hung.size(), 1);
        // A new process after the old one: its silence counts from its start.
        QVERIFY(watchdog.watch(4343));
    }

    void onlyARendererOfThisUserIsKilled()
    {
        QString error;
        QVERIFY(!RendererProcess::kill(0, &error));
        QVERIFY(!RendererProcess::kill(1, &error));
        QVERIFY(!RendererProcess::kill(::getpid(), &error));
        QVERIFY2(error.contains(QLatin1String("no renderer")), qPrintable(error));
        // Any other program, even our own child, is refused and left running.
        QProcess sleeper;
        sleeper.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(sleeper.waitForStarted());
        QVERIFY(!RendererProcess::kill(sleeper.processId(), &error));
        QVERIFY2(error.contains(QLatin1String("not a web renderer (sleep)")), qPrintable(error));
        QCOMPARE(sleeper.state(), QProcess::Running);
        QCOMPARE(RendererProcess::programName(sleeper.processId()), QStringLiteral("sleep"));
        sleeper.kill();
        sleeper.waitForFinished();
        // A process id that is gone.
        QVERIFY(!RendererProcess::kill(sleeper.processId(), &error));
    }
};

QTEST_GUILESS_MAIN(TestRendererWatchdog)
#include "tst_renderer_watchdog.moc"
