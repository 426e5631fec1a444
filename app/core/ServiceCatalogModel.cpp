#include "ServiceCatalogModel.h"

#include "DeviceHub.h"

#include <QStringList>

ServiceCatalogModel::ServiceCatalogModel(const Catalog &catalog, const DeviceHub &devices, QObject *parent)
    : QAbstractListModel(parent), m_catalog(catalog), m_devices(devices)
{
    connect(&devices, &DeviceHub::devicesChanged, this, &ServiceCatalogModel::devicesChanged);
}

int ServiceCatalogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_catalog.services.size());
}

QVariant ServiceCatalogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ServiceSpec &s = m_catalog.services.at(index.row());
    switch (role) {
    case ServiceIdRole:
        return s.id;
    case Qt::DisplayRole:
    case NameRole:
        return s.name.in(m_language);
    case DepartmentRole:
        return s.department.in(m_language);
    case SummaryRole:
        return s.summary.in(m_language);
    case AvailableRole:
        return m_devices.unavailableReason(s.requiredDevices).isEmpty();
    case UnavailableReasonRole:
        return m_devices.residentReason(s.requiredDevices);
    }
    return {};
}

QHash<int, QByteArray> ServiceCatalogModel::roleNames() const
{
    return {{ServiceIdRole, "serviceId"},   {NameRole, "name"},           {DepartmentRole, "department"},
            {SummaryRole, "summary"},       {AvailableRole, "available"}, {UnavailableReasonRole, "unavailableReason"}};
}

void ServiceCatalogModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    beginResetModel();
    m_language = language;
    endResetModel();
}

bool ServiceCatalogModel::isAvailable(const QString &serviceId) const
{
    const ServiceSpec *s = m_catalog.find(serviceId);
    return s && m_devices.unavailableReason(s->requiredDevices).isEmpty();
}

static QStringList localizedList(const QVector<LocalizedText> &texts, const QString &language)
{
    QStringList out;
    for (const LocalizedText &t : texts)
        out.append(t.in(language));
    return out;
}

QVariantMap ServiceCatalogModel::guide(const QString &serviceId) const
{
    const ServiceSpec *s = m_catalog.find(serviceId);
    if (!s)
        return {};
    return {{QStringLiteral("serviceId"), s->id},
            {QStringLiteral("name"), s->name.in(m_language)},
            {QStringLiteral("department"), s->department.in(m_language)},
            {QStringLiteral("summary"), s->summary.in(m_language)},
            {QStringLiteral("conditions"), localizedList(s->guide.conditions, m_language)},
            {QStringLiteral("materials"), localizedList(s->guide.materials, m_language)},
            {QStringLiteral("processingTime"), s->guide.processingTime.in(m_language)},
            {QStringLiteral("fee"), s->guide.fee.in(m_language)},
            {QStringLiteral("legalBasis"), s->guide.legalBasis.in(m_language)},
            {QStringLiteral("unavailableReason"), m_devices.residentReason(s->requiredDevices)}};
}

void ServiceCatalogModel::devicesChanged()
{
    if (!m_catalog.services.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1), {AvailableRole, UnavailableReasonRole});
}
