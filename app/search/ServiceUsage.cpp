#include "ServiceUsage.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcUsage, "onestop.search.usage")

ServiceUsage::ServiceUsage(QString filePath) : m_path(std::move(filePath))
{
    if (!m_path.isEmpty())
        load();
}

void ServiceUsage::record(const QString &serviceId)
{
    if (serviceId.isEmpty())
        return;
    ++m_counts[serviceId];
    if (!m_path.isEmpty())
        save();
}

void ServiceUsage::load()
{
    QFile file(m_path);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcUsage).noquote() << "cannot read the service usage counts" << m_path << ":"
                                     << file.errorString() << "- starting from zero";
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    const QJsonObject counts = doc.object().value(QStringLiteral("counts")).toObject();
    if (error.error != QJsonParseError::NoError ||
        doc.object().value(QStringLiteral("version")).toInt() != 1) {
        qCWarning(lcUsage).noquote() << "service usage counts" << m_path << "are not readable ("
                                     << (error.error != QJsonParseError::NoError
                                             ? error.errorString()
                                             : QStringLiteral("unknown version"))
                                     << ") - starting from zero";
        return;
    }
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        const int n = it.value().toInt(-1);
        if (n > 0)
            m_counts.insert(it.key(), n);
    }
}

void ServiceUsage::save() const
{
    QJsonObject counts;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        counts.insert(it.key(), it.value());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(
            QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("counts"), counts}})
                .toJson(QJsonDocument::Compact)) < 0 ||
        !file.commit())
        qCWarning(lcUsage).noquote() << "cannot save the service usage counts to" << m_path << ":"
                                     << file.errorString();
}
