#include "NavigationPolicy.h"

namespace {

// Schemes that are internal to the engine or the application: never a page's destination.
bool isInternalScheme(const QString &scheme)
{
    static const QStringList internal{
        QStringLiteral("file"),
        QStringLiteral("view-source"),
        QStringLiteral("chrome"),
        QStringLiteral("chrome-extension"),
        QStringLiteral("chrome-untrusted"),
        QStringLiteral("devtools"),
        QStringLiteral("qrc"),
        QStringLiteral("data"),
        QStringLiteral("javascript"),
        QStringLiteral("blob"),
        QStringLiteral("filesystem"),
        QStringLiteral("about"),
        QStringLiteral("ws"),
        QStringLiteral("wss"),
        QStringLiteral("ftp"),
        QStringLiteral("qt"),
        QStringLiteral("assets"),
    };
    return internal.contains(scheme);
}

} // namespace

NavigationPolicy::NavigationPolicy(QVector<WebOrigin> allowed, bool allowLoopbackHttp)
    : m_allowed(std::move(allowed)), m_allowLoopbackHttp(allowLoopbackHttp)
{
}

bool NavigationPolicy::isBlank(const QUrl &url)
{
    return url.scheme().compare(QLatin1String("about"), Qt::CaseInsensitive) == 0 &&
           url.path() == QLatin1String("blank") && !url.hasQuery() && !url.hasFragment();
}

QString NavigationPolicy::loggable(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return scheme.isEmpty() ? QStringLiteral("(no scheme)") : scheme + QLatin1Char(':');
    QUrl cut = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    return cut.toString(QUrl::FullyEncoded);
}

QString NavigationPolicy::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::None:
        return QStringLiteral("allowed");
    case Reason::Malformed:
        return QStringLiteral("malformed");
    case Reason::UserInfo:
        return QStringLiteral("user_info");
    case Reason::Scheme:
        return QStringLiteral("scheme");
    case Reason::ExternalScheme:
        return QStringLiteral("external_scheme");
    case Reason::InsecureHttp:
        return QStringLiteral("insecure_http");
    case Reason::Origin:
        return QStringLiteral("origin");
    }
    return QStringLiteral("malformed");
}

NavigationPolicy::Decision NavigationPolicy::decide(const QUrl &url) const
{
    Decision d;
    d.scheme = url.scheme().toLower();
    const auto refuse = [&d](Reason reason, const QString &explain) {
        d.allowed = false;
        d.reason = reason;
        d.explain = explain;
        return d;
    };
    if (!url.isValid() || d.scheme.isEmpty())
        return refuse(Reason::Malformed, QStringLiteral("not a valid address"));
    if (d.scheme != QLatin1String("https") && d.scheme != QLatin1String("http")) {
        if (isInternalScheme(d.scheme))
            return refuse(Reason::Scheme, QStringLiteral("scheme %1: never loaded").arg(d.scheme));
        return refuse(Reason::ExternalScheme,
                      QStringLiteral("external protocol %1: never handed on").arg(d.scheme));
    }
    QString why;
    const auto origin = WebOrigin::ofUrl(url, &why);
    if (!origin) {
        const bool userInfo = why.startsWith(QLatin1String("user info"));
        return refuse(userInfo ? Reason::UserInfo : Reason::Malformed, why);
    }
    d.origin = origin->toString();
    if (origin->scheme == QLatin1String("http") && !(m_allowLoopbackHttp && origin->isLoopback()))
        return refuse(Reason::InsecureHttp, QStringLiteral("http to %1 is not allowed").arg(d.origin));
    if (!m_allowed.contains(*origin))
        return refuse(Reason::Origin, QStringLiteral("origin %1 is not on the allowlist").arg(d.origin));
    d.allowed = true;
    d.reason = Reason::None;
    d.explain = QStringLiteral("origin %1 is on the allowlist").arg(d.origin);
    return d;
}

NavigationPolicy::Decision NavigationPolicy::decide(const QString &url) const
{
    // Browsers drop tabs and newlines anywhere and read '\' as '/' in web URLs: text that relies on
    // either means something else to the engine than to QUrl, so it is refused whole.
    for (const QChar c : url) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QLatin1Char('\\')) {
            Decision d;
            d.reason = Reason::Malformed;
            d.explain = QStringLiteral("control character or backslash in the address");
            return d;
        }
    }
    return decide(QUrl(url.trimmed(), QUrl::TolerantMode));
}
