// Certificate services in the catalog (kind "certificate"): the shipped ones load with their purposes and
// templates; a template id that names no document, no purposes, unknown keys, form fields or a certificate
// object on a form service are refused at load, naming the service.
#include "CatalogLoader.h"
#include "ConfigTestHelpers.h"
#include "StrictWarnings.h"

#include <QTest>

namespace {
QByteArray catalogWith(const QByteArray &service)
{
    return R"({"version": "t", "services": [)" + service + "]}";
}

QByteArray certificateService(const QByteArray &certificate, const QByteArray &extra = QByteArray())
{
    return R"({"id": "residence-proof", "code": "T-1", "kind": "certificate",
      "name": {"zh": "居住证明", "en": "Residence"}, "department": {"zh": "中心", "en": "Center"},
      "summary": {"zh": "说明", "en": "Summary"}, "certificate": )" + certificate + extra + "}";
}

const QByteArray kGood = R"({"type": "residence", "template": "residence-certificate",
    "purposes": [{"id": "employment", "name": {"zh": "就业", "en": "Employment"}}]})";
} // namespace

class TestCatalogCertificate : public QObject
{
    Q_OBJECT

    static QString documents() { return sourcePath(QStringLiteral("kiosk-config/documents")); }

    static ConfigErrors errorsOf(const QByteArray &json)
    {
        const auto result = CatalogLoader::parse(json, QStringLiteral("catalog.json"), documents());
        return result.ok() ? ConfigErrors() : result.errors();
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void shippedCertificateServicesLoad()
    {
        const auto result = CatalogLoader::load(sourcePath(QStringLiteral("kiosk-config/catalog.json")));
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        const ServiceSpec *residence = result.value().find(QStringLiteral("residence-certificate-print"));
        QVERIFY(residence && residence->isCertificate());
        QCOMPARE(residence->certificate.type, QStringLiteral("residence"));
        QCOMPARE(residence->certificate.templateId, QStringLiteral("residence-certificate"));
        QVERIFY(residence->certificate.purpose(QStringLiteral("employment")));
        QCOMPARE(residence->certificate.purpose(QStringLiteral("employment"))->name.zh, QStringLiteral("就业"));
        QVERIFY(residence->fields.isEmpty());
        const ServiceSpec *household = result.value().find(QStringLiteral("household-registration-proof-print"));
        QVERIFY(household && household->isCertificate());
        QCOMPARE(household->certificate.templateId, QStringLiteral("household-registration-proof"));
        int certificates = 0;
        for (const ServiceSpec &s : result.value().services)
            certificates += s.isCertificate() ? 1 : 0;
        QCOMPARE(certificates, 2);
    }

    void aGoodOneLoads()
    {
        const auto result = CatalogLoader::parse(catalogWith(certificateService(kGood)), QStringLiteral("c.json"),
                                                 documents());
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
    }

    void refusedAtLoad_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("words");
        QTest::newRow("bad template id")
            << catalogWith(certificateService(R"({"type": "residence", "template": "residence-certificat",
                   "purposes": [{"id": "a", "name": {"zh": "甲", "en": "A"}}]})"))
            << "/services/0/certificate/template"
            << "certificate service \"residence-proof\": template \"residence-certificat\": no such document template";
        QTest::newRow("template id not an id")
            << catalogWith(certificateService(R"({"type": "residence", "template": "../site",
                   "purposes": [{"id": "a", "name": {"zh": "甲", "en": "A"}}]})"))
            << "/services/0/certificate/template" << "lower-case letters, digits and '-'";
        QTest::newRow("no purposes")
            << catalogWith(certificateService(R"({"type": "residence", "template": "residence-certificate",
                   "purposes": []})"))
            << "/services/0/certificate/purposes" << "purposes must list at least one purpose";
        QTest::newRow("purposes missing")
            << catalogWith(certificateService(R"({"type": "residence", "template": "residence-certificate"})"))
            << "/services/0/certificate/purposes" << "";
        QTest::newRow("unknown key in certificate")
            << catalogWith(certificateService(R"({"type": "residence", "template": "residence-certificate",
                   "purposes": [{"id": "a", "name": {"zh": "甲", "en": "A"}}], "fee": 0})"))
            << "/services/0/certificate/fee" << "";
        QTest::newRow("unknown key in a purpose")
            << catalogWith(certificateService(R"({"type": "residence", "template": "residence-certificate",
                   "purposes": [{"id": "a", "name": {"zh": "甲", "en": "A"}, "label": "x"}]})"))
            << "/services/0/certificate/purposes/0/label" << "";
        QTest::newRow("purpose twice")
            << catalogWith(certificateService(R"({"type": "residence", "template": "residence-certificate",
                   "purposes": [{"id": "a", "name": {"zh": "甲", "en": "A"}}, {"id": "a", "name": {"zh": "乙", "en": "B"}}]})"))
            << "/services/0/certificate/purposes/1/id" << "purpose \"a\" is listed twice";
        QTest::newRow("no certificate object")
            << catalogWith(R"({"id": "residence-proof", "code": "T-1", "kind": "certificate",
                 "name": {"zh": "居住证明", "en": "Residence"}, "department": {"zh": "中心", "en": "Center"},
                 "summary": {"zh": "说明", "en": "Summary"}})")
            << "/services/0/certificate" << "";
        QTest::newRow("form fields")
            << catalogWith(certificateService(kGood, R"(, "fields": [{"id": "x", "label": {"zh": "甲", "en": "A"}, "type": "text"}])"))
            << "/services/0/fields" << "a certificate service has no form fields";
        QTest::newRow("certificate on a form service")
            << catalogWith(R"({"id": "f", "code": "T-2", "name": {"zh": "甲", "en": "A"},
                 "department": {"zh": "甲", "en": "A"}, "summary": {"zh": "甲", "en": "A"},
                 "guide": {"conditions": [{"zh": "甲", "en": "A"}], "materials": [{"zh": "甲", "en": "A"}],
                   "processing_time": {"zh": "甲", "en": "A"}, "fee": {"zh": "甲", "en": "A"},
                   "legal_basis": {"zh": "甲", "en": "A"}},
                 "fields": [], "required_devices": [], "certificate": {}})")
            << "/services/0/certificate" << "certificate is only for services of kind \"certificate\"";
    }
    void refusedAtLoad()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, place);
        QFETCH(QString, words);
        const ConfigErrors errors = errorsOf(json);
        QVERIFY2(!errors.isEmpty(), "loaded");
        bool found = false;
        for (const ConfigError &e : errors)
            found = found || (e.place == place && e.message.contains(words));
        QVERIFY2(found, qPrintable(errorList(errors)));
    }
};

QTEST_GUILESS_MAIN(TestCatalogCertificate)
#include "tst_catalog_certificate.moc"
