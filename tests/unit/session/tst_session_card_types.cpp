#include "SessionFixture.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTest>

using Screen = SessionController::Screen;

// Every card type a SAM reader returns goes through the whole journey (identify, form with the number
// prefilled and validated, review, commit, receipt), masked by its own rules; a number that does not fit the
// card type it came on is refused. All cards are fictional.
class TestSessionCardTypes : public QObject
{
    Q_OBJECT

    static IdCardData card(IdCardData::CardType type, const char *number, const char *name)
    {
        IdCardData c = testCard();
        c.cardType = type;
        c.idNumber = QString::fromLatin1(number);
        c.name = QString::fromUtf8(name);
        if (type == IdCardData::CardType::Foreign2017 || type == IdCardData::CardType::Foreign2023) {
            c.ethnicity.clear();
            c.englishName = QStringLiteral("SMITH, JANE");
            c.nationality = QStringLiteral("USA");
        }
        return c;
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void everyCardTypeCompletesTheJourney_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("masked");
        QTest::newRow("resident") << int(IdCardData::CardType::Resident)
                                  << QStringLiteral("310104194803010029")
                                  << QStringLiteral("310104********0029");
        QTest::newRow("taiwan permit")
            << int(IdCardData::CardType::HkMoTwPermit) << QStringLiteral("830000198702140042")
            << QStringLiteral("830000********0042");
        QTest::newRow("foreign 2017")
            << int(IdCardData::CardType::Foreign2017) << QStringLiteral("USA310085051511")
            << QStringLiteral("USA*********511");
        QTest::newRow("foreign 2023")
            << int(IdCardData::CardType::Foreign2023) << QStringLiteral("931840199007120027")
            << QStringLiteral("931840********0027");
    }
    void everyCardTypeCompletesTheJourney()
    {
        QFETCH(int, type);
        QFETCH(QString, number);
        QFETCH(QString, masked);
        SessionFixture f;
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("en"));
        f.reader.placeCard(card(IdCardData::CardType(type), qPrintable(number), "史密斯"));
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        QVERIFY(f.session->isIdentified());
        QCOMPARE(f.session->residentIdMasked(), masked);

        f.session->chooseService(QStringLiteral("social-security-card"));
        f.session->startForm();
        QCOMPARE(f.session->screen(), Screen::Form);
        f.form.setValue(QStringLiteral("phone"), QStringLiteral("13812345678"));
        f.form.setValue(QStringLiteral("reason"), QStringLiteral("lost"));
        f.session->toReview();
        QCOMPARE(f.session->notice(), QString()); // the prefilled number passed the form's check
        QCOMPARE(f.session->screen(), Screen::Review);
        QVERIFY(f.submitAndSettle(true));
        QCOMPARE(f.session->screen(), Screen::Receipt);
        const auto stored = f.store->findCase(f.submission->caseId());
        QVERIFY(stored.has_value());
        QCOMPARE(stored->form.value(QStringLiteral("id_number")).toString(), number);
        f.session->endSession();
        QVERIFY(!f.session->isIdentified());
    }

    void numberOfAnotherCardTypeIsRefused_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("number");
        QTest::newRow("resident card, permit number")
            << int(IdCardData::CardType::Resident) << QStringLiteral("830000198702140042");
        QTest::newRow("permit, resident number")
            << int(IdCardData::CardType::HkMoTwPermit) << QStringLiteral("310104194803010029");
        QTest::newRow("2023 card, resident number")
            << int(IdCardData::CardType::Foreign2023) << QStringLiteral("310104194803010029");
        QTest::newRow("2017 card, 2023 number")
            << int(IdCardData::CardType::Foreign2017) << QStringLiteral("931840199007120027");
        QTest::newRow("2017 card, bad check digit")
            << int(IdCardData::CardType::Foreign2017) << QStringLiteral("USA310085051512");
        QTest::newRow("resident card, 2017 number")
            << int(IdCardData::CardType::Resident) << QStringLiteral("USA310085051511");
    }
    void numberOfAnotherCardTypeIsRefused()
    {
        QFETCH(int, type);
        QFETCH(QString, number);
        SessionFixture f;
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("zh_CN"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^card rejected: [a-z_0-9]+ [a-z]")));
        f.reader.placeCard(card(IdCardData::CardType(type), qPrintable(number), "史密斯"));
        QTRY_VERIFY(!f.session->notice().isEmpty());
        QCOMPARE(f.session->screen(), Screen::Identify);
        QVERIFY(!f.session->isIdentified());
    }
};

QTEST_MAIN(TestSessionCardTypes)
#include "tst_session_card_types.moc"
