#pragma once

// The resident's web service controller as the QML singleton Web (OneStop.Web). main.cpp (or the probe,
// or a test) builds and owns it and hands it over through WebSingletons::set() before the QML engine
// loads; without one, QML gets an inert controller (no profile, allows nothing) so that every screen
// still loads (the self-test, screen tests without a web service).

#include "WebSessionController.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

struct WebSingletons
{
    WebSessionController *web = nullptr;

    static void set(const WebSingletons &instances) { current() = instances; }
    static WebSingletons &current()
    {
        static WebSingletons instances;
        return instances;
    }
};

struct WebSingleton
{
    Q_GADGET
    QML_FOREIGN(WebSessionController)
    QML_NAMED_ELEMENT(Web)
    QML_SINGLETON
public:
    static WebSessionController *create(QQmlEngine *, QJSEngine *)
    {
        if (WebSessionController *web = WebSingletons::current().web) {
            QJSEngine::setObjectOwnership(web, QJSEngine::CppOwnership);
            return web;
        }
        auto *inert = new WebSessionController;
        QJSEngine::setObjectOwnership(inert, QJSEngine::JavaScriptOwnership);
        return inert;
    }
};
