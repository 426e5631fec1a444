// KeyboardController: the keyboard's language follows the session, learning only outside sensitive
// fields, and wipe() puts the keyboard and the engine back to their first state.

#include "KeyboardController.h"
#include "PinyinEngine.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestKeyboardController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(m_tmp.isValid());
        qputenv("TMPDIR", QFile::encodeName(m_tmp.path()));
    }

    void localeFollowsTheSession()
    {
        PinyinEngine engine;
        KeyboardController keyboard(engine);
        QCOMPARE(keyboard.locale(), QStringLiteral("zh_CN"));
        QSignalSpy changed(&keyboard, &KeyboardController::localeChanged);
        keyboard.setSessionLanguage(QStringLiteral("en"));
        QCOMPARE(keyboard.locale(), QStringLiteral("en_GB"));
        keyboard.setSessionLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(keyboard.locale(), QStringLiteral("zh_CN"));
        QCOMPARE(changed.count(), 2);
        keyboard.toggleLocale();
        QCOMPARE(keyboard.locale(), QStringLiteral("en_GB"));
        keyboard.toggleLocale();
        QCOMPARE(keyboard.locale(), QStringLiteral("zh_CN"));
        QCOMPARE(changed.count(), 4);
    }

    void learnsOnlyOutsideSensitiveFields()
    {
        PinyinEngine engine;
        KeyboardController keyboard(engine);
        keyboard.fieldFocused(int(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText));
        QVERIFY(!engine.isLearning());
        keyboard.fieldFocused(int(Qt::ImhNone));
        QVERIFY(engine.isLearning());
    }

    void wipeResetsKeyboardAndEngine()
    {
        PinyinEngine engine;
        KeyboardController keyboard(engine);
        keyboard.setSessionLanguage(QStringLiteral("en"));
        for (const char c : QByteArray("shequ"))
            engine.addLetter(QString(QLatin1Char(c)));
        QVERIFY(engine.isComposing());
        QSignalSpy wiped(&keyboard, &KeyboardController::wiped);
        QSignalSpy engineWiped(&engine, &PinyinEngine::wiped);
        keyboard.wipe();
        QCOMPARE(wiped.count(), 1);
        QCOMPARE(engineWiped.count(), 1);
        QCOMPARE(keyboard.generation(), 1);
        QVERIFY(!engine.isComposing());
        QCOMPARE(keyboard.locale(), QStringLiteral("zh_CN"));
    }

    // A web page's field reports the pre-edit back inside its text, late; Qt's own fields keep it apart. Both
    // are echoes; anything else under the composition is a change that commits it.
    void echoesOfThePreeditAreNotChanges()
    {
        PinyinEngine engine;
        KeyboardController keyboard(engine);
        QVERIFY(keyboard.changedUnderComposition(QString(), 0));    // no composition: any update commits
        keyboard.compositionStarted(QStringLiteral("徐汇区路"), 3); // the cursor before 路
        QVERIFY(!keyboard.changedUnderComposition(QStringLiteral("徐汇区路"), 3)); // a Qt field
        QVERIFY(keyboard.changedUnderComposition(QStringLiteral("徐汇区路"), 5));  // no pre-edit shown yet
        keyboard.compositionShown(3);
        QVERIFY(!keyboard.changedUnderComposition(QStringLiteral("徐汇区路"), 6)); // cursor in the pre-edit
        QVERIFY(keyboard.changedUnderComposition(QStringLiteral("徐汇区路"), 7));
        QVERIFY(!keyboard.changedUnderComposition(QStringLiteral("徐汇区she路"), 6));  // the page's echo
        QVERIFY(!keyboard.changedUnderComposition(QStringLiteral("徐汇区社qu路"), 5)); // after a choice
        QVERIFY(!keyboard.changedUnderComposition(QStringLiteral("徐汇区s路"), 4));    // a late echo
        QVERIFY(keyboard.changedUnderComposition(QStringLiteral("徐汇区she路"), 1));   // tapped elsewhere
        QVERIFY(keyboard.changedUnderComposition(QStringLiteral("徐汇区路"), 0));
        QVERIFY(keyboard.changedUnderComposition(QStringLiteral("徐汇路"), 2));    // text taken away
        QVERIFY(keyboard.changedUnderComposition(QStringLiteral("田林she路"), 4)); // another field
        QVERIFY(keyboard.changedUnderComposition(QString(), 0));
        keyboard.compositionEnded();
        QVERIFY(keyboard.changedUnderComposition(QStringLiteral("徐汇区路"), 3));
        // The session's end forgets the field.
        keyboard.compositionStarted(QStringLiteral("王"), 1);
        keyboard.wipe();
        QVERIFY(keyboard.changedUnderComposition(QStringLiteral("王"), 1));
    }

private:
    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestKeyboardController)

#include "tst_keyboard_controller.moc"
