#pragma once

// The certificate journey's controller as the QML singleton Certificate (OneStop.Journeys.Certificate).
// Built and owned by main.cpp (or a test), handed over through CertificateSingletons::set() before the QML
// engine loads.

#include "CertificateController.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

struct CertificateSingletons
{
    CertificateController *certificate = nullptr;

    static void set(const CertificateSingletons &instances) { current() = instances; }
    static CertificateSingletons &current()
    {
        static CertificateSingletons instances;
        return instances;
    }
};

struct CertificateSingleton
{
    Q_GADGET
    QML_FOREIGN(CertificateController)
    QML_NAMED_ELEMENT(Certificate)
    QML_SINGLETON
public:
    static CertificateController *create(QQmlEngine *, QJSEngine *)
    {
        CertificateController *c = CertificateSingletons::current().certificate;
        if (c)
            QJSEngine::setObjectOwnership(c, QJSEngine::CppOwnership);
        return c;
    }
};
