#include "IdleTimer.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTest>

class TestIdleTimer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { installStrictWarnings(); }

    void warnsThenTimesOut()
    {
        ManualClock clock;
        IdleTimer timer(clock);
        timer.setDurations(60000, 30000);
        QSignalSpy warned(&timer, &IdleTimer::warningStarted);
        QSignalSpy timedOut(&timer, &IdleTimer::timedOut);
        timer.arm();
        clock.advance(59999);
        timer.check();
        QCOMPARE(timer.phase(), IdleTimer::Phase::Counting);
        clock.advance(1);
        timer.check();
        QCOMPARE(timer.phase(), IdleTimer::Phase::Warning);
        QCOMPARE(warned.count(), 1);
        QCOMPARE(timer.secondsLeftToAnswer(), 30);
        clock.advance(29500);
        timer.check();
        QCOMPARE(timer.secondsLeftToAnswer(), 1);
        QCOMPARE(timedOut.count(), 0);
        clock.advance(500);
        timer.check();
        QCOMPARE(timedOut.count(), 1);
        QCOMPARE(timer.phase(), IdleTimer::Phase::Disarmed);
    }

    void activityAnswersTheWarning()
    {
        ManualClock clock;
        IdleTimer timer(clock);
        timer.setDurations(10000, 20000);
        QSignalSpy cleared(&timer, &IdleTimer::warningCleared);
        QSignalSpy timedOut(&timer, &IdleTimer::timedOut);
        timer.arm();
        clock.advance(15000);
        timer.check();
        QCOMPARE(timer.phase(), IdleTimer::Phase::Warning);
        timer.activity();
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(timer.phase(), IdleTimer::Phase::Counting);
        clock.advance(29000);
        timer.check();
        QCOMPARE(timedOut.count(), 0); // counted again from the answer
        clock.advance(1000);
        timer.check();
        QCOMPARE(timedOut.count(), 1);
    }

    void disarmedNeverFires()
    {
        ManualClock clock;
        IdleTimer timer(clock);
        timer.setDurations(1000, 1000);
        QSignalSpy timedOut(&timer, &IdleTimer::timedOut);
        timer.arm();
        timer.disarm();
        clock.advance(100000);
        timer.check();
        timer.activity();
        QCOMPARE(timer.phase(), IdleTimer::Phase::Disarmed);
        QCOMPARE(timedOut.count(), 0);
    }

    void realTimerDrivesCheck()
    {
        SystemClock clock;
        IdleTimer timer(clock);
        timer.setDurations(100, 0);
        QSignalSpy timedOut(&timer, &IdleTimer::timedOut);
        timer.arm();
        QVERIFY(timedOut.wait(5000));
    }
};

QTEST_GUILESS_MAIN(TestIdleTimer)
#include "tst_idle_timer.moc"
