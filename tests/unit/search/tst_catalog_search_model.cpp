#include "CatalogLoader.h"
#include "DeviceHub.h"
#include "ServiceCatalogModel.h"
#include "ServiceUsage.h"
#include "StrictWarnings.h"

#include <QSignalSpy>
#include <QTest>

// The catalog screen's controller: filters, search and most-used-first order over the shipped catalog.
class TestCatalogSearchModel : public QObject
{
    Q_OBJECT

    Catalog m_catalog;

    static QStringList rows(const ServiceCatalogModel &model)
    {
        QStringList out;
        for (int i = 0; i < model.count(); ++i)
            out << model.serviceIdAt(i);
        return out;
    }

    QStringList catalogOrder() const
    {
        QStringList out;
        for (const ServiceSpec &s : m_catalog.services)
            out << s.id;
        return out;
    }

private slots:
    void initTestCase()
    {
        installStrictWarnings();
        const auto result = CatalogLoader::load(sourcePath(QStringLiteral("kiosk-config/catalog.json")));
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        m_catalog = result.value();
    }

    void wholeCatalogInCatalogOrderAtFirst()
    {
        DeviceHub devices;
        ServiceCatalogModel model(m_catalog, devices);
        QCOMPARE(model.rowCount(), m_catalog.services.size());
        QCOMPARE(rows(model), catalogOrder());
        QCOMPARE(model.message(), QString());
        QCOMPARE(model.categories().size(), m_catalog.categories.size());
        QCOMPARE(model.lifeEvents().size(), m_catalog.lifeEvents.size());
        QCOMPARE(model.categories().at(0).toMap().value(QStringLiteral("name")).toString(),
                 QStringLiteral("户籍与居住"));
        model.setLanguage(QStringLiteral("en_US"));
        QCOMPARE(model.categories().at(0).toMap().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Household registration and residence"));
        const QModelIndex first = model.index(0);
        QCOMPARE(model.data(first, ServiceCatalogModel::CategoryRole).toString(),
                 QStringLiteral("household"));
    }

    void searchRanksAndExplainsNoMatch()
    {
        DeviceHub devices;
        ServiceCatalogModel model(m_catalog, devices);
        QSignalSpy changed(&model, &ServiceCatalogModel::filterChanged);
        model.setQuery(QStringLiteral("jzz"));
        QVERIFY(changed.count() >= 1);
        QVERIFY(model.count() > 0);
        QVERIFY(m_catalog.find(model.serviceIdAt(0))->name.zh.contains(QStringLiteral("居住证")));
        QVERIFY(rows(model).contains(QStringLiteral("residence-permit")));
        model.setQuery(QStringLiteral("juzhuzheng"));
        QVERIFY(rows(model).contains(QStringLiteral("residence-permit")));
        model.setQuery(QStringLiteral("居住"));
        QVERIFY(rows(model).contains(QStringLiteral("residence-permit")));

        model.setQuery(QStringLiteral("xqxqzv"));
        QCOMPARE(model.count(), 0);
        QVERIFY(model.message().contains(QStringLiteral("xqxqzv")));
        model.setQuery(QString());
        QCOMPARE(model.count(), m_catalog.services.size());
        QCOMPARE(model.message(), QString());
    }

    void categoryAndLifeEventFilter()
    {
        DeviceHub devices;
        ServiceCatalogModel model(m_catalog, devices);
        model.setCategory(QStringLiteral("medical"));
        QVERIFY(model.count() > 3);
        QVERIFY(model.count() < m_catalog.services.size());
        for (const QString &id : rows(model))
            QCOMPARE(m_catalog.find(id)->category, QStringLiteral("medical"));
        // Search within the category: 居住证 is not a medical service.
        model.setQuery(QStringLiteral("jzz"));
        QCOMPARE(model.count(), 0);
        QVERIFY(!model.message().isEmpty());
        model.setQuery(QStringLiteral("yibao"));
        QVERIFY(rows(model).contains(QStringLiteral("resident-medical-insurance-enrollment")));

        model.setQuery(QString());
        model.setCategory(QString());
        model.setLifeEvent(QStringLiteral("bereavement"));
        QVERIFY(rows(model).contains(QStringLiteral("household-cancellation-death")));
        for (const QString &id : rows(model))
            QVERIFY2(m_catalog.find(id)->lifeEvents.contains(QStringLiteral("bereavement")), qPrintable(id));

        // An unknown id (a QML typo) changes nothing and says so.
        QTest::ignoreMessage(QtWarningMsg, "no such category: \"nonesuch\"");
        model.setCategory(QStringLiteral("nonesuch"));
        QCOMPARE(model.category(), QString());

        model.resetFilters();
        QCOMPARE(model.lifeEvent(), QString());
        QCOMPARE(model.count(), m_catalog.services.size());
    }

    void mostUsedFirst()
    {
        DeviceHub devices;
        ServiceUsage usage; // in memory
        ServiceCatalogModel model(m_catalog, devices);
        model.setUsage(&usage);
        model.recordUse(QStringLiteral("disability-certificate-renewal"));
        model.recordUse(QStringLiteral("disability-certificate-renewal"));
        model.recordUse(QStringLiteral("senior-card"));
        model.recordUse(QStringLiteral("no-such-service")); // ignored
        QCOMPARE(usage.count(QStringLiteral("no-such-service")), 0);
        // Reordered at the next session, not under the resident's finger.
        QCOMPARE(model.serviceIdAt(0), QStringLiteral("residence-permit"));
        model.resetFilters();
        QCOMPARE(model.serviceIdAt(0), QStringLiteral("disability-certificate-renewal"));
        QCOMPARE(model.serviceIdAt(1), QStringLiteral("senior-card"));
        QCOMPARE(model.serviceIdAt(2), QStringLiteral("residence-permit")); // then catalog order

        // Among equal matches too: both 残疾人证 services start with "canjirenzheng"; the catalog lists the
        // application first, but the renewal was used more.
        model.setQuery(QStringLiteral("canjirenzheng"));
        QCOMPARE(model.serviceIdAt(0), QStringLiteral("disability-certificate-renewal"));
        QCOMPARE(model.serviceIdAt(1), QStringLiteral("disability-certificate"));
        model.setCategory(QStringLiteral("elderly-care"));
        model.setQuery(QString());
        QCOMPARE(model.serviceIdAt(0), QStringLiteral("senior-card"));
    }
};

QTEST_MAIN(TestCatalogSearchModel)
#include "tst_catalog_search_model.moc"
