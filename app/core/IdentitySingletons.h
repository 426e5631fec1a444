#pragma once

// The identify step's extra controllers as QML singletons (OneStop.Core): NoCard, the typed details of a
// resident without a readable card, confirmed by staff. Built and owned by main.cpp (or a test), handed
// over through IdentitySingletons::set() before the QML engine loads; without it the screens get an inert
// controller of their own that offers nothing (no staff PIN configured).

#include "NoCardIdentityController.h"
#include "QmlSingletons.h"

#include "Clock.h"

#include <QtQml/qqmlregistration.h>

struct IdentitySingletons
{
    NoCardIdentityController *noCard = nullptr;

    static void set(const IdentitySingletons &instances) { current() = instances; }
    static IdentitySingletons &current()
    {
        static IdentitySingletons instances;
        return instances;
    }
};

struct NoCardSingleton
{
    Q_GADGET
    QML_FOREIGN(NoCardIdentityController)
    QML_NAMED_ELEMENT(NoCard)
    QML_SINGLETON
public:
    static NoCardIdentityController *create(QQmlEngine *, QJSEngine *)
    {
        if (IdentitySingletons::current().noCard)
            return QmlSingletons::handOver(IdentitySingletons::current().noCard);
        static SystemClock clock;
        auto *inert = new NoCardIdentityController(StaffSettings{}, clock);
        QJSEngine::setObjectOwnership(inert, QJSEngine::JavaScriptOwnership);
        return inert;
    }
};
