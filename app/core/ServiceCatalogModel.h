#pragma once

#include "Catalog.h"
#include "ServiceSearchIndex.h"

#include <QAbstractListModel>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class DeviceHub;
class ServiceUsage;

// The service catalog as the resident sees it, in the session's language: filtered by category, life event
// and a search query (Chinese, pinyin, initials; app/search), most used services first. Services whose
// devices are unavailable stay listed, marked unavailable with the reason. The filters are the resident's
// and end with the session (resetFilters). Thread: GUI.
class ServiceCatalogModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ServiceCatalogModel is made by the application")
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY filterChanged)
    Q_PROPERTY(QString category READ category WRITE setCategory NOTIFY filterChanged)
    Q_PROPERTY(QString lifeEvent READ lifeEvent WRITE setLifeEvent NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY filterChanged)
    // Why the list is empty ("No service matches …"), or "" when it is not.
    Q_PROPERTY(QString message READ message NOTIFY filterChanged)
    // [{id, name}] in catalog order, in the session's language.
    Q_PROPERTY(QVariantList categories READ categories NOTIFY languageChanged)
    Q_PROPERTY(QVariantList lifeEvents READ lifeEvents NOTIFY languageChanged)

public:
    enum Role {
        ServiceIdRole = Qt::UserRole + 1,
        NameRole,
        DepartmentRole,
        SummaryRole,
        AvailableRole,
        UnavailableReasonRole,
        CategoryRole,
        CategoryNameRole
    };

    ServiceCatalogModel(const Catalog &catalog, const DeviceHub &devices, QObject *parent = nullptr);
    ~ServiceCatalogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setLanguage(const QString &language);
    bool isAvailable(const QString &serviceId) const;
    // The guide of one service: {name, department, conditions[], materials[], processingTime, fee,
    // legalBasis}
    Q_INVOKABLE QVariantMap guide(const QString &serviceId) const;

    // Usage counts for "most used first" (main.cpp; none: catalog order). Not owned.
    void setUsage(ServiceUsage *usage);
    // An application for serviceId was saved: count it (the order changes at the next resetFilters).
    void recordUse(const QString &serviceId);

    QString query() const { return m_query; }
    void setQuery(const QString &query);
    QString category() const { return m_category; }
    void setCategory(const QString &categoryId); // "" = all; an unknown id is refused with a warning
    QString lifeEvent() const { return m_lifeEvent; }
    void setLifeEvent(const QString &lifeEventId); // "" = all
    int count() const { return int(m_rows.size()); }
    QString message() const;
    QVariantList categories() const;
    QVariantList lifeEvents() const;
    // The service id on row `row` ("" outside the list): for tests and the scenario runner.
    Q_INVOKABLE QString serviceIdAt(int row) const;
    // Back to the whole catalog, most used first: at session start and end.
    Q_INVOKABLE void resetFilters();

signals:
    void filterChanged();
    void languageChanged();

private:
    void devicesChanged();
    void refresh();
    bool passesFilters(const ServiceSpec &service) const;

    const Catalog &m_catalog;
    const DeviceHub &m_devices;
    const ServiceSearchIndex m_index;
    ServiceUsage *m_usage = nullptr;
    QString m_language = QStringLiteral("zh_CN");
    QString m_query;
    QString m_category;
    QString m_lifeEvent;
    QVector<int> m_rows; // indices into m_catalog.services, in display order
};
