#pragma once

#include "NavigationPolicy.h"

#include <QMutex>
#include <QWebEngineUrlRequestInterceptor>

// The profile's last word on every request the engine makes (main frame, sub frames, sub-resources,
// redirects): anything the current policy refuses is blocked before it leaves the machine. Inline
// content of a page (data: and blob: sub-resources) is not a network request and passes; data: and
// blob: as a frame's document do not. Blocked frame loads are reported (blocked()); blocked
// sub-resources are counted. interceptRequest() may run on the engine's IO thread, so the policy is
// copied in under a lock. Thread: created on the GUI thread; interceptRequest on any.
class WebRequestInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    explicit WebRequestInterceptor(QObject *parent = nullptr);

    void setPolicy(const NavigationPolicy &policy);
    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

signals:
    // Emitted from the thread that intercepted (connect queued or auto). url is loggable (no query).
    void blocked(const QString &url, NavigationPolicy::Reason reason, bool frame, bool mainFrame);

private:
    mutable QMutex m_mutex;
    NavigationPolicy m_policy;
};
