#include "CatalogLoader.h"
#include "ConfigConsistency.h"
#include "SiteConfigLoader.h"
#include "StrictWarnings.h"

#include <QTest>

class TestConfigConsistency : public QObject
{
    Q_OBJECT

private:
    SiteConfig m_site;
    Catalog m_catalog;

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        const auto site = SiteConfigLoader::load(sourcePath(QStringLiteral("kiosk-config/site.json")));
        const auto catalog = CatalogLoader::load(sourcePath(QStringLiteral("kiosk-config/catalog.json")));
        QVERIFY2(site.ok(), qPrintable(site.errorText()));
        QVERIFY2(catalog.ok(), qPrintable(catalog.errorText()));
        m_site = site.value();
        m_catalog = catalog.value();
    }

    void shippedFilesAreConsistent()
    {
        QVERIFY(ConfigConsistency::check(m_site, m_catalog).isEmpty());
        QVERIFY(ConfigConsistency::unavailableServices(m_site, m_catalog).isEmpty());
    }

    void missingDeviceMakesServicesUnavailableNotInvalid()
    {
        SiteConfig site = m_site;
        site.devices.erase(
            std::remove_if(site.devices.begin(), site.devices.end(),
                           [](const DeviceConfig &d) { return d.kind == QLatin1String("camera"); }),
            site.devices.end());
        QVERIFY(ConfigConsistency::check(site, m_catalog).isEmpty());
        const QStringList unavailable = ConfigConsistency::unavailableServices(site, m_catalog);
        QStringList expected;
        for (const ServiceSpec &service : m_catalog.services)
            if (service.requiredDevices.contains(QStringLiteral("camera")))
                expected << service.id;
        QVERIFY(!expected.isEmpty());
        QCOMPARE(unavailable, expected);
        QCOMPARE(ConfigConsistency::missingDevices(site, *m_catalog.find(QStringLiteral("residence-permit"))),
                 QStringList{QStringLiteral("camera")});
        QVERIFY(ConfigConsistency::missingDevices(site, *m_catalog.find(QStringLiteral("elderly-allowance")))
                    .isEmpty());
    }

    void catalogBuiltInCodeIsCheckedToo()
    {
        Catalog catalog = m_catalog;
        catalog.services[2].requiredDevices << QStringLiteral("fingerprint");
        SiteConfig site = m_site;
        site.languages << QStringLiteral("fr");
        const ConfigErrors errors =
            ConfigConsistency::check(site, catalog, QStringLiteral("s.json"), QStringLiteral("c.json"));
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.at(0).file, QStringLiteral("s.json"));
        QCOMPARE(errors.at(0).place, QStringLiteral("/languages/2"));
        QCOMPARE(errors.at(1).file, QStringLiteral("c.json"));
        QCOMPARE(errors.at(1).place, QStringLiteral("/services/2/required_devices/%1")
                                         .arg(catalog.services[2].requiredDevices.size() - 1));
        QVERIFY(errors.at(1).message.contains(QStringLiteral("unknown device kind \"fingerprint\"")));
    }
};

QTEST_GUILESS_MAIN(TestConfigConsistency)
#include "tst_config_consistency.moc"
