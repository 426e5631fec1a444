#include "IdentityCodeCheck.h"
#include "IdentityToken.h"
#include "SessionFixture.h"
#include "StrictWarnings.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <sodium.h>

using Screen = SessionController::Screen;

namespace {

constexpr qint64 kNow = 1796299900; // 2026-12-03T12:11:40Z

// Signs like platform-sim does (seed = SHA-256 of a public text: test keys only).
QString signedCode(const QString &kid, const QJsonObject &claims)
{
    const QByteArray seed = QCryptographicHash::hash(
        "onestop platform-sim identity token test key " + kid.toLatin1(), QCryptographicHash::Sha256);
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(pk, sk, reinterpret_cast<const unsigned char *>(seed.constData()));
    const QByteArray input =
        "OSK1." + IdentityToken::toBase64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    QByteArray sig(crypto_sign_BYTES, 0);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(sig.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(input.constData()), quint64(input.size()),
                         sk);
    return QString::fromLatin1(input + '.' + IdentityToken::toBase64Url(sig));
}

QJsonObject claims(const QString &jti = QStringLiteral("session-token-000001"), qint64 iat = kNow - 10,
                   qint64 exp = kNow + 110, const QString &kid = QStringLiteral("sim-2026a"))
{
    return {{QStringLiteral("kid"), kid},
            {QStringLiteral("jti"), jti},
            {QStringLiteral("typ"), QStringLiteral("foreign_2017")},
            {QStringLiteral("sub"), QStringLiteral("USA310085051511")},
            {QStringLiteral("name"), QStringLiteral("SMITH, JOHN")},
            {QStringLiteral("iat"), iat},
            {QStringLiteral("exp"), exp}};
}

IdCardData secondCard()
{
    IdCardData c = testCard();
    c.name = QStringLiteral("李建国");
    c.sex = IdCardData::Sex::Male;
    c.birth = QDate(1976, 4, 20);
    c.idNumber = QStringLiteral("310110197604203013");
    return c;
}

} // namespace

// Identity paths besides a card's first read: personal identity codes, the card taken away mid-session and
// a second card placed mid-session.
class TestSessionIdentity : public QObject
{
    Q_OBJECT

    static void toIdentify(SessionFixture &f)
    {
        f.session->setWallClock([] { return kNow; });
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("en"));
        QCOMPARE(f.session->screen(), Screen::Identify);
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(sodium_init() >= 0);
    }

    void validPersonalCodeIdentifiesOnce()
    {
        SessionFixture f;
        toIdentify(f);
        const QString code = signedCode(QStringLiteral("sim-2026a"), claims());
        f.scanner.scan(code);
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        QVERIFY(f.session->isIdentified());
        QCOMPARE(f.session->card().idNumber, QStringLiteral("USA310085051511"));
        QCOMPARE(f.session->card().cardType, IdCardData::CardType::Foreign2017);
        QCOMPARE(f.session->card().birth, QDate(1985, 5, 15));
        QCOMPARE(f.session->residentIdMasked(), QStringLiteral("USA*********511"));
        f.session->endSession();

        // The same code shown again by someone else, in a new session: refused as used.
        toIdentify(f);
        QTest::ignoreMessage(QtWarningMsg, "identity code refused: replayed (token id already used)");
        f.scanner.scan(code);
        QTRY_VERIFY(!f.session->notice().isEmpty());
        QCOMPARE(f.session->notice(), IdentityCodeCheck::noticeFor(IdentityTokenVerifier::Problem::Replayed));
        QVERIFY(!f.session->isIdentified());
    }

    void everyRefusedCodeHasItsOwnNoticeAndALogLineWithoutPersonalData()
    {
        struct Case
        {
            QString code;
            IdentityTokenVerifier::Problem problem;
            const char *log;
        };
        const QString good = signedCode(QStringLiteral("sim-2026a"), claims());
        const QStringList parts = good.split(QLatin1Char('.'));
        const QList<Case> cases = {
            {signedCode(QStringLiteral("sim-2026a"),
                        claims(QStringLiteral("session-token-000002"), kNow - 200, kNow - 100)),
             IdentityTokenVerifier::Problem::Expired,
             "^identity code refused: expired \\(expired 100 s ago\\)$"},
            {signedCode(QStringLiteral("sim-2026a"),
                        claims(QStringLiteral("session-token-000003"), kNow + 600, kNow + 700)),
             IdentityTokenVerifier::Problem::NotYetValid, "^identity code refused: not_yet_valid"},
            {signedCode(QStringLiteral("rogue"), claims(QStringLiteral("session-token-000004"), kNow,
                                                        kNow + 60, QStringLiteral("rogue"))),
             IdentityTokenVerifier::Problem::UnknownKey,
             "^identity code refused: unknown_key \\(kid rogue is not configured\\)$"},
            {signedCode(QStringLiteral("rogue"), claims(QStringLiteral("session-token-000005"))),
             IdentityTokenVerifier::Problem::BadSignature, "^identity code refused: bad_signature"},
            {parts.at(0) + QLatin1Char('.') + parts.at(1) + QStringLiteral(".not*base64"),
             IdentityTokenVerifier::Problem::Malformed,
             "^identity code refused: malformed \\(signature: not base64url\\)$"},
        };
        QSet<QString> notices;
        for (const Case &c : cases) {
            SessionFixture f;
            toIdentify(f);
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QString::fromLatin1(c.log)));
            f.scanner.scan(c.code);
            QTRY_VERIFY(!f.session->notice().isEmpty());
            QCOMPARE(f.session->notice(), IdentityCodeCheck::noticeFor(c.problem));
            QCOMPARE(f.session->screen(), Screen::Identify);
            QVERIFY(!f.session->isIdentified());
            notices.insert(f.session->notice());
        }
        QCOMPARE(notices.size(), cases.size()); // each kind its own words
    }

    void appointmentCodesKeepTodaysHandling()
    {
        SessionFixture f;
        toIdentify(f);
        f.scanner.scan(QStringLiteral("https://zwdt.sh.gov.cn/appointment?code=A20261128-0815"));
        QTRY_VERIFY(f.session->notice().contains(QLatin1String("cannot be used to identify you")));
        QVERIFY(!f.session->isIdentified());
    }

    void removedCardAsksAndEndsTheSessionWithoutAnAnswer()
    {
        SessionFixture f;
        QSignalSpy ended(f.session.get(), &SessionController::sessionEnded);
        toIdentify(f);
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        f.reader.removeCard();
        QTRY_COMPARE(f.session->prompt(), QStringLiteral("card_removed"));
        QCOMPARE(f.session->promptSecondsLeft(), 30);
        f.advance(29 * 1000);
        QCOMPARE(f.session->screen(), Screen::Catalog);
        QCOMPARE(f.session->promptSecondsLeft(), 1);
        f.advance(1000);
        QCOMPARE(f.session->screen(), Screen::Attract);
        QVERIFY(!f.session->isIdentified());
        QCOMPARE(f.session->prompt(), QString());
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(0).toString(), QStringLiteral("card_removed"));
    }

    void removedCardAnsweredGoesOnOrPuttingItBackAnswers()
    {
        SessionFixture f;
        toIdentify(f);
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        f.reader.removeCard();
        QTRY_COMPARE(f.session->prompt(), QStringLiteral("card_removed"));
        f.reader.placeCard(testCard()); // the same card back
        QTRY_COMPARE(f.session->prompt(), QString());
        f.reader.removeCard();
        QTRY_COMPARE(f.session->prompt(), QStringLiteral("card_removed"));
        f.session->continueSession();
        QCOMPARE(f.session->prompt(), QString());
        f.advance(40 * 1000);
        QCOMPARE(f.session->screen(), Screen::Catalog); // the prompt's timer is gone
        QVERIFY(f.session->isIdentified());
    }

    // A reader that goes away mid-session no longer sees the card, but nobody took it: no question, the
    // session goes on, and once the reader is back the card it sees again is the same resident's.
    void unpluggedReaderMidSessionAsksNothing()
    {
        SessionFixture f;
        QSignalSpy ended(f.session.get(), &SessionController::sessionEnded);
        toIdentify(f);
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        f.reader.setPlugged(false);
        QCOMPARE(f.reader.status(), Device::Status::Unavailable);
        QTest::qWait(50);
        QCOMPARE(f.session->prompt(), QString());
        f.advance(40 * 1000);
        QCOMPARE(f.session->screen(), Screen::Catalog);
        QVERIFY(f.session->isIdentified());
        QCOMPARE(ended.size(), 0);
        f.reader.setPlugged(true);
        QTest::qWait(SimulatedIdCardReader::defaultReadDelayMs + 100);
        QCOMPARE(f.session->prompt(), QString());
        QCOMPARE(f.session->card().idNumber, testCard().idNumber);
        // Taking the card away with a working reader still asks.
        f.reader.removeCard();
        QTRY_COMPARE(f.session->prompt(), QStringLiteral("card_removed"));
    }

    void removingTheCardAfterTheReceiptAsksNothing()
    {
        SessionFixture f;
        toIdentify(f);
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        f.session->chooseService(QStringLiteral("social-security-card"));
        f.session->startForm();
        f.form.setValue(QStringLiteral("phone"), QStringLiteral("13812345678"));
        f.form.setValue(QStringLiteral("reason"), QStringLiteral("lost"));
        f.session->toReview();
        QVERIFY(f.submitAndSettle(true));
        QCOMPARE(f.session->screen(), Screen::Receipt);
        f.reader.removeCard();
        QTest::qWait(50);
        QCOMPARE(f.session->prompt(), QString());
    }

    void secondCardOnTheLanguageScreenAsksBeforeReplacing()
    {
        SessionFixture f;
        f.reader.placeCard(testCard()); // on the attract screen: starts the session
        QTRY_COMPARE(f.session->screen(), Screen::Language);
        f.reader.removeCard();
        QTRY_COMPARE(f.session->prompt(), QStringLiteral("card_removed"));
        f.reader.placeCard(secondCard());
        QTRY_COMPARE(f.session->prompt(), QStringLiteral("second_card"));
        QCOMPARE(f.session->card().idNumber, testCard().idNumber); // nothing replaced yet
        QCOMPARE(f.session->residentNameMasked(), QStringLiteral("王**"));

        f.session->keepFirstCard();
        QCOMPARE(f.session->prompt(), QString());
        QCOMPARE(f.session->card().idNumber, testCard().idNumber);
        QCOMPARE(f.session->screen(), Screen::Language);
    }

    void secondCardMidJourneyCanStartANewSession()
    {
        SessionFixture f;
        QSignalSpy ended(f.session.get(), &SessionController::sessionEnded);
        toIdentify(f);
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        f.session->chooseService(QStringLiteral("social-security-card"));
        f.session->startForm();
        f.form.setValue(QStringLiteral("phone"), QStringLiteral("13812345678"));
        f.reader.placeCard(secondCard());
        QTRY_COMPARE(f.session->prompt(), QStringLiteral("second_card"));
        QCOMPARE(f.session->screen(), Screen::Form);
        QCOMPARE(f.form.values().value(QStringLiteral("phone")).toString(), QStringLiteral("13812345678"));

        f.session->switchToNewCard();
        QCOMPARE(ended.size(), 1);
        QCOMPARE(f.session->prompt(), QString());
        QCOMPARE(f.session->screen(), Screen::Language);
        QCOMPARE(f.session->card().idNumber, secondCard().idNumber);
        QVERIFY(f.form.values().value(QStringLiteral("phone")).toString().isEmpty()); // the first one's data
                                                                                      // is gone
    }
};

QTEST_MAIN(TestSessionIdentity)
#include "tst_session_identity.moc"
