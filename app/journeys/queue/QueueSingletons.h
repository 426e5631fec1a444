#pragma once

// The queue-ticket journey's controller as the QML singleton QueueTicket (OneStop.Journeys.Queue). Built
// and owned by main.cpp (or a test), handed over through QueueSingletons::set() before the QML engine loads.

#include "QueueTicketController.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

struct QueueSingletons
{
    QueueTicketController *queueTicket = nullptr;

    static void set(const QueueSingletons &instances) { current() = instances; }
    static QueueSingletons &current()
    {
        static QueueSingletons instances;
        return instances;
    }
};

struct QueueTicketSingleton
{
    Q_GADGET
    QML_FOREIGN(QueueTicketController)
    QML_NAMED_ELEMENT(QueueTicket)
    QML_SINGLETON
public:
    static QueueTicketController *create(QQmlEngine *, QJSEngine *)
    {
        QueueTicketController *c = QueueSingletons::current().queueTicket;
        if (c)
            QJSEngine::setObjectOwnership(c, QJSEngine::CppOwnership);
        return c;
    }
};
