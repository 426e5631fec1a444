// The progress lookup journey on the session's seam (SessionJourneys.cpp, SessionIdentity.cpp), offline (the
// kiosk's own case store, no platform): the session hands over the resident identified on the journey's
// screen, by a signed personal identity code or by a card, and the journey lists that resident's cases only;
// a receipt's QR code scanned on its screen goes to the journey (not to the identity check); a forged one is
// refused by the journey; the session's end forgets the resident and the answers.
#include "CaseStore.h"
#include "IdentityToken.h"
#include "ProgressClient.h"
#include "ProgressLookupController.h"
#include "SessionFixture.h"
#include "StrictWarnings.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

#include <sodium.h>

using Screen = SessionController::Screen;
using State = ProgressLookupController::State;
using Source = ProgressLookupController::Source;

namespace {

constexpr qint64 kNow = 1796299900; // 2026-12-03T12:11:40Z
const QString kForeignNumber = QStringLiteral("USA310085051511");

// Signs like platform-sim does (seed = SHA-256 of a public text: test keys only), as tst_session_identity.
QString signedCode(const QString &jti)
{
    const QString kid = QStringLiteral("sim-2026a");
    const QByteArray seed = QCryptographicHash::hash(
        "onestop platform-sim identity token test key " + kid.toLatin1(), QCryptographicHash::Sha256);
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(pk, sk, reinterpret_cast<const unsigned char *>(seed.constData()));
    const QJsonObject claims{{QStringLiteral("kid"), kid},
                             {QStringLiteral("jti"), jti},
                             {QStringLiteral("typ"), QStringLiteral("foreign_2017")},
                             {QStringLiteral("sub"), kForeignNumber},
                             {QStringLiteral("name"), QStringLiteral("SMITH, JOHN")},
                             {QStringLiteral("iat"), kNow - 10},
                             {QStringLiteral("exp"), kNow + 110}};
    const QByteArray input =
        "OSK1." + IdentityToken::toBase64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    QByteArray sig(crypto_sign_BYTES, 0);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(sig.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(input.constData()), quint64(input.size()),
                         sk);
    return QString::fromLatin1(input + '.' + IdentityToken::toBase64Url(sig));
}

} // namespace

class TestSessionLookup : public QObject
{
    Q_OBJECT

    // The session fixture with the lookup journey added (offline) and three cases in its store: two of
    // the card's resident, one of the resident of the personal code.
    struct Fixture : SessionFixture
    {
        ProgressClient client{network, site.sync, site.platformUrl};
        std::unique_ptr<ProgressLookupController> lookup;
        CaseSubmission cardCase1, cardCase2, codeCase;

        CaseSubmission addCase(const QString &number, const QString &idNumber, int day)
        {
            CaseSubmission c;
            c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            c.caseNumber = number;
            c.serviceId = QStringLiteral("residence-permit");
            c.centerId = site.centerId;
            c.submittedAt = QDateTime(QDate(2026, 12, day), QTime(9, 0), Qt::UTC);
            c.language = QStringLiteral("en");
            c.form = QJsonObject{{QStringLiteral("id_number"), idNumber}};
            QString error;
            if (!store->submitCase(c, {}, &error))
                qFatal("%s", qPrintable(error));
            return c;
        }

        Fixture()
        {
            ProgressLookupController::Settings s;
            s.trackingUrlTemplate = site.trackingUrlTemplate;
            lookup = std::make_unique<ProgressLookupController>(s, client, *executor);
            lookup->setNetworkAvailable(false);
            session->addJourney(lookup.get());
            session->setWallClock([] { return kNow; });
            cardCase1 = addCase(QStringLiteral("SH-XH-TST-K01-20261201-AAAA-0001"), testCard().idNumber, 1);
            cardCase2 = addCase(QStringLiteral("SH-XH-TST-K01-20261202-AAAA-0001"), testCard().idNumber, 2);
            codeCase = addCase(QStringLiteral("SH-XH-TST-K01-20261202-AAAA-0002"), kForeignNumber, 2);
        }
        ~Fixture() { session->endSession(); }

        QStringList listedNumbers() const
        {
            QStringList numbers;
            for (const QVariant &c : lookup->cases())
                numbers << c.toMap().value(QStringLiteral("caseNumber")).toString();
            return numbers;
        }
        void toLookup()
        {
            session->begin();
            session->chooseLanguage(QStringLiteral("en"));
            QCOMPARE(session->screen(), Screen::Identify);
            QVERIFY(session->offersJourney(QStringLiteral("lookup")));
            session->startJourney(QStringLiteral("lookup"));
            QCOMPARE(session->screen(), Screen::Journey);
            QCOMPARE(session->journeyScreen(), lookup->screenUrl());
            QCOMPARE(lookup->state(), State::Choose);
        }
    };

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        QVERIFY(sodium_init() >= 0);
    }

    void aPersonalCodeOnTheJourneysScreenListsThatResidentsCasesOnly()
    {
        Fixture f;
        f.toLookup();
        f.scanner.scan(signedCode(QStringLiteral("lookup-token-000001")));
        QTRY_VERIFY(f.session->isIdentified());
        QCOMPARE(f.session->screen(), Screen::Journey); // the journey stays on screen
        QTRY_COMPARE(f.lookup->state(), State::CaseList);
        QCOMPARE(f.lookup->source(), Source::LocalCache);
        QCOMPARE(f.listedNumbers(), QStringList{f.codeCase.caseNumber});
        QVERIFY(f.lookup->applicantMasked().contains(QStringLiteral("USA*********511")));
        QVERIFY(!f.lookup->applicantMasked().contains(kForeignNumber));
        QVERIFY(f.lookup->residentKnown());

        // The session's end forgets the resident and the list.
        f.session->endSession();
        QCOMPARE(f.session->screen(), Screen::Attract);
        QCOMPARE(f.lookup->state(), State::Choose);
        QVERIFY(!f.lookup->residentKnown());
        QVERIFY(f.lookup->cases().isEmpty());
        QVERIFY(f.lookup->applicantMasked().isEmpty());
    }

    void aCardOnTheJourneysScreenListsThatResidentsCasesOnly()
    {
        Fixture f;
        f.toLookup();
        f.reader.placeCard(testCard());
        QTRY_VERIFY(f.session->isIdentified());
        QCOMPARE(f.session->screen(), Screen::Journey);
        QTRY_COMPARE(f.lookup->state(), State::CaseList);
        QCOMPARE(f.listedNumbers(), (QStringList{f.cardCase2.caseNumber, f.cardCase1.caseNumber}));
        QVERIFY(!f.listedNumbers().contains(f.codeCase.caseNumber));
        // Another resident's case is not opened from this list.
        f.lookup->openCase(f.codeCase.id);
        QCOMPARE(f.lookup->state(), State::CaseList);
        f.lookup->openCase(f.cardCase1.id);
        QTRY_COMPARE(f.lookup->state(), State::Result);
        QCOMPARE(f.lookup->caseNumber(), f.cardCase1.caseNumber);
        QVERIFY(f.lookup->waitingToBeSent());
    }

    void aResidentIdentifiedBeforeIsHandedOverOnEntering()
    {
        Fixture f;
        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("en"));
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        f.session->startJourney(QStringLiteral("lookup")); // from the catalog
        QCOMPARE(f.session->screen(), Screen::Journey);
        QTRY_COMPARE(f.lookup->state(), State::CaseList);
        QCOMPARE(f.listedNumbers(), (QStringList{f.cardCase2.caseNumber, f.cardCase1.caseNumber}));
    }

    void aReceiptsQrCodeGoesToTheJourneyAndAForgedOneIsRefused()
    {
        Fixture f;
        f.toLookup();
        f.scanner.scan(
            QString(f.site.trackingUrlTemplate).replace(QStringLiteral("{case_id}"), f.codeCase.id));
        QTRY_COMPARE(f.lookup->state(), State::Result);
        QVERIFY(!f.session->isIdentified()); // a receipt is not an identity
        QCOMPARE(f.lookup->caseNumber(), f.codeCase.caseNumber);
        QVERIFY(f.lookup->applicantMasked().isEmpty());
        QVERIFY(f.session->notice().isEmpty());
        f.lookup->back();

        f.scanner.scan(QStringLiteral("https://example.invalid/track?case=") + f.codeCase.id +
                       QStringLiteral("&next=https://evil.example"));
        QTRY_COMPARE(f.lookup->state(), State::Refused);
        QVERIFY(f.lookup->caseNumber().isEmpty());
        QVERIFY(!f.session->isIdentified());
    }
};

QTEST_MAIN(TestSessionLookup)
#include "tst_session_lookup.moc"
