// Web services in the catalog (kind "web"): start_url and allowed_origins checked at load, and the
// site's consent to http (loopback) origins checked by ConfigConsistency.
#include "CatalogLoader.h"
#include "ConfigConsistency.h"
#include "ConfigTestHelpers.h"
#include "SiteConfigLoader.h"
#include "StrictWarnings.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestCatalogWeb : public QObject
{
    Q_OBJECT

private:
    static QString fixture(const QString &name)
    {
        return sourcePath(QStringLiteral("tests/fixtures/config/") + name);
    }

private slots:
    void initTestCase() { installStrictWarnings(); }

    void webServicesLoadNormalised()
    {
        const auto result = CatalogLoader::load(fixture(QStringLiteral("catalog-web.json")));
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        const ServiceSpec *booking = result.value().find(QStringLiteral("appointment-booking"));
        QVERIFY(booking);
        QVERIFY(booking->isWeb());
        QCOMPARE(booking->allowedOrigins, QStringList({QStringLiteral("https://booking.example.gov.cn:443"),
                                                       QStringLiteral("https://static.example.gov.cn:8443"),
                                                       QStringLiteral("https://xn--fiqs8s.example:443")}));
        QCOMPARE(booking->startUrl.host(), QStringLiteral("booking.example.gov.cn"));
        QVERIFY(booking->fields.isEmpty());
        QVERIFY(booking->requiredDevices.isEmpty());
        const ServiceSpec *local = result.value().find(QStringLiteral("local-test-page"));
        QVERIFY(local && local->isWeb());
        QCOMPARE(local->allowedOrigins, QStringList(QStringLiteral("http://127.0.0.1:8080")));
    }

    // The shipped catalog: forms and certificates without origins, and web services whose start page is on
    // their own allowlist over https (the platform's booking pages).
    void shippedServicesAreFormsOrAllowlistedPages()
    {
        const auto result = CatalogLoader::load(sourcePath(QStringLiteral("kiosk-config/catalog.json")));
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        QStringList web;
        for (const ServiceSpec &service : result.value().services) {
            if (!service.isWeb()) {
                QVERIFY(service.kind == QLatin1String("form") || service.kind == QLatin1String("certificate"));
                QVERIFY(service.allowedOrigins.isEmpty());
                continue;
            }
            web << service.id;
            QCOMPARE(service.startUrl.scheme(), QStringLiteral("https"));
            const QString origin = service.startUrl.scheme() + QStringLiteral("://") +
                                   service.startUrl.host() +
                                   QStringLiteral(":443"); // origins are kept with their port
            QVERIFY2(service.allowedOrigins.contains(origin), qPrintable(service.id));
            QVERIFY(service.fields.isEmpty());
        }
        QCOMPARE(web, QStringList(QStringLiteral("appointment-booking")));
    }

    void malformedEntriesAreRefusedNamingTheService()
    {
        const QString file = fixture(QStringLiteral("catalog-web-bad.json"));
        const auto result = CatalogLoader::load(file);
        QVERIFY(!result.ok());
        const ConfigErrors &e = result.errors();
        const QString origins = QStringLiteral("/services/0/allowed_origins/");
        QVERIFY(hasError(
            e, file, origins + QStringLiteral("0"),
            QStringLiteral("web service \"bad-origins\": \"https://good.example/path\" is not an origin")));
        QVERIFY(hasError(e, file, origins + QStringLiteral("1"), QStringLiteral("only https origins")));
        QVERIFY(hasError(e, file, origins + QStringLiteral("2"), QStringLiteral("no user info")));
        QVERIFY(hasError(e, file, origins + QStringLiteral("3"), QStringLiteral("not a web scheme")));
        QVERIFY(hasError(e, file, origins + QStringLiteral("4"), QStringLiteral("trailing dot")));
        QVERIFY(hasError(e, file, origins + QStringLiteral("5"), QStringLiteral("expected a string")));
        QVERIFY(hasError(e, file, origins + QStringLiteral("7"), QStringLiteral("listed twice")));
        QVERIFY(hasError(e, file, QStringLiteral("/services/0/start_url"),
                         QStringLiteral("web service \"bad-origins\": the origin of start_url "
                                        "(https://evil.example:443) is not in allowed_origins")));
        QVERIFY(hasError(
            e, file, QStringLiteral("/services/1/start_url"),
            QStringLiteral(
                "web service \"bad-start\": start_url \"javascript:alert(1)\" is not a web address")));
        QVERIFY(hasError(e, file, QStringLiteral("/services/1/allowed_origins"),
                         QStringLiteral("at least one origin")));
        QVERIFY(
            hasError(e, file, QStringLiteral("/services/1/fields"), QStringLiteral("has no form fields")));
        QVERIFY(
            hasError(e, file, QStringLiteral("/services/2/start_url"),
                     QStringLiteral(
                         "service \"form-with-web-keys\": start_url is only for services of kind \"web\"")));
        QVERIFY(hasError(e, file, QStringLiteral("/services/3/kind"), QStringLiteral("webpage")));
    }

    void httpOriginsNeedTheSitesConsent()
    {
        const auto site = SiteConfigLoader::load(sourcePath(QStringLiteral("kiosk-config/site.json")));
        const auto catalog = CatalogLoader::load(fixture(QStringLiteral("catalog-web.json")));
        QVERIFY2(site.ok() && catalog.ok(), qPrintable(site.errorText() + catalog.errorText()));
        SiteConfig s = site.value();
        QVERIFY(!s.web.allowLoopbackHttp); // the shipped site allows no http web origin
        const ConfigErrors refused = ConfigConsistency::check(s, catalog.value(), QStringLiteral("site.json"),
                                                              QStringLiteral("catalog.json"));
        QCOMPARE(refused.size(), 1);
        QVERIFY(hasError(
            refused, QStringLiteral("catalog.json"), QStringLiteral("/services/1/allowed_origins/0"),
            QStringLiteral("web service \"local-test-page\" lists the http origin http://127.0.0.1:8080")));
        s.web.allowLoopbackHttp = true;
        QVERIFY(ConfigConsistency::check(s, catalog.value()).isEmpty());
    }

    void siteWebSettingsAreRead()
    {
        QFile minimal(fixture(QStringLiteral("site-minimal.json")));
        QVERIFY(minimal.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(minimal.readAll()).object();
        root.insert(QStringLiteral("web"), QJsonObject{{QStringLiteral("allow_loopback_http"), true}});
        const QByteArray json = QJsonDocument(root).toJson();
        const auto site = SiteConfigLoader::parse(json, QStringLiteral("site.json"));
        QVERIFY2(site.ok(), qPrintable(site.errorText()));
        QVERIFY(site.value().web.allowLoopbackHttp);
        const auto bad = SiteConfigLoader::parse(
            QByteArray(json).replace("allow_loopback_http", "allow_http"), QStringLiteral("site.json"));
        QVERIFY(!bad.ok());
        QVERIFY(hasError(bad.errors(), QStringLiteral("site.json"), QStringLiteral("/web/allow_http"),
                         QStringLiteral("unknown")));
    }
};

QTEST_GUILESS_MAIN(TestCatalogWeb)
#include "tst_catalog_web.moc"
