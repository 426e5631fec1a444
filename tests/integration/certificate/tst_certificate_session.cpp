// The certificate journey in the session (SessionJourneys.cpp, Journey::takesService): on the session fixture
// with the shipped catalog, a resident identified by card who picks a certificate service on the catalog gets
// the certificate journey (not guide and form), already identified; the certificate is issued by a real
// platform-sim and printed on the simulated A4 printer; finished() ends the session and the journey forgets
// the visit. The idle timeout in the middle of the journey wipes it too, and a form service is not taken.
#include "CatalogLoader.h"
#include "CertificateClient.h"
#include "CertificateController.h"
#include "CertificateFixtures.h"
#include "PlatformSimProcess.h"
#include "SessionFixture.h"
#include "SimulatedDocumentPrinter.h"
#include "StrictWarnings.h"

#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

using Screen = SessionController::Screen;
using State = CertificateController::State;

namespace {
const QString kResidence = QStringLiteral("residence-certificate-print");
}

class TestCertificateSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformSimProcess> m_sim;
    Catalog m_catalog;

    // The session fixture with the shipped catalog (the fixture's controllers hold it by reference) and the
    // certificate journey against platform-sim.
    struct Fixture : SessionFixture
    {
        SimulatedDocumentPrinter a4{QStringLiteral("A4")};
        std::unique_ptr<CertificateClient> client;
        std::unique_ptr<CertificateController> certificate;

        Fixture(const Catalog &shipped, const QUrl &platform)
        {
            catalog = shipped;
            network.setProxy(QNetworkProxy::NoProxy);
            SyncSettings sync;
            sync.allowInsecureHttp = true;
            sync.requestTimeoutMs = 3000;
            client = std::make_unique<CertificateClient>(network, sync, platform);
            a4.start();
            certificate = std::make_unique<CertificateController>(
                CertificateController::Settings{site.centerName.zh, site.centerName.en,
                                                sourcePath(QStringLiteral("kiosk-config/documents"))},
                catalog, *client, &a4);
            session->addJourney(certificate.get());
        }
        // A card on the reader, in `language`: the catalog.
        void identified(const QString &language)
        {
            session->begin();
            session->chooseLanguage(language);
            reader.placeCard(testCard());
            QTRY_COMPARE(session->screen(), Screen::Catalog);
        }
    };

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("p.sqlite")));
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        QVERIFY2(CertificateFixtures::seedEligible(m_sim->port(), testCard().idNumber, testCard().name, &error),
                 qPrintable(error));
        const auto catalog = CatalogLoader::load(sourcePath(QStringLiteral("kiosk-config/catalog.json")));
        QVERIFY2(catalog.ok(), qPrintable(catalog.errorText()));
        m_catalog = catalog.value();
    }

    void choosingACertificateServiceStartsTheJourneyForTheCardHolder()
    {
        Fixture f(m_catalog, m_sim->baseUrl());
        QSignalSpy ended(f.session.get(), &SessionController::sessionEnded);
        f.identified(QStringLiteral("zh_CN"));
        f.session->chooseService(kResidence);
        QCOMPARE(f.session->screen(), Screen::Journey);
        QCOMPARE(f.session->journeyScreen(), f.certificate->screenUrl());
        // The card read on the identify screen is handed over: no second identification.
        QCOMPARE(f.certificate->state(), State::ChoosePurpose);
        QCOMPARE(f.certificate->serviceId(), kResidence);
        QCOMPARE(f.certificate->maskedIdNumber(), QStringLiteral("310104********0029"));

        f.certificate->choosePurpose(QStringLiteral("employment"));
        QTRY_COMPARE_WITH_TIMEOUT(f.certificate->state(), State::Printed, 15000);
        QVERIFY(f.certificate->certificateNumber().startsWith(QStringLiteral("JZ-")));
        QVERIFY(f.a4.lastDocument().startsWith("%PDF-"));
        f.certificate->finish();
        QCOMPARE(f.session->screen(), Screen::Attract);
        QCOMPARE(ended.count(), 1);
        QCOMPARE(ended.first().first().toString(), QStringLiteral("finished"));
        QVERIFY(f.certificate->certificateNumber().isEmpty());
        QVERIFY(f.certificate->serviceId().isEmpty());
        QVERIFY(f.certificate->maskedIdNumber().isEmpty());
        QCOMPARE(f.certificate->state(), State::NeedIdentity);
    }

    void theIdleTimeoutWipesTheJourney()
    {
        Fixture f(m_catalog, m_sim->baseUrl());
        f.identified(QStringLiteral("en"));
        f.session->chooseService(kResidence);
        QCOMPARE(f.certificate->state(), State::ChoosePurpose);
        QVERIFY(!f.certificate->maskedName().isEmpty());
        f.advance(60000);
        QVERIFY(f.session->isIdleWarning());
        f.advance(30000);
        QCOMPARE(f.session->screen(), Screen::Attract);
        QCOMPARE(f.certificate->state(), State::NeedIdentity);
        QVERIFY(f.certificate->maskedName().isEmpty());
        QVERIFY(f.certificate->serviceName().isEmpty());
    }

    void aFormServiceIsNotTaken()
    {
        Fixture f(m_catalog, m_sim->baseUrl());
        f.identified(QStringLiteral("zh_CN"));
        f.session->chooseService(QStringLiteral("household-registration-certificate"));
        QCOMPARE(f.session->screen(), Screen::Guide);
        QVERIFY(f.certificate->serviceId().isEmpty());
    }
};

QTEST_MAIN(TestCertificateSession)
#include "tst_certificate_session.moc"
