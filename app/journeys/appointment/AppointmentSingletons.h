#pragma once

// The appointment check-in journey's controller as the QML singleton AppointmentCheckIn
// (OneStop.Journeys.Appointment). Built and owned by main.cpp (or a test), handed over through
// AppointmentSingletons::set() before the QML engine loads.

#include "AppointmentCheckInController.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

struct AppointmentSingletons
{
    AppointmentCheckInController *checkIn = nullptr;

    static void set(const AppointmentSingletons &instances) { current() = instances; }
    static AppointmentSingletons &current()
    {
        static AppointmentSingletons instances;
        return instances;
    }
};

struct AppointmentCheckInSingleton
{
    Q_GADGET
    QML_FOREIGN(AppointmentCheckInController)
    QML_NAMED_ELEMENT(AppointmentCheckIn)
    QML_SINGLETON
public:
    static AppointmentCheckInController *create(QQmlEngine *, QJSEngine *)
    {
        AppointmentCheckInController *c = AppointmentSingletons::current().checkIn;
        if (c)
            QJSEngine::setObjectOwnership(c, QJSEngine::CppOwnership);
        return c;
    }
};
