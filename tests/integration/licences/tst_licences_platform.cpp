// E-licences against a real platform-sim: the lookup answers a resident's licences of the asked types only
// (never another resident's), the controller offers valid ones and refuses to pick expired, unknown or
// another resident's; refusals and garbage from the platform and the platform down leave the resident with
// paper (Unavailable, a message, never a blocked screen); a case referencing licences is stored for the
// resident's own and refused (400, parked by the kiosk) for another resident's, an unknown or expired one.
#include "Catalog.h"
#include "CaseStore.h"
#include "DocumentCaptureController.h"
#include "FaceCaptureController.h"
#include "GarbageHttpServer.h"
#include "LicenceClient.h"
#include "LicenceController.h"
#include "MaterialsController.h"
#include "OutboxBodies.h"
#include "PlatformSimProcess.h"
#include "RawHttpClient.h"
#include "StrictWarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using State = LicenceController::State;

namespace {

const QString kResidentA = QStringLiteral("310104199001011234");
const QString kResidentB = QStringLiteral("310104198505052345");
const QString kNobody = QStringLiteral("310104197012123456");
const QStringList kTypes{QStringLiteral("property_certificate"), QStringLiteral("business_licence")};

QJsonObject licence(const QString &id, const QString &holder, const QString &type, const QString &status,
                    const QString &validUntil = QString())
{
    QJsonObject o{{QStringLiteral("licence_id"), id},
                  {QStringLiteral("id_type"), QStringLiteral("resident")},
                  {QStringLiteral("id_number"), holder},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("name"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("证照%1").arg(id)},
                                                       {QStringLiteral("en"), QStringLiteral("Licence %1").arg(id)}}},
                  {QStringLiteral("issuer"), QStringLiteral("上海市测试局")},
                  {QStringLiteral("number_masked"), QStringLiteral("沪****%1").arg(id.right(3))},
                  {QStringLiteral("status"), status}};
    if (!validUntil.isEmpty())
        o.insert(QStringLiteral("valid_until"), validUntil);
    return o;
}

ServiceSpec licenceService()
{
    ServiceSpec s;
    s.id = QStringLiteral("residence-registration");
    for (const QString &type : kTypes)
        s.eLicences.append({type, LocalizedText{type, type}});
    return s;
}

} // namespace

class TestLicencesPlatform : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformSimProcess> m_sim;
    QNetworkAccessManager m_nam;
    std::unique_ptr<LicenceClient> m_client;
    std::unique_ptr<LicenceController> m_licences;

    std::optional<RawHttpResponse> post(const QByteArray &path, const QJsonObject &body,
                                        const QByteArray &contentType = "application/json")
    {
        return rawExchange(m_sim->port(), RawHttpClient::request("POST", path, {{"Content-Type", contentType}},
                                                                 QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }
    static QJsonObject json(const std::optional<RawHttpResponse> &r)
    {
        return r ? QJsonDocument::fromJson(r->body).object() : QJsonObject();
    }
    QJsonObject lookup(const QString &number, const QStringList &types = kTypes)
    {
        return QJsonObject{{QStringLiteral("id_type"), QStringLiteral("resident")},
                           {QStringLiteral("id_number"), number},
                           {QStringLiteral("types"), QJsonArray::fromStringList(types)}};
    }
    void fetch(LicenceController &controller, const QString &number)
    {
        controller.fetch(QStringLiteral("resident"), number, kTypes);
        QCOMPARE(controller.state(), State::Loading);
        QTRY_VERIFY_WITH_TIMEOUT(controller.state() != State::Loading, 15000);
    }
    // A case body as the kiosk's store builds it, referencing licences of holder.
    std::optional<RawHttpResponse> putCase(const QStringList &licenceIds, const QString &holder)
    {
        CaseSubmission c;
        c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        c.caseNumber = QStringLiteral("SH-T-K01-20261204-ABCD-%1").arg(c.id.left(6));
        c.serviceId = QStringLiteral("residence-registration");
        c.centerId = QStringLiteral("SH-T");
        c.submittedAt = QDateTime::currentDateTimeUtc();
        c.language = QStringLiteral("zh_CN");
        c.form = QJsonObject{{QStringLiteral("phone"), QStringLiteral("13812345678")}};
        c.identityMethod = QStringLiteral("card");
        c.licenceIds = licenceIds;
        c.licenceHolderIdType = QStringLiteral("resident");
        c.licenceHolderIdNumber = holder;
        return rawExchange(m_sim->port(),
                           RawHttpClient::request("PUT", "/api/v1/cases/" + c.id.toLatin1(),
                                                  {{"Content-Type", "application/json"}, {"Idempotency-Key", c.id.toLatin1()}},
                                                  caseSubmissionBody(c)));
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        m_sim = std::make_unique<PlatformSimProcess>(m_dir.filePath(QStringLiteral("p.sqlite")));
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        m_nam.setProxy(QNetworkProxy::NoProxy);
        SyncSettings settings;
        settings.allowInsecureHttp = true;
        settings.requestTimeoutMs = 3000;
        m_client = std::make_unique<LicenceClient>(m_nam, settings, m_sim->baseUrl());
        QVERIFY(m_client->configProblem().isEmpty());
        m_licences = std::make_unique<LicenceController>(m_client.get());
        m_licences->setLanguage(QStringLiteral("en"));
        for (const QJsonObject &l :
             {licence(QStringLiteral("A-PROP-001"), kResidentA, QStringLiteral("property_certificate"), QStringLiteral("valid"), QStringLiteral("2040-01-01")),
              licence(QStringLiteral("A-BIZ-002"), kResidentA, QStringLiteral("business_licence"), QStringLiteral("expired"), QStringLiteral("2020-12-31")),
              licence(QStringLiteral("A-DRV-003"), kResidentA, QStringLiteral("driving_licence"), QStringLiteral("valid")),
              licence(QStringLiteral("B-PROP-001"), kResidentB, QStringLiteral("property_certificate"), QStringLiteral("valid"))}) {
            const auto r = post("/test/licence", l);
            QVERIFY(r);
            QCOMPARE(r->status, 200);
        }
        // The same id twice is refused.
        const auto twice = post("/test/licence", licence(QStringLiteral("A-PROP-001"), kResidentB,
                                                         QStringLiteral("property_certificate"), QStringLiteral("valid")));
        QVERIFY(twice);
        QCOMPARE(twice->status, 400);
    }

    // The endpoint itself: only the holder's licences of the asked types; an unknown resident has none.
    void theLookupAnswersTheHoldersLicencesOfTheAskedTypes()
    {
        auto r = post("/api/v1/residents/licences", lookup(kResidentA));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const QJsonArray list = json(r).value(QStringLiteral("licences")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("licence_id")).toString(), QStringLiteral("A-BIZ-002"));
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("licence_id")).toString(), QStringLiteral("A-PROP-001"));
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("valid_until")).toString(), QStringLiteral("2040-01-01"));
        QVERIFY(!r->body.contains(kResidentA.toLatin1())); // the holder's number is not echoed
        r = post("/api/v1/residents/licences", lookup(kNobody));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QVERIFY(json(r).value(QStringLiteral("licences")).toArray().isEmpty());
        // The platform's log names the path and status, never the resident.
        QTRY_VERIFY_WITH_TIMEOUT(m_sim->log().contains(QStringLiteral("POST /api/v1/residents/licences -> 200")), 5000);
        QVERIFY(!m_sim->log().contains(kResidentA));
    }

    void theLookupsRefusals_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("detail");
        QJsonObject badType = lookup(kResidentA);
        badType.insert(QStringLiteral("id_type"), QStringLiteral("passport_of_mars"));
        QJsonObject noTypes = lookup(kResidentA, {});
        QJsonObject unknownType = lookup(kResidentA, {QStringLiteral("fishing_permit")});
        QJsonObject twiceType = lookup(kResidentA, {QStringLiteral("business_licence"), QStringLiteral("business_licence")});
        QTest::newRow("GET") << QByteArray("GET") << QByteArray("application/json") << lookup(kResidentA) << 405
                             << "method_not_allowed" << "POST";
        QTest::newRow("not JSON") << QByteArray("POST") << QByteArray("text/plain") << lookup(kResidentA) << 415
                                  << "unsupported_media_type" << "application/json";
        QTest::newRow("id type") << QByteArray("POST") << QByteArray("application/json") << badType << 400
                                 << "invalid_request" << "id_type";
        QTest::newRow("id number") << QByteArray("POST") << QByteArray("application/json") << lookup(QStringLiteral("12-34"))
                                   << 400 << "invalid_request" << "id_number";
        QTest::newRow("no types") << QByteArray("POST") << QByteArray("application/json") << noTypes << 400
                                  << "invalid_request" << "types";
        QTest::newRow("unknown type") << QByteArray("POST") << QByteArray("application/json") << unknownType << 400
                                      << "invalid_request" << "unknown licence type";
        QTest::newRow("type twice") << QByteArray("POST") << QByteArray("application/json") << twiceType << 400
                                    << "invalid_request" << "listed twice";
    }
    void theLookupsRefusals()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, contentType);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(QString, detail);
        const auto r = rawExchange(m_sim->port(),
                                   RawHttpClient::request(method, "/api/v1/residents/licences", {{"Content-Type", contentType}},
                                                          QJsonDocument(body).toJson(QJsonDocument::Compact)));
        QVERIFY(r);
        QCOMPARE(r->status, status);
        QCOMPARE(json(r).value(QStringLiteral("error")).toString(), error);
        QVERIFY2(json(r).value(QStringLiteral("detail")).toString().contains(detail), r->body.constData());
        QVERIFY(!r->body.contains(kResidentA.toLatin1()));
    }

    // The controller on the platform's answer: valid licences can be picked, expired ones are shown but not
    // selectable, and nothing of another resident can be picked.
    void theResidentPicksTheirValidLicences()
    {
        fetch(*m_licences, kResidentA);
        QCOMPARE(m_licences->state(), State::Ready);
        QVERIFY(m_licences->notice().isEmpty());
        const QVariantList shown = m_licences->licenceList();
        QCOMPARE(shown.size(), 2);
        const QVariantMap expired = shown.at(0).toMap();
        QCOMPARE(expired.value(QStringLiteral("licenceId")).toString(), QStringLiteral("A-BIZ-002"));
        QCOMPARE(expired.value(QStringLiteral("name")).toString(), QStringLiteral("Licence A-BIZ-002"));
        QVERIFY(!expired.value(QStringLiteral("selectable")).toBool());
        QCOMPARE(expired.value(QStringLiteral("statusText")).toString(), QStringLiteral("Expired: cannot be used"));
        const QVariantMap valid = shown.at(1).toMap();
        QVERIFY(valid.value(QStringLiteral("selectable")).toBool());
        QCOMPARE(valid.value(QStringLiteral("statusText")).toString(), QStringLiteral("Valid until 2040-01-01"));
        QCOMPARE(valid.value(QStringLiteral("numberMasked")).toString(), QStringLiteral("沪****001"));

        QVERIFY(!m_licences->toggle(QStringLiteral("A-BIZ-002")));  // expired
        QVERIFY(!m_licences->toggle(QStringLiteral("B-PROP-001"))); // another resident's
        QVERIFY(!m_licences->toggle(QStringLiteral("A-DRV-003")));  // a type the service does not take
        QVERIFY(m_licences->toggle(QStringLiteral("A-PROP-001")));
        QCOMPARE(m_licences->selectedIds(), QStringList(QStringLiteral("A-PROP-001")));
        QVERIFY(m_licences->licenceList().at(1).toMap().value(QStringLiteral("selected")).toBool());
        m_licences->setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(m_licences->licenceList().at(1).toMap().value(QStringLiteral("name")).toString(), QStringLiteral("证照A-PROP-001"));
        m_licences->setLanguage(QStringLiteral("en"));
        QVERIFY(m_licences->toggle(QStringLiteral("A-PROP-001"))); // unpicked
        QVERIFY(m_licences->selectedIds().isEmpty());
        m_licences->reset();
        QCOMPARE(m_licences->state(), State::Idle);
        QVERIFY(m_licences->licenceList().isEmpty());
    }

    void aResidentWithoutLicencesIsToldToUsePaper()
    {
        fetch(*m_licences, kNobody);
        QCOMPARE(m_licences->state(), State::Ready);
        QVERIFY(m_licences->licenceList().isEmpty());
        QVERIFY2(m_licences->notice().contains(QStringLiteral("No e-licences")), qPrintable(m_licences->notice()));
        m_licences->reset();
    }

    // The materials sub-flow with e-licences: entered for the identified resident, the pick is what the case
    // carries and what the review's summary counts; the session's end forgets it.
    void theMaterialsSubFlowCarriesThePickedIds()
    {
        DocumentCaptureController documents;
        FaceCaptureController face;
        MaterialsController materials(&documents, &face, m_licences.get());
        QVERIFY(materials.appliesTo(licenceService()));
        materials.enter(licenceService(), QStringLiteral("resident"), kResidentA);
        QVERIFY(materials.isLicencesOffered());
        QVERIFY(!materials.isDocumentsOffered());
        QTRY_COMPARE_WITH_TIMEOUT(m_licences->state(), State::Ready, 15000);
        materials.openLicences();
        QCOMPARE(materials.step(), MaterialsController::Step::Licences);
        QVERIFY(m_licences->toggle(QStringLiteral("A-PROP-001")));
        QCOMPARE(materials.summary(), QStringLiteral("1 e-licence"));
        materials.closeStep();
        materials.finish();
        QCOMPARE(materials.licenceIds(), QStringList(QStringLiteral("A-PROP-001")));
        // Back from the review: the licences are not asked again, the pick stays.
        materials.enter(licenceService(), QStringLiteral("resident"), kResidentA);
        QCOMPARE(m_licences->state(), State::Ready);
        QCOMPARE(materials.licenceIds(), QStringList(QStringLiteral("A-PROP-001")));
        materials.reset();
        QVERIFY(materials.licenceIds().isEmpty());
        QCOMPARE(m_licences->state(), State::Idle);
        QVERIFY(materials.summary().isEmpty());
    }

    // The case body as the store builds it: the resident's own valid licence is accepted; another
    // resident's, an unknown and an expired one are refused for good (400: the kiosk parks it for staff).
    void aCaseReferencesOnlyTheResidentsOwnValidLicences_data()
    {
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("detail");
        QTest::newRow("own") << QStringList{QStringLiteral("A-PROP-001")} << 201 << QString();
        QTest::newRow("another resident's") << QStringList{QStringLiteral("A-PROP-001"), QStringLiteral("B-PROP-001")} << 400
                                            << "licences[1]: not a licence of this resident";
        QTest::newRow("unknown") << QStringList{QStringLiteral("Z-999")} << 400 << "licences[0]: unknown licence";
        QTest::newRow("expired") << QStringList{QStringLiteral("A-BIZ-002")} << 400 << "licences[0]: not valid";
        QTest::newRow("bad id") << QStringList{QStringLiteral("a b")} << 400 << "licences[0]: not a licence id";
    }
    void aCaseReferencesOnlyTheResidentsOwnValidLicences()
    {
        QFETCH(QStringList, ids);
        QFETCH(int, status);
        QFETCH(QString, detail);
        const int before = platformRowCount(m_sim->dbPath(), QStringLiteral("cases"));
        const auto r = putCase(ids, kResidentA);
        QVERIFY(r);
        QCOMPARE(r->status, status);
        QCOMPARE(platformRowCount(m_sim->dbPath(), QStringLiteral("cases")), before + (status == 201 ? 1 : 0));
        if (status != 201) {
            QCOMPARE(json(r).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
            QVERIFY2(json(r).value(QStringLiteral("detail")).toString().contains(detail), r->body.constData());
        }
    }

    void aCaseWithLicencesNeedsTheirHolder()
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QJsonObject body = QJsonDocument::fromJson(caseOutboxBody(CaseSubmission(), {})).object();
        body.insert(QStringLiteral("case_id"), id);
        body.insert(QStringLiteral("case_number"), QStringLiteral("N-") + id.left(8));
        body.insert(QStringLiteral("service_id"), QStringLiteral("residence-registration"));
        body.insert(QStringLiteral("center_id"), QStringLiteral("SH-T"));
        body.insert(QStringLiteral("language"), QStringLiteral("en"));
        body.insert(QStringLiteral("submitted_at"), QStringLiteral("2026-12-04T08:00:00.000Z"));
        body.insert(QStringLiteral("licences"), QJsonArray{QStringLiteral("A-PROP-001")});
        const auto r = rawExchange(m_sim->port(),
                                   RawHttpClient::request("PUT", "/api/v1/cases/" + id.toLatin1(),
                                                          {{"Content-Type", "application/json"}, {"Idempotency-Key", id.toLatin1()}},
                                                          QJsonDocument(body).toJson(QJsonDocument::Compact)));
        QVERIFY(r);
        QCOMPARE(r->status, 400);
        QVERIFY2(json(r).value(QStringLiteral("detail")).toString().contains(QStringLiteral("licence_holder")), r->body.constData());
    }

    // Garbage where the platform should be (a proxy's page, a 200 that is not the platform's JSON, a list of
    // the wrong shape): the resident uses paper, and the log says why.
    void garbageFromThePlatformMeansPaper_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("logged");
        const auto http = [](const QByteArray &status, const QByteArray &type, const QByteArray &body) {
            return "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: "
                   + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        };
        QTest::newRow("html") << http("502 Bad Gateway", "text/html", "<html>bad gateway</html>")
                              << "garbage: HTTP 502 without the platform's JSON";
        QTest::newRow("200 not JSON") << http("200 OK", "application/json", "{\"licences\": [") << "garbage: HTTP 200";
        QTest::newRow("wrong shape") << http("200 OK", "application/json", "{\"licences\": {\"a\": 1}}")
                                     << "no \"licences\" array";
        QTest::newRow("type not asked")
            << http("200 OK", "application/json",
                    "{\"licences\":[{\"licence_id\":\"X-1\",\"type\":\"driving_licence\",\"name\":{\"zh\":\"a\",\"en\":\"b\"},"
                    "\"issuer\":\"c\",\"number_masked\":\"d\",\"status\":\"valid\"}]}")
            << "not asked for";
        QTest::newRow("refusal") << http("403 Forbidden", "application/json", "{\"error\":\"unknown_client\",\"detail\":\"x\"}")
                                 << "HTTP 403 unknown_client";
    }
    void garbageFromThePlatformMeansPaper()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, logged);
        GarbageHttpServer garbage(answer);
        QVERIFY(garbage.listen());
        SyncSettings settings;
        settings.allowInsecureHttp = true;
        settings.requestTimeoutMs = 3000;
        LicenceClient client(m_nam, settings, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(garbage.port())));
        LicenceController controller(&client);
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("not usable: .*") + QRegularExpression::escape(logged)));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("e-licences unavailable: .*") + QRegularExpression::escape(logged)));
        fetch(controller, kResidentA);
        QCOMPARE(controller.state(), State::Unavailable);
        QVERIFY(controller.licenceList().isEmpty());
        QVERIFY(controller.notice().contains(QStringLiteral("photograph the documents")));
        QCOMPARE(garbage.requestCount(), 1);
        // The number travels in the body, never in the request line.
        QVERIFY(!garbage.lastRequestHead().contains(kResidentA.toLatin1()));
    }

    // Last: the platform goes away. The resident is told; when it is back the next visit gets licences again.
    void thePlatformDownMeansPaper()
    {
        QCOMPARE(m_sim->terminate(), 0);
        fetch(*m_licences, kResidentA);
        QCOMPARE(m_licences->state(), State::Unavailable);
        QVERIFY(m_licences->notice().contains(QStringLiteral("cannot be fetched")));
        QString error;
        QVERIFY2(m_sim->start(m_sim->port(), &error), qPrintable(error));
        fetch(*m_licences, kResidentA);
        QCOMPARE(m_licences->state(), State::Ready);
        QCOMPARE(m_licences->licenceList().size(), 2);
    }
};

QTEST_MAIN(TestLicencesPlatform)
#include "tst_licences_platform.moc"
