#pragma once

// The resident's display mode as the QML singleton DisplayMode (OneStop.Core). Built and owned by main.cpp
// (or a test), handed over through AssistSingletons::set() before the QML engine loads. Without it the
// screens get an inert standard mode of their own.

#include "DisplayModeController.h"
#include "QmlSingletons.h"

#include <QtQml/qqmlregistration.h>

struct AssistSingletons
{
    DisplayModeController *displayMode = nullptr;

    static void set(const AssistSingletons &instances) { current() = instances; }
    static AssistSingletons &current()
    {
        static AssistSingletons instances;
        return instances;
    }
};

struct DisplayModeSingleton
{
    Q_GADGET
    QML_FOREIGN(DisplayModeController)
    QML_NAMED_ELEMENT(DisplayMode)
    QML_SINGLETON
public:
    static DisplayModeController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOverOrInert(AssistSingletons::current().displayMode);
    }
};
