#include "WebSessionController.h"

#include "Catalog.h"
#include "RendererProcess.h"
#include "WebRequestInterceptor.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QQuickWebEngineProfile>

Q_LOGGING_CATEGORY(lcWeb, "onestop.web")

WebSessionController::WebSessionController(QObject *parent)
    : QObject(parent), m_interceptor(new WebRequestInterceptor(this))
{
    connect(m_interceptor, &WebRequestInterceptor::blocked, this, &WebSessionController::onRequestBlocked,
            Qt::QueuedConnection);
}

WebSessionController::~WebSessionController() = default;

QObject *WebSessionController::profileObject() const
{
    return m_profile;
}

void WebSessionController::open(const QString &serviceId, const QUrl &startUrl,
                                const NavigationPolicy &policy)
{
    m_policy = policy;
    m_interceptor->setPolicy(policy);
    m_serviceId = serviceId;
    m_startUrl = startUrl;
    m_dialogs = 0;
    setErrorPage(QString());
    setNotice(QString());
    if (!m_profile) {
        // Off the record: cache and cookies in memory only, nothing under the data directory; a new one
        // for every session.
        auto *profile = new QQuickWebEngineProfile(this);
        profile->setOffTheRecord(true);
        profile->setHttpCacheType(QQuickWebEngineProfile::MemoryHttpCache);
        profile->setPersistentCookiesPolicy(QQuickWebEngineProfile::NoPersistentCookies);
        profile->setUrlRequestInterceptor(m_interceptor);
        m_profile = profile;
        emit profileChanged();
    }
    qCInfo(lcWeb).noquote() << "web service" << serviceId << "opened at"
                            << NavigationPolicy::loggable(startUrl) << "allowing"
                            << m_policy.allowedOrigins().size() << "origins";
    emit serviceChanged();
}

void WebSessionController::openService(const ServiceSpec &service, bool allowLoopbackHttp)
{
    QVector<WebOrigin> origins;
    for (const QString &text : service.allowedOrigins)
        if (const auto origin = WebOrigin::parseEntry(text))
            origins << *origin;
    open(service.id, service.startUrl, NavigationPolicy(origins, allowLoopbackHttp));
}

void WebSessionController::close()
{
    if (m_serviceId.isEmpty())
        return;
    qCInfo(lcWeb).noquote() << "web service" << m_serviceId << "closed";
    m_serviceId.clear();
    m_startUrl = QUrl();
    m_policy = NavigationPolicy();
    m_interceptor->setPolicy(m_policy);
    setErrorPage(QString());
    setNotice(QString());
    emit serviceChanged();
}

void WebSessionController::endSession()
{
    close();
    if (m_profile) {
        // Deleted after the events already queued (the view's own deletion among them).
        m_profile->deleteLater();
        m_profile = nullptr;
        emit profileChanged();
    }
    m_events = QJsonArray();
    m_blockedRequests = 0;
}

bool WebSessionController::allowNavigation(const QUrl &url, bool mainFrame)
{
    if (NavigationPolicy::isBlank(url))
        return true; // the empty document of a new frame
    const NavigationPolicy::Decision d = m_policy.decide(url);
    const QString kind = d.reason == NavigationPolicy::Reason::ExternalScheme
                             ? QStringLiteral("external_scheme")
                             : QStringLiteral("navigation");
    const QString frame = mainFrame ? QStringLiteral("page") : QStringLiteral("frame");
    record(kind,
           frame + QLatin1Char(' ') + NavigationPolicy::loggable(url) + QStringLiteral(": ") + d.explain,
           !d.allowed);
    return d.allowed;
}

QUrl WebSessionController::newWindowTarget(const QUrl &url)
{
    const NavigationPolicy::Decision d = m_policy.decide(url);
    if (d.allowed) {
        record(QStringLiteral("new_window"),
               NavigationPolicy::loggable(url) + QStringLiteral(": opened in this view"), false);
        return url;
    }
    record(QStringLiteral("new_window"), NavigationPolicy::loggable(url) + QStringLiteral(": ") + d.explain,
           true);
    return QUrl();
}

void WebSessionController::refused(const QString &kind, const QString &detail)
{
    // A dialog loop (alert() in a loop) is answered without end, but recorded and told only so often.
    if (kind == QLatin1String("dialog") && ++m_dialogs > maxDialogEvents) {
        if (m_dialogs == maxDialogEvents + 1)
            record(kind, QStringLiteral("more dialogs: refused without being recorded"), true);
        return;
    }
    record(kind, detail, true);
}

QString WebSessionController::loggable(const QUrl &url) const
{
    return NavigationPolicy::loggable(url);
}

void WebSessionController::loadFailed(const QUrl &url, int errorCode, bool certificateError)
{
    const NavigationPolicy::Decision d = m_policy.decide(url);
    if (d.reason == NavigationPolicy::Reason::ExternalScheme) {
        record(QStringLiteral("external_scheme"),
               NavigationPolicy::loggable(url) + QStringLiteral(" not launched"), true);
        return;
    }
    if (certificateError)
        return; // certificateError() recorded it and set its page
    constexpr int aborted = -3;
    constexpr int blockedByClient = -20;
    if (errorCode == aborted || errorCode == blockedByClient || !d.allowed)
        return;
    if (m_errorPage == QLatin1String("crashed")) {
        // The load the renderer's end broke (reported after it, on a loaded machine): the crash's page stays.
        qCInfo(lcWeb).noquote() << "load ended with the renderer:" << NavigationPolicy::loggable(url);
        return;
    }
    qCWarning(lcWeb).noquote() << "page not loaded:" << NavigationPolicy::loggable(url) << "net error"
                               << errorCode;
    setErrorPage(QStringLiteral("network"));
}

void WebSessionController::rendererTerminated(int status, int exitCode)
{
    record(QStringLiteral("renderer_crash"),
           QStringLiteral("status %1, exit code %2").arg(status).arg(exitCode), false);
    setErrorPage(QStringLiteral("crashed"));
}

void WebSessionController::rendererHung(qint64 pid, int silentMs)
{
    record(QStringLiteral("renderer_hang"), QStringLiteral("no answer for %1 ms").arg(silentMs), true);
    QString error;
    if (RendererProcess::kill(pid, &error)) {
        qCWarning(lcWeb).noquote() << "ended the hung renderer, process" << pid;
        return; // rendererTerminated() follows, with the kiosk's page
    }
    qCWarning(lcWeb).noquote() << "could not end the hung renderer:" << error;
    setErrorPage(QStringLiteral("crashed"));
}

void WebSessionController::clearErrorPage()
{
    setErrorPage(QString());
}

void WebSessionController::dismissNotice()
{
    setNotice(QString());
}

void WebSessionController::record(const QString &kind, const QString &detail, bool blocked)
{
    m_events.append(QJsonObject{{QStringLiteral("kind"), kind},
                                {QStringLiteral("detail"), detail},
                                {QStringLiteral("blocked"), blocked}});
    if (blocked) {
        qCInfo(lcWeb).noquote() << "refused" << kind << detail;
        const QString words = wordsFor(kind);
        if (!words.isEmpty())
            setNotice(words);
        if (kind == QLatin1String("certificate_error"))
            setErrorPage(QStringLiteral("certificate"));
    }
    emit eventRecorded(kind, detail, blocked);
}

void WebSessionController::onRequestBlocked(const QString &url, NavigationPolicy::Reason reason, bool frame,
                                            bool mainFrame)
{
    if (!frame) {
        ++m_blockedRequests;
        qCDebug(lcWeb).noquote() << "request blocked:" << url << NavigationPolicy::reasonName(reason);
        return;
    }
    const QString kind = reason == NavigationPolicy::Reason::ExternalScheme
                             ? QStringLiteral("external_scheme")
                             : QStringLiteral("navigation");
    record(kind,
           (mainFrame ? QStringLiteral("page ") : QStringLiteral("frame ")) + url +
               QStringLiteral(": request blocked (") + NavigationPolicy::reasonName(reason) +
               QLatin1Char(')'),
           true);
}

void WebSessionController::setNotice(const QString &text)
{
    if (m_notice == text)
        return;
    m_notice = text;
    emit noticeChanged();
}

void WebSessionController::setErrorPage(const QString &page)
{
    if (m_errorPage == page)
        return;
    m_errorPage = page;
    emit errorPageChanged();
}

QString WebSessionController::wordsFor(const QString &kind) const
{
    if (kind == QLatin1String("navigation"))
        return tr("That page is outside this service, so it cannot be opened at this kiosk.");
    if (kind == QLatin1String("new_window"))
        return tr("That link would open a new window, which this kiosk does not do.");
    if (kind == QLatin1String("download"))
        return tr("Files cannot be downloaded at this kiosk. Please ask the staff if you need a copy.");
    if (kind == QLatin1String("file_picker"))
        return tr("Files cannot be uploaded from this kiosk. Please ask the staff for help.");
    if (kind == QLatin1String("external_scheme"))
        return tr("That link needs another program, which this kiosk does not open.");
    if (kind == QLatin1String("permission"))
        return tr("This kiosk does not let web pages use the camera, microphone, location or other devices.");
    if (kind == QLatin1String("print"))
        return tr("Web pages cannot print at this kiosk. Please ask the staff if you need a printout.");
    if (kind == QLatin1String("auth"))
        return tr("That page asks for a sign-in that this kiosk cannot give.");
    if (kind == QLatin1String("dialog"))
        return tr("The page wanted to show a message; this kiosk does not show such messages.");
    return QString(); // context menu, fullscreen, certificate (its own page): nothing to tell
}
