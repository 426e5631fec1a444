// The kiosk's voice through a whole journey, in Chinese and in English: the real SessionController,
// DisplayModeController, SpeechController and its worker thread, the real translations, and a TextToSpeech
// engine of our own ("mock", tests/tts-mock, loaded through QT_PLUGIN_PATH) that records each say().

#include "../session/SessionFixture.h"
#include "DisplayModeController.h"
#include "ScreenInstructions.h"
#include "SpeechController.h"
#include "StrictWarnings.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextToSpeech>

using Screen = SessionController::Screen;

namespace {
// "voice<TAB>locale<TAB>text" per utterance, as the mock engine wrote them.
QStringList spoken(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    lines.removeAll(QString());
    return lines;
}

QString zh(const char *text)
{
    return QStringLiteral("cmn-latn-pinyin\tC\t") + QString::fromUtf8(text);
}
QString en(const char *text)
{
    return QStringLiteral("mock-english\ten_US\t") + QString::fromUtf8(text);
}
} // namespace

class TestSpeechJourney : public QObject
{
    Q_OBJECT

    struct Kiosk
    {
        QTemporaryDir dir;
        QString record = dir.filePath(QStringLiteral("spoken.txt"));
        SessionFixture f;
        Translations translations;
        DisplayModeController mode;
        std::unique_ptr<SpeechController> speech;

        explicit Kiosk(const QString &engine = QStringLiteral("mock"))
        {
            translations.apply(QStringLiteral("zh_CN"));
            QObject::connect(f.session.get(), &SessionController::languageChanged, &translations,
                             &Translations::apply);
            QObject::connect(&mode, &DisplayModeController::idleFactorChanged, f.session.get(),
                             &SessionController::setIdleTimeoutFactor);
            QObject::connect(f.session.get(), &SessionController::sessionEnded, &mode,
                             &DisplayModeController::reset);
            speech = std::make_unique<SpeechController>(
                *f.session, mode, SpeechController::Settings{engine, {{QStringLiteral("record"), record}}});
        }
    };

    // attract -> ... -> goodbye -> attract, in `language`, with a refused code, the idle warning, a form
    // with errors and a submission without consent on the way. With `voice`, each step waits until what it
    // made the kiosk say was said (a new screen would otherwise cut a notice short, as it should).
    static void walk(Kiosk &k, const QString &language, bool voice)
    {
        SessionFixture &f = k.f;
        int lines = 0;
        const auto said = [&](int more) {
            lines += more;
            if (voice)
                QTRY_COMPARE(spoken(k.record).size(), lines);
        };
        f.session->begin();
        said(1);
        f.session->chooseLanguage(language);
        QCOMPARE(f.session->screen(), Screen::Identify);
        said(1);
        f.scanner.scan(QStringLiteral("https://example.invalid/appointment?code=A1"));
        said(1);
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        said(1);
        // Twice the time in the elderly mode: no warning after the standard minute.
        f.advance(61000);
        QVERIFY(!f.session->isIdleWarning());
        f.advance(60000);
        QVERIFY(f.session->isIdleWarning());
        said(1);
        f.session->extendSession();
        f.session->chooseService(QStringLiteral("social-security-card"));
        said(1);
        f.session->startForm();
        said(1);
        f.session->toReview(); // the phone is missing
        QCOMPARE(f.session->screen(), Screen::Form);
        said(1);
        f.form.setValue(QStringLiteral("phone"), QStringLiteral("13812345678"));
        f.form.setValue(QStringLiteral("reason"), QStringLiteral("lost"));
        f.session->toReview();
        QCOMPARE(f.session->screen(), Screen::Review);
        said(1);
        f.session->submit(false);
        said(1);
        QVERIFY(f.submitAndSettle(true));
        QCOMPARE(f.session->screen(), Screen::Receipt);
        said(2); // saving, then the receipt
        f.session->toRating();
        said(1);
        f.session->rate(5);
        f.settleStore();
        QCOMPARE(f.session->screen(), Screen::Goodbye);
        said(1);
        f.advance(6000);
        QCOMPARE(f.session->screen(), Screen::Attract);
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY2(QTextToSpeech::availableEngines().contains(QStringLiteral("mock")),
                 "the mock engine is not found: QT_PLUGIN_PATH must name tests/tts-mock/plugins");
    }

    void chineseJourneyIsReadInMandarin()
    {
        Kiosk k;
        k.mode.setElderly(true); // the voice comes with the elderly mode
        QVERIFY(k.mode.isVoice());
        walk(k, QStringLiteral("zh_CN"), true);
        // The guide's instruction is a new string: Chinese once the translation carries it.
        k.translations.apply(QStringLiteral("zh_CN"));
        const QStringList expected = {
            zh("请选择语言"),
            zh("请将身份证平放在读卡区"),
            zh("本终端暂不支持使用该码核验身份，请将身份证放置于读卡区。"),
            zh("请选择办理事项"),
            zh("您是否需要更多时间？"),
            QStringLiteral("cmn-latn-pinyin\tC\t") + ScreenInstructions::forScreen(QStringLiteral("guide")),
            zh("请填写申请信息。读取自身份证的信息不可修改。"),
            zh("部分信息有误或未填写，请检查。"),
            zh("核对申请信息"),
            zh("提交前请先阅读并勾选同意。"),
            zh("请稍候。"),
            zh("申请已提交"),
            zh("您对本次服务是否满意？"),
            zh("请带好您的身份证和办件回执。"),
        };
        QCOMPARE(spoken(k.record), expected);
        // The session is over: the next resident starts without the elderly mode and without voice.
        QVERIFY(!k.mode.isElderly());
        QVERIFY(!k.mode.isVoice());
    }

    void englishJourneyIsReadInEnglish()
    {
        Kiosk k;
        k.mode.setVoice(true); // voice alone, in the standard mode
        k.mode.setElderly(true);
        walk(k, QStringLiteral("en"), true);
        const QStringList expected = {
            zh("请选择语言"), // the language screen speaks the kiosk's first language
            en("Please place your ID card flat on the reader"),
            en("This code cannot be used to identify you at this kiosk yet. Please place your ID card on the "
               "reader."),
            en("Choose a service"),
            en("Do you need more time?"),
            en("Please read what this service needs, then tap \"Start application\"."),
            en("Please complete your application. Fields read from your ID card cannot be changed."),
            en("Some entries need your attention."),
            en("Check your application"),
            en("Please confirm your consent before submitting."),
            en("Please wait a moment."),
            en("Application submitted"),
            en("How satisfied are you with this service?"),
            en("Please take your ID card and your receipt with you."),
        };
        QCOMPARE(spoken(k.record), expected);
    }

    void voiceOffSaysNothingAndVoiceOnReadsTheScreenAtOnce()
    {
        Kiosk k;
        k.f.session->begin();
        k.f.session->chooseLanguage(QStringLiteral("en"));
        k.f.scanner.scan(QStringLiteral("https://example.invalid/appointment?code=A1"));
        QVERIFY(!k.f.session->notice().isEmpty());
        k.mode.setVoice(true);
        // The instruction of the screen at once, then the notice on it.
        QTRY_COMPARE(spoken(k.record).size(), 2);
        QCOMPARE(spoken(k.record).at(0), en("Please place your ID card flat on the reader"));
        QCOMPARE(spoken(k.record).at(1), en("This code cannot be used to identify you at this kiosk yet. "
                                            "Please place your ID card on the reader."));
        k.mode.setVoice(false);
        k.f.reader.placeCard(testCard());
        QTRY_COMPARE(k.f.session->screen(), Screen::Catalog);
        QCoreApplication::processEvents();
        QCOMPARE(spoken(k.record).size(), 2);
    }

    void missingEngineDegradesSilentlyWithOneLogLine()
    {
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("^speech unavailable, the kiosk goes on without "
                                                            "voice: engine 'no-such-engine' not installed")));
        Kiosk k(QStringLiteral("no-such-engine"));
        k.mode.setElderly(true);
        walk(k, QStringLiteral("zh_CN"), false);
        QTRY_VERIFY(!k.speech->isAvailable());
        QVERIFY(!QFile::exists(k.record));
        // A second session says nothing either, and logs nothing more (a second line would fail the test).
        k.mode.setElderly(true);
        k.f.session->begin();
        QCoreApplication::processEvents();
    }

    void noneEngineNeverStartsAWorker()
    {
        Kiosk k(QStringLiteral("none"));
        k.mode.setElderly(true);
        k.f.session->begin();
        QVERIFY(!k.speech->isAvailable());
    }
};

QTEST_GUILESS_MAIN(TestSpeechJourney)
#include "tst_speech_journey.moc"
