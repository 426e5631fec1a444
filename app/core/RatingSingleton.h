#pragma once

// The rating sub-flow as the QML singleton Rating (OneStop.Core). Built and owned by main.cpp (or a test),
// handed over through RatingSingleton::set() before the QML engine loads. Without it the screens get an
// inert one of their own.

#include "QmlSingletons.h"
#include "RatingController.h"

#include <QtQml/qqmlregistration.h>

struct RatingSingleton
{
    Q_GADGET
    QML_FOREIGN(RatingController)
    QML_NAMED_ELEMENT(Rating)
    QML_SINGLETON
public:
    static void set(RatingController *controller) { current() = controller; }
    static RatingController *&current()
    {
        static RatingController *controller = nullptr;
        return controller;
    }
    static RatingController *create(QQmlEngine *, QJSEngine *) { return QmlSingletons::handOverOrInert(current()); }
};
