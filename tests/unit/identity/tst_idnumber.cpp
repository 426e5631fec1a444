#include "IdNumber.h"
#include "StrictWarnings.h"

#include <QTest>

using Problem = IdNumberCheck::Problem;

// Valid numbers, their check characters computed by hand from the GB 11643 weights (and, for the first, the
// example printed in the standard).
static const char *const kValid[] = {
    "11010519491231002X", // GB 11643-1999 example
    "310104194803120025", "310110197604203013", "310105199203050042",
    "31010419880228021X", "310115200109110051", "810000199001010019", // the last: a Hong Kong permit
};

class TestIdNumber : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installStrictWarnings(); }

    void validNumbers()
    {
        for (const char *number : kValid) {
            const IdNumberCheck result = IdNumber::check(QString::fromLatin1(number), QDate(2024, 11, 1));
            QVERIFY2(result.isValid(),
                     qPrintable(QString::fromLatin1(number) + QLatin1String(": ") + result.message()));
            QCOMPARE(result.normalized, QString::fromLatin1(number));
        }
    }

    void checkCharacter()
    {
        QCOMPARE(IdNumber::checkCharacter(QStringLiteral("11010519491231002")), QLatin1Char('X'));
        QCOMPARE(IdNumber::checkCharacter(QStringLiteral("31010419480312002")), QLatin1Char('5'));
        QCOMPARE(IdNumber::checkCharacter(QStringLiteral("31011019760420301")), QLatin1Char('3'));
        QCOMPARE(IdNumber::checkCharacter(QStringLiteral("81000019900101001")), QLatin1Char('9'));
        QVERIFY(IdNumber::checkCharacter(QStringLiteral("3101041948031200")).isNull());  // 16 digits
        QVERIFY(IdNumber::checkCharacter(QStringLiteral("3101041948031200A")).isNull()); // not a digit
    }

    void lowercaseXIsAcceptedAndNormalised()
    {
        const IdNumberCheck result = IdNumber::check(QStringLiteral("31010419880228021x"));
        QVERIFY(result.isValid());
        QCOMPARE(result.normalized, QStringLiteral("31010419880228021X"));
        QCOMPARE(IdNumber::normalized(QStringLiteral("31010419880228021x")),
                 QStringLiteral("31010419880228021X"));
        QCOMPARE(IdNumber::sex(QStringLiteral("31010419880228021x")), IdNumber::Sex::Male);
    }

    void failureReasons_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QString() << int(Problem::WrongLength)
                               << QStringLiteral("wrong length: 0 characters, expected 18");
        QTest::newRow("17") << QStringLiteral("31010419480312002") << int(Problem::WrongLength)
                            << QStringLiteral("wrong length: 17 characters, expected 18");
        QTest::newRow("19") << QStringLiteral("3101041948031200251") << int(Problem::WrongLength)
                            << QStringLiteral("wrong length: 19 characters, expected 18");
        QTest::newRow("letter") << QStringLiteral("3101A4194803120025") << int(Problem::BadCharacter)
                                << QStringLiteral("bad character at position 5: expected a digit");
        QTest::newRow("X inside") << QStringLiteral("31010419480312X025") << int(Problem::BadCharacter)
                                  << QStringLiteral("bad character at position 15: expected a digit");
        QTest::newRow("space") << QStringLiteral("31010419480312002 ") << int(Problem::BadCharacter)
                               << QStringLiteral("bad character at position 18: expected a digit or X");
        QTest::newRow("last Y") << QStringLiteral("31010419880228021Y") << int(Problem::BadCharacter)
                                << QStringLiteral("bad character at position 18: expected a digit or X");
        QTest::newRow("fullwidth digit")
            << QStringLiteral("３10104194803120025") << int(Problem::BadCharacter)
            << QStringLiteral("bad character at position 1: expected a digit");
        QTest::newRow("region 0") << QStringLiteral("010104194803120029") << int(Problem::BadRegion)
                                  << QStringLiteral("bad region code: must not start with 0");
        QTest::newRow("feb 30") << QStringLiteral("310104194802300021") << int(Problem::BadBirthDate)
                                << QStringLiteral(
                                       "bad birth date: not a real date between 1900-01-01 and today");
        QTest::newRow("month 13") << QStringLiteral("310104194813010021") << int(Problem::BadBirthDate)
                                  << QStringLiteral(
                                         "bad birth date: not a real date between 1900-01-01 and today");
        QTest::newRow("1899") << QStringLiteral("310104189912310021") << int(Problem::BadBirthDate)
                              << QStringLiteral(
                                     "bad birth date: not a real date between 1900-01-01 and today");
        QTest::newRow("future") << QStringLiteral("310104202411020021") << int(Problem::BadBirthDate)
                                << QStringLiteral(
                                       "bad birth date: not a real date between 1900-01-01 and today");
        QTest::newRow("check") << QStringLiteral("310104194803120026") << int(Problem::BadCheckCharacter)
                               << QStringLiteral("bad check character: found 6, expected 5");
        QTest::newRow("check X expected")
            << QStringLiteral("110105194912310021") << int(Problem::BadCheckCharacter)
            << QStringLiteral("bad check character: found 1, expected X");
        QTest::newRow("check X found")
            << QStringLiteral("31010419480312002X") << int(Problem::BadCheckCharacter)
            << QStringLiteral("bad check character: found X, expected 5");
    }

    void failureReasons()
    {
        QFETCH(QString, number);
        QFETCH(int, problem);
        QFETCH(QString, message);
        const IdNumberCheck result = IdNumber::check(number, QDate(2024, 11, 1));
        QCOMPARE(int(result.problem), problem);
        QVERIFY(!result.isValid());
        QVERIFY(result.normalized.isEmpty());
        QCOMPARE(result.message(), message);
        QVERIFY(!IdNumber::isValid(number, QDate(2024, 11, 1)));
        if (number.size() >= 17) // the message may be logged: it must not repeat the number
            QVERIFY(!result.message().contains(number.left(6)));
    }

    void badCheckCharacterDetails()
    {
        const IdNumberCheck result = IdNumber::check(QStringLiteral("310104194803120026"));
        QCOMPARE(result.expectedCheck, QLatin1Char('5'));
        QCOMPARE(result.actualCheck, QLatin1Char('6'));
        const IdNumberCheck position = IdNumber::check(QStringLiteral("3101A4194803120025"));
        QCOMPARE(position.position, 4);
    }

    void boundaryDatesAreValid()
    {
        const QString bornToday = QStringLiteral("31010420241102002");
        QVERIFY(IdNumber::isValid(bornToday + IdNumber::checkCharacter(bornToday), QDate(2024, 11, 2)));
        QVERIFY(!IdNumber::isValid(bornToday + IdNumber::checkCharacter(bornToday), QDate(2024, 11, 1)));
        const QString firstDay = QStringLiteral("31010419000101002");
        QVERIFY(IdNumber::isValid(firstDay + IdNumber::checkCharacter(firstDay)));
    }

    void hongKongMacaoTaiwanPermits()
    {
        QVERIFY(IdNumber::isHkMoTwPermit(QStringLiteral("810000199001010019")));
        QVERIFY(IdNumber::isHkMoTwPermit(QStringLiteral("820000")));
        QVERIFY(IdNumber::isHkMoTwPermit(QStringLiteral("830000")));
        QVERIFY(!IdNumber::isHkMoTwPermit(QStringLiteral("310104194803120025")));
        QVERIFY(!IdNumber::isHkMoTwPermit(QStringLiteral("810001199001010019")));
        const QString macao = QStringLiteral("82000019851123004") +
                              IdNumber::checkCharacter(QStringLiteral("82000019851123004"));
        QVERIFY(IdNumber::isValid(macao));
        QCOMPARE(IdNumber::sex(macao), IdNumber::Sex::Female);
        QCOMPARE(IdNumber::check(QStringLiteral("810000199001010018")).problem, Problem::BadCheckCharacter);
    }

    void sexAndBirthDate()
    {
        QCOMPARE(IdNumber::sex(QStringLiteral("310104194803120025")), IdNumber::Sex::Female);  // 002: even
        QCOMPARE(IdNumber::sex(QStringLiteral("310110197604203013")), IdNumber::Sex::Male);    // 301: odd
        QCOMPARE(IdNumber::sex(QStringLiteral("31010419880228021X")), IdNumber::Sex::Male);    // 021: odd
        QCOMPARE(IdNumber::sex(QStringLiteral("310104194803120026")), IdNumber::Sex::Unknown); // invalid
        QCOMPARE(IdNumber::birthDate(QStringLiteral("310104194803120025")), QDate(1948, 3, 12));
        QCOMPARE(IdNumber::birthDate(QStringLiteral("11010519491231002X")), QDate(1949, 12, 31));
        QVERIFY(!IdNumber::birthDate(QStringLiteral("310104194803120026")).isValid());
    }

    void mask_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("masked");
        QTest::newRow("id 18") << QStringLiteral("310104194803120025")
                               << QStringLiteral("310104********0025");
        QTest::newRow("id X") << QStringLiteral("31010419880228021X") << QStringLiteral("310104********021X");
        QTest::newRow("11") << QStringLiteral("12345678901") << QStringLiteral("123456*8901");
        QTest::newRow("10") << QStringLiteral("1234567890") << QStringLiteral("********90");
        QTest::newRow("5") << QStringLiteral("12345") << QStringLiteral("***45");
        QTest::newRow("4") << QStringLiteral("1234") << QStringLiteral("****");
        QTest::newRow("1") << QStringLiteral("1") << QStringLiteral("*");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("surrogates") << QStringLiteral("𠀀𠀁𠀂𠀃𠀄") << QStringLiteral("***𠀃𠀄");
    }

    void mask()
    {
        QFETCH(QString, text);
        QFETCH(QString, masked);
        QCOMPARE(IdNumber::mask(text), masked);
    }

    void maskName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("masked");
        QTest::newRow("three") << QStringLiteral("王秀英") << QStringLiteral("王**");
        QTest::newRow("two") << QStringLiteral("赵磊") << QStringLiteral("赵*");
        QTest::newRow("compound surname") << QStringLiteral("欧阳娜娜") << QStringLiteral("欧***");
        QTest::newRow("one") << QStringLiteral("张") << QStringLiteral("*");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("latin") << QStringLiteral("Anna Lee") << QStringLiteral("A*******");
        QTest::newRow("rare character first") << QStringLiteral("𠈌明") << QStringLiteral("𠈌*");
    }

    void maskName()
    {
        QFETCH(QString, name);
        QFETCH(QString, masked);
        QCOMPARE(IdNumber::maskName(name), masked);
    }

    void maskPhone_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("masked");
        QTest::newRow("mobile") << QStringLiteral("13812345678") << QStringLiteral("138****5678");
        QTest::newRow("landline") << QStringLiteral("021-64871234") << QStringLiteral("021*****1234");
        QTest::newRow("8") << QStringLiteral("64871234") << QStringLiteral("648*1234");
        QTest::newRow("7") << QStringLiteral("6487123") << QStringLiteral("*****23");
        QTest::newRow("empty") << QString() << QString();
    }

    void maskPhone()
    {
        QFETCH(QString, phone);
        QFETCH(QString, masked);
        QCOMPARE(IdNumber::maskPhone(phone), masked);
    }
};

QTEST_GUILESS_MAIN(TestIdNumber)
#include "tst_idnumber.moc"
