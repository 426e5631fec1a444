#include "ServiceCatalogModel.h"

#include "DeviceHub.h"
#include "ServiceUsage.h"

#include <QLoggingCategory>
#include <QStringList>

#include <algorithm>

Q_LOGGING_CATEGORY(lcCatalog, "onestop.catalog")

namespace {

QVariantList termList(const QVector<CatalogTerm> &terms, const QString &language)
{
    QVariantList out;
    for (const CatalogTerm &t : terms)
        out.append(QVariantMap{{QStringLiteral("id"), t.id}, {QStringLiteral("name"), t.name.in(language)}});
    return out;
}

bool hasTerm(const QVector<CatalogTerm> &terms, const QString &id)
{
    return std::any_of(terms.begin(), terms.end(), [&id](const CatalogTerm &t) { return t.id == id; });
}

} // namespace

ServiceCatalogModel::ServiceCatalogModel(const Catalog &catalog, const DeviceHub &devices, QObject *parent)
    : QAbstractListModel(parent), m_catalog(catalog), m_devices(devices), m_index(catalog)
{
    connect(&devices, &DeviceHub::devicesChanged, this, &ServiceCatalogModel::devicesChanged);
    refresh();
}

ServiceCatalogModel::~ServiceCatalogModel() = default;

int ServiceCatalogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ServiceCatalogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ServiceSpec &s = m_catalog.services.at(m_rows.at(index.row()));
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
    case CategoryRole:
        return s.category;
    case CategoryNameRole:
        for (const CatalogTerm &t : m_catalog.categories)
            if (t.id == s.category)
                return t.name.in(m_language);
        return QString();
    }
    return {};
}

QHash<int, QByteArray> ServiceCatalogModel::roleNames() const
{
    return {{ServiceIdRole, "serviceId"},   {NameRole, "name"},
            {DepartmentRole, "department"}, {SummaryRole, "summary"},
            {AvailableRole, "available"},   {UnavailableReasonRole, "unavailableReason"},
            {CategoryRole, "category"},     {CategoryNameRole, "categoryName"}};
}

void ServiceCatalogModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    beginResetModel();
    m_language = language;
    endResetModel();
    emit languageChanged();
    emit filterChanged(); // the message is in the new language
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
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1), {AvailableRole, UnavailableReasonRole});
}

void ServiceCatalogModel::setUsage(ServiceUsage *usage)
{
    m_usage = usage;
    refresh();
}

void ServiceCatalogModel::recordUse(const QString &serviceId)
{
    if (m_usage && m_catalog.find(serviceId))
        m_usage->record(serviceId);
}

void ServiceCatalogModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    refresh();
}

void ServiceCatalogModel::setCategory(const QString &categoryId)
{
    if (categoryId == m_category)
        return;
    if (!categoryId.isEmpty() && !hasTerm(m_catalog.categories, categoryId)) {
        qCWarning(lcCatalog) << "no such category:" << categoryId;
        return;
    }
    m_category = categoryId;
    refresh();
}

void ServiceCatalogModel::setLifeEvent(const QString &lifeEventId)
{
    if (lifeEventId == m_lifeEvent)
        return;
    if (!lifeEventId.isEmpty() && !hasTerm(m_catalog.lifeEvents, lifeEventId)) {
        qCWarning(lcCatalog) << "no such life event:" << lifeEventId;
        return;
    }
    m_lifeEvent = lifeEventId;
    refresh();
}

void ServiceCatalogModel::resetFilters()
{
    m_query.clear();
    m_category.clear();
    m_lifeEvent.clear();
    refresh();
}

QString ServiceCatalogModel::message() const
{
    if (!m_rows.isEmpty())
        return {};
    if (!m_query.trimmed().isEmpty())
        return tr("No service matches \"%1\". Check the spelling, type fewer letters, or choose a category.")
            .arg(m_query.trimmed());
    return tr("There is no service in this group. Choose another one.");
}

QVariantList ServiceCatalogModel::categories() const
{
    return termList(m_catalog.categories, m_language);
}

QVariantList ServiceCatalogModel::lifeEvents() const
{
    return termList(m_catalog.lifeEvents, m_language);
}

QString ServiceCatalogModel::serviceIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_catalog.services.at(m_rows.at(row)).id : QString();
}

bool ServiceCatalogModel::passesFilters(const ServiceSpec &service) const
{
    return (m_category.isEmpty() || service.category == m_category) &&
           (m_lifeEvent.isEmpty() || service.lifeEvents.contains(m_lifeEvent));
}

void ServiceCatalogModel::refresh()
{
    QVector<int> usage(m_catalog.services.size(), 0);
    if (m_usage)
        for (int i = 0; i < m_catalog.services.size(); ++i)
            usage[i] = m_usage->count(m_catalog.services.at(i).id);
    QVector<int> rows;
    if (m_query.trimmed().isEmpty()) {
        for (int i = 0; i < m_catalog.services.size(); ++i)
            if (passesFilters(m_catalog.services.at(i)))
                rows.append(i);
        std::stable_sort(rows.begin(), rows.end(),
                         [&usage](int a, int b) { return usage.at(a) > usage.at(b); });
    } else {
        for (const SearchHit &hit : m_index.search(m_query, usage))
            if (passesFilters(m_catalog.services.at(hit.service)))
                rows.append(hit.service);
    }
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }
    emit filterChanged();
}
