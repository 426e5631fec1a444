#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// The kiosk's offline ticket numbers, durably (docs/platform-api.md, "Queue tickets"): the ranges the
// platform reserved for this kiosk, the next number of each, the numbers issued offline and whether the
// platform has counted them yet, and the last list of counter services (so that the choice can be offered
// offline). One small JSON file in the data directory (mode 0600; ticket numbers are not personal data),
// replaced atomically and fsync'ed (QSaveFile, then the directory) on every change.
// A number is issued only after the file says it is used (issueOffline persists `next` first), so no crash
// or restart can issue a number twice. A file that cannot be read is moved aside (".unreadable-<time>") and
// the kiosk starts without ranges: it then has no offline numbers until the platform grants new ones
// (never reusing the old ones, which the platform still holds for it).
// Thread: GUI.
class QueueRangeStore
{
public:
    struct Service
    {
        QString serviceId;
        QString prefix;
        QString nameZh;
        QString nameEn;
    };
    struct Issued
    {
        int number = 0;
        QString issuedAt;      // zoned ISO 8601, UTC
        bool reported = false; // the platform has counted it
    };
    struct Range
    {
        QString rangeId;
        QString serviceId;
        QString prefix;
        QDate day;
        int first = 0;
        int last = 0;
        int next = 0; // the next number to issue; > last = exhausted
        QList<Issued> issued;
        int left() const { return qMax(0, last - next + 1); }
    };
    struct OfflineTicket
    {
        QString rangeId;
        int number = 0;
        QString ticketNumber; // "A041"
    };

    explicit QueueRangeStore(QString filePath);

    // Reads the file (a missing one is an empty store). False + *error when it was unreadable (moved aside).
    bool load(QString *error);
    QString filePath() const { return m_path; }

    QList<Service> services() const { return m_services; }
    bool setServices(const QList<Service> &services, QString *error);
    const Service *service(const QString &serviceId) const;

    QList<Range> ranges() const { return m_ranges; }
    // Numbers left today for a service, over all its ranges of `day`.
    int numbersLeft(const QString &serviceId, const QDate &day) const;
    bool addRange(const Range &range, QString *error);
    // The next number of a range of `day` for the service, persisted as used before it is returned;
    // nullopt when none is left (*error empty) or when it could not be persisted (*error says why; the
    // number is not issued).
    std::optional<OfflineTicket> issueOffline(const QString &serviceId, const QDate &day,
                                              const QString &issuedAt, QString *error);
    // The platform counted these numbers of a range: marked reported. Ranges of past days with every number
    // reported are dropped.
    bool markReported(const QString &rangeId, const QList<int> &numbers, const QDate &today, QString *error);

    static QString formatTicketNumber(const QString &prefix, int number);

private:
    bool save(QString *error);
    QJsonObject toJson() const;

    QString m_path;
    QList<Service> m_services;
    QList<Range> m_ranges;
};
