#include "CertificateTypes.h"

#include <QJsonValue>
#include <QVector>

namespace {

const QVector<CertificateType> &types()
{
    static const QVector<CertificateType> all = {
        {QStringLiteral("residence"), QStringLiteral("JZ"), 30},
        {QStringLiteral("household"), QStringLiteral("HJ"), 90},
    };
    return all;
}

QString field(const QJsonObject &record, const char *key)
{
    return record.value(QLatin1String(key)).toString().trimmed();
}

} // namespace

const CertificateType *CertificateType::find(const QString &type)
{
    for (const CertificateType &t : types())
        if (t.type == type)
            return &t;
    return nullptr;
}

QString CertificateType::refusal(const QJsonObject &record, const QDate &today) const
{
    if (type == QLatin1String("residence")) {
        const QDate since = QDate::fromString(field(record, "since"), Qt::ISODate);
        if (field(record, "address").isEmpty() || !since.isValid())
            return QStringLiteral("no address on record in this district");
        if (since.addMonths(6) > today)
            return QStringLiteral("lived at the address for less than six months");
        return QString();
    }
    if (field(record, "registered_address").isEmpty())
        return QStringLiteral("the household is not registered in this district");
    return QString();
}

QMap<QString, QString> CertificateType::values(const QJsonObject &record, const QString &idNumber) const
{
    QMap<QString, QString> v;
    v.insert(QStringLiteral("name"), field(record, "name"));
    v.insert(QStringLiteral("id_number"), idNumber);
    if (type == QLatin1String("residence")) {
        v.insert(QStringLiteral("address"), field(record, "address"));
        v.insert(QStringLiteral("since"), field(record, "since"));
    } else {
        v.insert(QStringLiteral("registered_address"), field(record, "registered_address"));
        v.insert(QStringLiteral("household_head"), field(record, "household_head"));
        v.insert(QStringLiteral("relationship"), field(record, "relationship"));
    }
    return v;
}

QString CertificateType::checkRecord(const QJsonObject &record)
{
    static const QStringList known = {
        QStringLiteral("id_type"),        QStringLiteral("id_number"),
        QStringLiteral("name"),           QStringLiteral("address"),
        QStringLiteral("since"),          QStringLiteral("registered_address"),
        QStringLiteral("household_head"), QStringLiteral("relationship")};
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (!known.contains(it.key()))
            return QStringLiteral("unknown key \"%1\"").arg(it.key());
        if (!it.value().isString())
            return QStringLiteral("%1: expected a string").arg(it.key());
    }
    if (field(record, "id_type").isEmpty() || field(record, "id_number").isEmpty() ||
        field(record, "name").isEmpty())
        return QStringLiteral("id_type, id_number and name are required");
    if (record.contains(QStringLiteral("since")) &&
        !QDate::fromString(field(record, "since"), Qt::ISODate).isValid())
        return QStringLiteral("since: expected YYYY-MM-DD");
    return QString();
}
