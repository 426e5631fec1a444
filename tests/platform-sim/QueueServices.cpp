#include "QueueServices.h"

#include <QRegularExpression>

const QList<QueueService> &QueueServices::all()
{
    static const QList<QueueService> services{
        {QStringLiteral("general"), QStringLiteral("A"), QStringLiteral("综合受理"),
         QStringLiteral("General affairs")},
        {QStringLiteral("social-insurance"), QStringLiteral("B"), QStringLiteral("社保医保"),
         QStringLiteral("Social and medical insurance")},
        {QStringLiteral("household"), QStringLiteral("C"), QStringLiteral("户籍与证明"),
         QStringLiteral("Household registration and certificates")},
    };
    return services;
}

const QueueService *QueueServices::find(const QString &serviceId)
{
    for (const QueueService &s : all())
        if (s.serviceId == serviceId)
            return &s;
    return nullptr;
}

bool QueueServices::isValidCenterId(const QString &centerId)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z0-9-]{2,32}$"));
    return pattern.match(centerId).hasMatch();
}
