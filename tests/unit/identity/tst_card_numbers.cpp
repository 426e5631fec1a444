#include "IdNumber.h"
#include "StrictWarnings.h"

#include <QTest>

using Problem = IdNumberCheck::Problem;

// The four card types' numbers. Every vector below is fictional; check characters were computed by hand
// (GB 11643 MOD 11-2 for the 18-character kinds, ICAO 9303 7-3-1 for the 2017 foreigner card).
class TestCardNumbers : public QObject
{
    Q_OBJECT

    const QDate m_today{2026, 12, 1};

private slots:
    void initTestCase() { installStrictWarnings(); }

    void kinds_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<int>("kind");
        QTest::newRow("resident") << QStringLiteral("310104194803120025") << int(IdNumberKind::ResidentId);
        QTest::newRow("hong kong") << QStringLiteral("810000199001010019") << int(IdNumberKind::HkMoTwPermit);
        QTest::newRow("macao") << QStringLiteral("820000199506080022") << int(IdNumberKind::HkMoTwPermit);
        QTest::newRow("taiwan") << QStringLiteral("830000198702140042") << int(IdNumberKind::HkMoTwPermit);
        QTest::newRow("foreign 2017") << QStringLiteral("USA310085051511") << int(IdNumberKind::Foreign2017);
        QTest::newRow("foreign 2023")
            << QStringLiteral("931840199007120027") << int(IdNumberKind::Foreign2023);
        QTest::newRow("15 digits") << QStringLiteral("310104480312002") << int(IdNumberKind::Unknown);
        QTest::newRow("empty") << QString() << int(IdNumberKind::Unknown);
    }
    void kinds()
    {
        QFETCH(QString, number);
        QFETCH(int, kind);
        QCOMPARE(int(IdNumber::kindOf(number)), kind);
    }

    void validNumbersOfEveryKind_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QDate>("birth");
        QTest::newRow("resident") << QStringLiteral("310104194803120025") << QDate(1948, 3, 12);
        QTest::newRow("taiwan") << QStringLiteral("830000198702140042") << QDate(1987, 2, 14);
        QTest::newRow("foreign 2017 USA") << QStringLiteral("USA310085051511") << QDate(1985, 5, 15);
        QTest::newRow("foreign 2017 GBR") << QStringLiteral("GBR310092100824") << QDate(1992, 10, 8);
        QTest::newRow("foreign 2017 JPN, 2-digit year 98")
            << QStringLiteral("JPN310098113016") << QDate(1998, 11, 30);
        QTest::newRow("foreign 2023") << QStringLiteral("931840199007120027") << QDate(1990, 7, 12);
    }
    void validNumbersOfEveryKind()
    {
        QFETCH(QString, number);
        QFETCH(QDate, birth);
        const IdNumberCheck result = IdNumber::checkAny(number, m_today);
        QVERIFY2(result.isValid(), qPrintable(result.message()));
        QCOMPARE(result.normalized, number);
        QCOMPARE(IdNumber::birthDate(number, m_today), birth);
    }

    void foreign2017CheckDigitIsIcao9303()
    {
        // USA = 30 28 10: 30*7 + 28*3 + 10*1 + 3*7 + 1*3 + 0 + 0*7 + 8*3 + 5 + 0*7 + 5*3 + 1 + 5*7 + 1*3 =
        // 411
        QCOMPARE(IdNumber::foreign2017CheckDigit(QStringLiteral("USA31008505151")), QLatin1Char('1'));
        QCOMPARE(IdNumber::foreign2017CheckDigit(QStringLiteral("CAN31007003030")), QLatin1Char('2'));
        QVERIFY(IdNumber::foreign2017CheckDigit(QStringLiteral("USA3100850515")).isNull()); // 13
        QVERIFY(
            IdNumber::foreign2017CheckDigit(QStringLiteral("US131008505151")).isNull()); // digit in letters
    }

    void lowerCaseNationalityIsNormalised()
    {
        const IdNumberCheck result = IdNumber::checkAny(QStringLiteral("usa310085051511"), m_today);
        QVERIFY2(result.isValid(), qPrintable(result.message()));
        QCOMPARE(result.normalized, QStringLiteral("USA310085051511"));
    }

    void foreign2017Failures_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("message");
        QTest::newRow("14") << QStringLiteral("USA31008505151") << int(Problem::WrongLength)
                            << QStringLiteral("wrong length: 14 characters, expected 18");
        QTest::newRow("digit among the letters")
            << QStringLiteral("U5A310085051511") << int(Problem::BadCharacter)
            << QStringLiteral("bad character at position 2: expected a letter A-Z");
        QTest::newRow("letter among the digits")
            << QStringLiteral("USA3100850515A1") << int(Problem::BadCharacter)
            << QStringLiteral("bad character at position 14: expected a digit");
        QTest::newRow("place 0") << QStringLiteral("USA010085051519") << int(Problem::BadRegion)
                                 << QStringLiteral("bad acceptance place code: must not start with 0");
        QTest::newRow("13th month") << QStringLiteral("USA310085131511") << int(Problem::BadBirthDate)
                                    << QStringLiteral(
                                           "bad birth date: not a real date between 1900-01-01 and today");
        QTest::newRow("check") << QStringLiteral("USA310085051512") << int(Problem::BadCheckCharacter)
                               << QStringLiteral("bad check character: found 2, expected 1");
        QTest::newRow("one digit changed")
            << QStringLiteral("USA310085061511") << int(Problem::BadCheckCharacter)
            << QStringLiteral("bad check character: found 1, expected 4");
    }
    void foreign2017Failures()
    {
        QFETCH(QString, number);
        QFETCH(int, problem);
        QFETCH(QString, message);
        const IdNumberCheck result = IdNumber::checkAny(number, m_today);
        QCOMPARE(int(result.problem), problem);
        QCOMPARE(result.message(), message);
        QVERIFY(!result.message().contains(QLatin1String("310085")));
        QVERIFY(result.normalized.isEmpty());
    }

    void foreign2023UsesGb11643()
    {
        QCOMPARE(int(IdNumber::checkAny(QStringLiteral("931840199007120028"), m_today).problem),
                 int(Problem::BadCheckCharacter));
        QCOMPARE(int(IdNumber::checkAny(QStringLiteral("931840199013120027"), m_today).problem),
                 int(Problem::BadBirthDate));
        QCOMPARE(IdNumber::sex(QStringLiteral("931840199007120027")), IdNumber::Sex::Female);
    }

    void maskingByKind_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("masked");
        QTest::newRow("resident") << QStringLiteral("310104194803120025")
                                  << QStringLiteral("310104********0025");
        QTest::newRow("taiwan") << QStringLiteral("830000198702140042")
                                << QStringLiteral("830000********0042");
        QTest::newRow("foreign 2023")
            << QStringLiteral("931840199007120027") << QStringLiteral("931840********0027");
        // Neither the acceptance place nor the birth date shows.
        QTest::newRow("foreign 2017")
            << QStringLiteral("USA310085051511") << QStringLiteral("USA*********511");
    }
    void maskingByKind()
    {
        QFETCH(QString, number);
        QFETCH(QString, masked);
        QCOMPARE(IdNumber::mask(number), masked);
        QCOMPARE(IdNumber::mask(number).size(), number.size());
    }
};

QTEST_GUILESS_MAIN(TestCardNumbers)
#include "tst_card_numbers.moc"
