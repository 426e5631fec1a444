#pragma once

#include <QHash>
#include <QString>

// How often each service was used at this kiosk: one counter per service id, nothing else (no resident, no
// time, no case), so "most used first" carries no personal data. Counted when an application is saved
// (main.cpp wires SubmissionController::finished). Kept in a small JSON file in the kiosk's data
// directory ({"version": 1, "counts": {"residence-permit": 12, ...}}), written atomically after each count;
// without a file (tests) the counts live in memory. A missing file is a fresh start; an unreadable one is
// logged and started afresh (ranking data, not a case: nothing is lost that matters). Thread: GUI.
class ServiceUsage
{
public:
    explicit ServiceUsage(QString filePath = QString());

    int count(const QString &serviceId) const { return m_counts.value(serviceId); }
    void record(const QString &serviceId);
    const QString &filePath() const { return m_path; }

private:
    void load();
    void save() const;

    QString m_path;
    QHash<QString, int> m_counts;
};
