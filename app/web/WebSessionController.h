#pragma once

#include "NavigationPolicy.h"

#include <QJsonArray>
#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class QQuickWebEngineProfile;
class WebRequestInterceptor;
struct ServiceSpec;

// The resident's web service: what the locked-down view (qml/Web/LockedWebView.qml) asks before it lets a
// page do anything, and the record of everything a page attempted.
// - The policy of the open service (its allowlist, NavigationPolicy) decides navigations; the profile's
//   WebRequestInterceptor blocks every request off the allowlist.
// - One off-the-record profile per resident session (memory-only cache and cookies, nothing on disk),
//   made when the session first opens a web service and destroyed at the session's end (endSession()),
//   so the next resident starts with no cookie, storage or cache of the previous one.
// - Every attempt is an event {kind, detail, blocked} with kind one of: navigation, new_window, download,
//   file_picker, dialog, permission, external_scheme, fullscreen, print, auth, certificate_error,
//   context_menu, renderer_crash, renderer_hang. details are loggable (no user info, query or fragment; no
//   address of a mailto: or tel:); refusals go to the log (onestop.web) and the resident gets them in plain
//   words (notice).
// The QML view does the engine's side (reject, cancel, accepted = true) and reports here. Thread: GUI.
class WebSessionController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("WebSessionController is made by the application")
    // The session's profile (a QQuickWebEngineProfile): null until a web service is opened.
    Q_PROPERTY(QObject *profile READ profileObject NOTIFY profileChanged)
    Q_PROPERTY(QString serviceId READ serviceId NOTIFY serviceChanged)
    Q_PROPERTY(QUrl startUrl READ startUrl NOTIFY serviceChanged)
    // The resident's words for the last refusal worth telling ("" when none); dismissNotice() clears it.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    // The kiosk's own page over the view: "" (none), "network" (the page could not be loaded), "crashed"
    // (the page stopped working) or "certificate" (the page's certificate is not valid).
    Q_PROPERTY(QString errorPage READ errorPage NOTIFY errorPageChanged)
    Q_PROPERTY(int eventCount READ eventCount NOTIFY eventRecorded)

public:
    explicit WebSessionController(QObject *parent = nullptr);
    ~WebSessionController() override;

    QObject *profileObject() const;
    QQuickWebEngineProfile *profile() const { return m_profile; }
    QString serviceId() const { return m_serviceId; }
    QUrl startUrl() const { return m_startUrl; }
    QString notice() const { return m_notice; }
    QString errorPage() const { return m_errorPage; }
    int eventCount() const { return m_events.size(); }
    QJsonArray events() const { return m_events; }
    const NavigationPolicy &policy() const { return m_policy; }
    // Blocked sub-resource requests (images, scripts, XHR off the allowlist): counted, not listed.
    int blockedRequests() const { return m_blockedRequests; }

    // Opens a service: its policy and start page; makes the session's profile if there is none yet.
    void open(const QString &serviceId, const QUrl &startUrl, const NavigationPolicy &policy);
    // Opens a catalog web service (ServiceSpec::isWeb()): its start page and its allowlist.
    void openService(const ServiceSpec &service, bool allowLoopbackHttp);
    // Leaves the web screen (the profile stays for the rest of the session).
    void close();
    // The resident's session ended: the profile (cookies, storage, cache in memory) is destroyed, the
    // record cleared. The view must be gone already (the screen is left before the session's end).
    void endSession();

    // The view's questions. Each records an event.
    // A frame wants to go to url: true = let it.
    Q_INVOKABLE bool allowNavigation(const QUrl &url, bool mainFrame);
    // A page asks for a new window to url: the URL to open in this same view, or an empty URL (refused).
    Q_INVOKABLE QUrl newWindowTarget(const QUrl &url);
    // Something the view refused outright (kind as above); detail without personal data.
    Q_INVOKABLE void refused(const QString &kind, const QString &detail);
    // A URL-shaped detail cut to what may be logged (NavigationPolicy::loggable).
    Q_INVOKABLE QString loggable(const QUrl &url) const;
    // A main-frame load failed. An external protocol the engine refused to launch (it never reaches
    // QDesktopServices: the view disallows unknown schemes) is recorded as external_scheme; a load the
    // kiosk blocked (net error -20) or aborted (-3) was told already; a certificate error has its own
    // page; anything else (network, server) gets the kiosk's error page.
    Q_INVOKABLE void loadFailed(const QUrl &url, int errorCode, bool certificateError);
    // The renderer process ended abnormally (crash, kill, out of memory).
    Q_INVOKABLE void rendererTerminated(int status, int exitCode);
    // The page's renderer stopped answering (RendererWatchdog): recorded as renderer_hang and ended
    // (RendererProcess::kill), so that the engine reports it terminated and the kiosk's page comes; when it
    // cannot be ended (no such process), the kiosk's page comes at once.
    Q_INVOKABLE void rendererHung(qint64 pid, int silentMs);
    // The resident chose "start of the service" on the error page or in the header.
    Q_INVOKABLE void clearErrorPage();
    Q_INVOKABLE void dismissNotice();

signals:
    void profileChanged();
    void serviceChanged();
    void noticeChanged();
    void errorPageChanged();
    void eventRecorded(const QString &kind, const QString &detail, bool blocked);

private:
    void record(const QString &kind, const QString &detail, bool blocked);
    void setNotice(const QString &text);
    void setErrorPage(const QString &page);
    void onRequestBlocked(const QString &url, NavigationPolicy::Reason reason, bool frame, bool mainFrame);
    QString wordsFor(const QString &kind) const;

    QQuickWebEngineProfile *m_profile = nullptr; // a child of this; deleted at the session's end
    WebRequestInterceptor *m_interceptor;
    NavigationPolicy m_policy;
    QString m_serviceId;
    QUrl m_startUrl;
    QString m_notice;
    QString m_errorPage;
    QJsonArray m_events;
    int m_blockedRequests = 0;
    int m_dialogs = 0; // JavaScript dialogs refused since the service was opened
    static constexpr int maxDialogEvents = 20;
};
