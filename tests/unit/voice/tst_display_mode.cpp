// The resident's display mode: elderly mode brings the voice unless the resident chose otherwise, the idle
// timeouts double, and everything goes back to standard when the session ends.

#include "../session/SessionFixture.h"
#include "DisplayModeController.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTest>

using Screen = SessionController::Screen;

class TestDisplayMode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void elderlyBringsVoiceUnlessChosen()
    {
        DisplayModeController mode;
        QSignalSpy factor(&mode, &DisplayModeController::idleFactorChanged);
        QCOMPARE(mode.idleFactor(), 1);
        mode.setElderly(true);
        QVERIFY(mode.isVoice());
        QCOMPARE(mode.idleFactor(), 2);
        QCOMPARE(factor.count(), 1);
        QCOMPARE(factor.at(0).at(0).toInt(), 2);
        mode.setVoice(false);
        mode.setElderly(false);
        mode.setElderly(true);
        QVERIFY(!mode.isVoice()); // the resident's own choice stands
        mode.reset();
        QVERIFY(!mode.isElderly());
        QVERIFY(!mode.isVoice());
        QCOMPARE(mode.idleFactor(), 1);
        mode.setElderly(true);
        QVERIFY(mode.isVoice()); // a new session, the default again
    }

    void idleTimeoutsDoubleAndTheModeEndsWithTheSession()
    {
        SessionFixture f;
        DisplayModeController mode;
        connect(&mode, &DisplayModeController::idleFactorChanged, f.session.get(),
                &SessionController::setIdleTimeoutFactor);
        connect(f.session.get(), &SessionController::sessionEnded, &mode, &DisplayModeController::reset);
        mode.setElderly(true);
        f.session->begin();
        f.advance(119000);
        QVERIFY(!f.session->isIdleWarning());
        f.advance(2000);
        QVERIFY(f.session->isIdleWarning());
        QVERIFY(f.session->idleSecondsLeft() > 30);
        f.advance(58000);
        QCOMPARE(f.session->screen(), Screen::Language);
        f.advance(2000);
        QCOMPARE(f.session->screen(), Screen::Attract);
        QVERIFY(!mode.isElderly());
        // Standard again: the site's minute.
        f.session->begin();
        f.advance(61000);
        QVERIFY(f.session->isIdleWarning());
    }
};

QTEST_GUILESS_MAIN(TestDisplayMode)
#include "tst_display_mode.moc"
