// A visit with e-licences, from the card to the platform: a service that accepts property certificates gets
// the materials screen (without a camera), the identified resident's licences come from a real platform-sim,
// the one picked is what the stored case references (with its holder), platform-sim stores exactly that
// body, and the session's end forgets the licences.
#include "LicenceClient.h"
#include "LicenceController.h"
#include "MaterialsController.h"
#include "PlatformSimProcess.h"
#include "RawHttpClient.h"
#include "SessionFixture.h"
#include "StrictWarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QTest>

using Screen = SessionController::Screen;

class TestLicencesSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformSimProcess> m_sim;

    bool addLicence(const QString &id, const QString &holder)
    {
        const QJsonObject body{{QStringLiteral("licence_id"), id},
                               {QStringLiteral("id_type"), QStringLiteral("resident")},
                               {QStringLiteral("id_number"), holder},
                               {QStringLiteral("type"), QStringLiteral("property_certificate")},
                               {QStringLiteral("name"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("不动产权证书")},
                                                                    {QStringLiteral("en"), QStringLiteral("Property certificate")}}},
                               {QStringLiteral("issuer"), QStringLiteral("上海市不动产登记局")},
                               {QStringLiteral("number_masked"), QStringLiteral("沪(2019)第****321号")}};
        const auto r = rawExchange(m_sim->port(), RawHttpClient::request("POST", "/test/licence", {{"Content-Type", "application/json"}},
                                                                         QJsonDocument(body).toJson(QJsonDocument::Compact)));
        return r && r->status == 200;
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("p.sqlite")));
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        QVERIFY(addLicence(QStringLiteral("S-PROP-001"), testCard().idNumber));
        QVERIFY(addLicence(QStringLiteral("X-PROP-009"), QStringLiteral("310104198505052345")));
    }

    void thePickedLicenceTravelsWithTheCase()
    {
        SessionFixture f;
        for (ServiceSpec &s : f.catalog.services)
            if (s.id == QLatin1String("social-security-card"))
                s.eLicences = {{QStringLiteral("property_certificate"), LocalizedText{QStringLiteral("不动产权证书"), QStringLiteral("Property certificate")}}};
        f.network.setProxy(QNetworkProxy::NoProxy);
        LicenceClient client(f.network, f.site.sync, m_sim->baseUrl());
        LicenceController licences(&client);
        MaterialsController materials(nullptr, nullptr, &licences); // no camera: the licences alone
        f.session->setMaterials(&materials);

        f.session->begin();
        f.session->chooseLanguage(QStringLiteral("en"));
        f.reader.placeCard(testCard());
        QTRY_COMPARE(f.session->screen(), Screen::Catalog);
        f.session->chooseService(QStringLiteral("social-security-card"));
        QVERIFY(f.session->hasMaterialsStep());
        f.session->startForm();
        f.form.setValue(QStringLiteral("phone"), QStringLiteral("13812345678"));
        f.form.setValue(QStringLiteral("reason"), QStringLiteral("lost"));
        f.session->toReview();
        QCOMPARE(f.session->screen(), Screen::Materials);
        QVERIFY(materials.isLicencesOffered());
        QVERIFY(!materials.isDocumentsOffered());
        QTRY_COMPARE_WITH_TIMEOUT(licences.state(), LicenceController::State::Ready, 15000);
        QCOMPARE(licences.licences().size(), 1); // the resident's own only
        materials.openLicences();
        QVERIFY(!licences.toggle(QStringLiteral("X-PROP-009")));
        QVERIFY(licences.toggle(QStringLiteral("S-PROP-001")));
        f.session->back(); // the open step closes first
        QCOMPARE(f.session->screen(), Screen::Materials);
        QCOMPARE(materials.step(), MaterialsController::Step::List);
        materials.finish();
        QCOMPARE(f.session->screen(), Screen::Review);
        QCOMPARE(materials.summary(), QStringLiteral("1 e-licence"));
        QVERIFY(f.submitAndSettle(true));
        QCOMPARE(f.session->screen(), Screen::Receipt);

        // The stored case references the licence, with its holder; its body is what the platform gets.
        const std::optional<OutboxItem> item = f.store->nextOutboxItem();
        QVERIFY(item);
        const std::optional<CaseSubmission> stored = f.store->findCase(item->refId);
        QVERIFY(stored);
        QCOMPARE(stored->licenceIds, QStringList(QStringLiteral("S-PROP-001")));
        QCOMPARE(stored->licenceHolderIdType, QStringLiteral("resident"));
        QCOMPARE(stored->licenceHolderIdNumber, testCard().idNumber);
        const QJsonObject body = QJsonDocument::fromJson(item->body).object();
        QCOMPARE(body.value(QStringLiteral("licences")).toArray(), QJsonArray{QStringLiteral("S-PROP-001")});
        const auto put = rawExchange(m_sim->port(),
                                     RawHttpClient::request("PUT", "/api/v1/cases/" + item->refId.toLatin1(),
                                                            {{"Content-Type", "application/json"},
                                                             {"Idempotency-Key", item->refId.toLatin1()}},
                                                            item->body));
        QVERIFY(put);
        QVERIFY2(put->status == 201, put->body.constData());
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("cases"), item->refId), 1);

        // The session's end: nothing of the licences is left.
        f.session->endSession();
        QCOMPARE(f.session->screen(), Screen::Attract);
        QCOMPARE(licences.state(), LicenceController::State::Idle);
        QVERIFY(licences.licences().isEmpty());
        QVERIFY(materials.licenceIds().isEmpty());
        QVERIFY(!materials.isLicencesOffered());
    }
};

QTEST_MAIN(TestLicencesSession)
#include "tst_licences_session.moc"
