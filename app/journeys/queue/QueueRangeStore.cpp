#include "QueueRangeStore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcQueueRanges, "onestop.queue.ranges")

namespace {

constexpr int fileVersion = 1;

// The rename of the new file reaches the disk too.
void syncDirectory(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

QueueRangeStore::QueueRangeStore(QString filePath) : m_path(std::move(filePath)) {}

QString QueueRangeStore::formatTicketNumber(const QString &prefix, int number)
{
    return prefix + QStringLiteral("%1").arg(number, 3, 10, QLatin1Char('0'));
}

bool QueueRangeStore::load(QString *error)
{
    m_services.clear();
    m_ranges.clear();
    QFile file(m_path);
    if (!file.exists())
        return true;
    QString why;
    QJsonObject root;
    if (!file.open(QIODevice::ReadOnly)) {
        why = file.errorString();
    } else {
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
        file.close();
        root = doc.object();
        if (parse.error != QJsonParseError::NoError)
            why = parse.errorString();
        else if (root.value(QStringLiteral("version")).toInt() != fileVersion)
            why = QStringLiteral("unknown version");
    }
    for (const QJsonValue &v : root.value(QStringLiteral("services")).toArray()) {
        const QJsonObject o = v.toObject();
        m_services.append(
            {o.value(QStringLiteral("service_id")).toString(), o.value(QStringLiteral("prefix")).toString(),
             o.value(QStringLiteral("zh")).toString(), o.value(QStringLiteral("en")).toString()});
    }
    for (const QJsonValue &v : root.value(QStringLiteral("ranges")).toArray()) {
        const QJsonObject o = v.toObject();
        Range r{o.value(QStringLiteral("range_id")).toString(),
                o.value(QStringLiteral("service_id")).toString(),
                o.value(QStringLiteral("prefix")).toString(),
                QDate::fromString(o.value(QStringLiteral("day")).toString(), Qt::ISODate),
                o.value(QStringLiteral("first")).toInt(),
                o.value(QStringLiteral("last")).toInt(),
                o.value(QStringLiteral("next")).toInt(),
                {}};
        for (const QJsonValue &i : o.value(QStringLiteral("issued")).toArray()) {
            const QJsonObject t = i.toObject();
            r.issued.append({t.value(QStringLiteral("number")).toInt(),
                             t.value(QStringLiteral("issued_at")).toString(),
                             t.value(QStringLiteral("reported")).toBool()});
        }
        if (why.isEmpty() && (r.rangeId.isEmpty() || !r.day.isValid() || r.first < 1 || r.last < r.first ||
                              r.next < r.first || r.next > r.last + 1))
            why = QStringLiteral("a range is not consistent");
        m_ranges.append(r);
    }
    if (why.isEmpty())
        return true;
    // Unreadable: kept for a technician, never reused; the kiosk starts without offline numbers.
    m_services.clear();
    m_ranges.clear();
    const QString aside = m_path + QStringLiteral(".unreadable-") +
                          QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
    QFile::rename(m_path, aside);
    if (error)
        *error = QStringLiteral("%1: %2 (moved to %3)").arg(m_path, why, aside);
    qCWarning(lcQueueRanges).noquote()
        << "queue ticket ranges unreadable:" << m_path << why << "- moved to" << aside;
    return false;
}

QJsonObject QueueRangeStore::toJson() const
{
    QJsonArray services;
    for (const Service &s : m_services)
        services.append(QJsonObject{{QStringLiteral("service_id"), s.serviceId},
                                    {QStringLiteral("prefix"), s.prefix},
                                    {QStringLiteral("zh"), s.nameZh},
                                    {QStringLiteral("en"), s.nameEn}});
    QJsonArray ranges;
    for (const Range &r : m_ranges) {
        QJsonArray issued;
        for (const Issued &i : r.issued)
            issued.append(QJsonObject{{QStringLiteral("number"), i.number},
                                      {QStringLiteral("issued_at"), i.issuedAt},
                                      {QStringLiteral("reported"), i.reported}});
        ranges.append(QJsonObject{{QStringLiteral("range_id"), r.rangeId},
                                  {QStringLiteral("service_id"), r.serviceId},
                                  {QStringLiteral("prefix"), r.prefix},
                                  {QStringLiteral("day"), r.day.toString(Qt::ISODate)},
                                  {QStringLiteral("first"), r.first},
                                  {QStringLiteral("last"), r.last},
                                  {QStringLiteral("next"), r.next},
                                  {QStringLiteral("issued"), issued}});
    }
    return {{QStringLiteral("version"), fileVersion},
            {QStringLiteral("services"), services},
            {QStringLiteral("ranges"), ranges}};
}

bool QueueRangeStore::save(QString *error)
{
    QSaveFile file(m_path);
    const QByteArray bytes = QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
    // commit() flushes and fsyncs the new file before it replaces the old one.
    const bool ok = file.open(QIODevice::WriteOnly) && ::fchmod(file.handle(), 0600) == 0 &&
                    file.write(bytes) == bytes.size() && file.commit();
    if (!ok) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(m_path, file.errorString());
        qCWarning(lcQueueRanges).noquote()
            << "cannot save the queue ticket ranges to" << m_path << ":" << file.errorString();
        return false;
    }
    syncDirectory(QFileInfo(m_path).absolutePath());
    return true;
}

bool QueueRangeStore::setServices(const QList<Service> &services, QString *error)
{
    const auto same = [](const Service &a, const Service &b) {
        return a.serviceId == b.serviceId && a.prefix == b.prefix && a.nameZh == b.nameZh &&
               a.nameEn == b.nameEn;
    };
    if (services.size() == m_services.size() &&
        std::equal(services.begin(), services.end(), m_services.begin(), same))
        return true;
    const QList<Service> before = m_services;
    m_services = services;
    if (save(error))
        return true;
    m_services = before;
    return false;
}

const QueueRangeStore::Service *QueueRangeStore::service(const QString &serviceId) const
{
    for (const Service &s : m_services)
        if (s.serviceId == serviceId)
            return &s;
    return nullptr;
}

int QueueRangeStore::numbersLeft(const QString &serviceId, const QDate &day) const
{
    int left = 0;
    for (const Range &r : m_ranges)
        if (r.serviceId == serviceId && r.day == day)
            left += r.left();
    return left;
}

bool QueueRangeStore::addRange(const Range &range, QString *error)
{
    for (const Range &r : m_ranges)
        if (r.rangeId == range.rangeId)
            return true; // a retried grant: the range is known
    m_ranges.append(range);
    if (save(error))
        return true;
    m_ranges.removeLast();
    return false;
}

std::optional<QueueRangeStore::OfflineTicket> QueueRangeStore::issueOffline(const QString &serviceId,
                                                                            const QDate &day,
                                                                            const QString &issuedAt,
                                                                            QString *error)
{
    for (Range &r : m_ranges) {
        if (r.serviceId != serviceId || r.day != day || r.left() == 0)
            continue;
        const int number = r.next;
        // Used before it is shown: even if the save fails, this number is not handed out again in this run.
        ++r.next;
        r.issued.append({number, issuedAt, false});
        if (!save(error)) {
            r.issued.removeLast();
            return std::nullopt;
        }
        qCInfo(lcQueueRanges).noquote()
            << "offline ticket" << formatTicketNumber(r.prefix, number) << "from range" << r.rangeId;
        return OfflineTicket{r.rangeId, number, formatTicketNumber(r.prefix, number)};
    }
    if (error)
        error->clear();
    return std::nullopt;
}

bool QueueRangeStore::markReported(const QString &rangeId, const QList<int> &numbers, const QDate &today,
                                   QString *error)
{
    for (Range &r : m_ranges)
        if (r.rangeId == rangeId)
            for (Issued &i : r.issued)
                if (numbers.contains(i.number))
                    i.reported = true;
    // Past days' ranges whose numbers are all counted are of no more use.
    m_ranges.erase(std::remove_if(m_ranges.begin(), m_ranges.end(),
                                  [&today](const Range &r) {
                                      return r.day < today &&
                                             std::all_of(r.issued.begin(), r.issued.end(),
                                                         [](const Issued &i) { return i.reported; });
                                  }),
                   m_ranges.end());
    return save(error);
}
