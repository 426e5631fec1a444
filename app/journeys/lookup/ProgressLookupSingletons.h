#pragma once

// The progress lookup journey's controller as the QML singleton Lookup (OneStop.Journeys.Lookup). Built and
// owned by main.cpp (or a test), handed over through LookupSingletons::set() before the QML engine loads.

#include "ProgressLookupController.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

struct LookupSingletons
{
    ProgressLookupController *lookup = nullptr;

    static void set(const LookupSingletons &instances) { current() = instances; }
    static LookupSingletons &current()
    {
        static LookupSingletons instances;
        return instances;
    }
};

struct ProgressLookupSingleton
{
    Q_GADGET
    QML_FOREIGN(ProgressLookupController)
    QML_NAMED_ELEMENT(Lookup)
    QML_SINGLETON
public:
    static ProgressLookupController *create(QQmlEngine *, QJSEngine *)
    {
        ProgressLookupController *c = LookupSingletons::current().lookup;
        if (c)
            QJSEngine::setObjectOwnership(c, QJSEngine::CppOwnership);
        return c;
    }
};
