#pragma once

#include "Catalog.h"

#include <QAbstractListModel>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class DeviceHub;

// The service catalog as the resident sees it, in the session's language. Services whose devices are
// unavailable stay listed, marked unavailable with the reason. Thread: GUI.
class ServiceCatalogModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ServiceCatalogModel is made by the application")

public:
    enum Role { ServiceIdRole = Qt::UserRole + 1, NameRole, DepartmentRole, SummaryRole, AvailableRole, UnavailableReasonRole };

    ServiceCatalogModel(const Catalog &catalog, const DeviceHub &devices, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setLanguage(const QString &language);
    bool isAvailable(const QString &serviceId) const;
    // The guide of one service: {name, department, conditions[], materials[], processingTime, fee, legalBasis}
    Q_INVOKABLE QVariantMap guide(const QString &serviceId) const;

private:
    void devicesChanged();

    const Catalog &m_catalog;
    const DeviceHub &m_devices;
    QString m_language = QStringLiteral("zh_CN");
};
