#include "WebRequestInterceptor.h"

#include <QMutexLocker>

WebRequestInterceptor::WebRequestInterceptor(QObject *parent) : QWebEngineUrlRequestInterceptor(parent) {}

void WebRequestInterceptor::setPolicy(const NavigationPolicy &policy)
{
    QMutexLocker lock(&m_mutex);
    m_policy = policy;
}

void WebRequestInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QUrl url = info.requestUrl();
    const auto type = info.resourceType();
    const bool mainFrame = type == QWebEngineUrlRequestInfo::ResourceTypeMainFrame;
    const bool frame = mainFrame || type == QWebEngineUrlRequestInfo::ResourceTypeSubFrame ||
                       type == QWebEngineUrlRequestInfo::ResourceTypeNavigationPreloadMainFrame ||
                       type == QWebEngineUrlRequestInfo::ResourceTypeNavigationPreloadSubFrame;
    NavigationPolicy::Decision decision;
    {
        QMutexLocker lock(&m_mutex);
        decision = m_policy.decide(url);
    }
    if (decision.allowed)
        return;
    const QString scheme = url.scheme().toLower();
    if (!frame && (scheme == QLatin1String("data") || scheme == QLatin1String("blob")))
        return;
    info.block(true);
    emit blocked(NavigationPolicy::loggable(url), decision.reason, frame, mainFrame);
}
