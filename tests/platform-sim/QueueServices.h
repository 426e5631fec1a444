#pragma once

#include <QList>
#include <QString>

// The counter services of a service center that take queue tickets (docs/platform-api.md, "Queue
// tickets"). The simulator offers the same three at every center; a real platform has its own per center.
// Thread: any (constant data).
struct QueueService
{
    QString serviceId; // "general"
    QString prefix;    // "A": the ticket numbers' letter
    QString nameZh;
    QString nameEn;
};

struct QueueServices
{
    static const QList<QueueService> &all();
    static const QueueService *find(const QString &serviceId);
    // A center id the simulator accepts: 2..32 of [A-Z0-9-].
    static bool isValidCenterId(const QString &centerId);
};
