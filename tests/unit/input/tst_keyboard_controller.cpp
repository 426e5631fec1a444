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

private:
    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestKeyboardController)

#include "tst_keyboard_controller.moc"
