#include "WebOrigin.h"

#include <QHostAddress>

namespace {

int defaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("https"))
        return 443;
    if (scheme == QLatin1String("http"))
        return 80;
    return -1;
}

// The host in the form the engine connects to: ACE (punycode) for IDN, lower case, no trailing dot.
// Empty when the host cannot be a network host.
QString normalisedHost(const QUrl &url)
{
    QString host = url.host(QUrl::FullyEncoded).toLower();
    if (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    if (host.isEmpty() || host.endsWith(QLatin1Char('.')) || host.contains(QLatin1Char('%')))
        return QString();
    // QUrl keeps IPv6 hosts without brackets.
    if (host.contains(QLatin1Char(':')))
        return QLatin1Char('[') + host + QLatin1Char(']');
    return host;
}

} // namespace

QString WebOrigin::toString() const
{
    return QStringLiteral("%1://%2:%3").arg(scheme, host).arg(port);
}

bool WebOrigin::isLoopback() const
{
    if (host == QLatin1String("localhost"))
        return true;
    QString bare = host;
    if (bare.startsWith(QLatin1Char('[')) && bare.endsWith(QLatin1Char(']')))
        bare = bare.mid(1, bare.size() - 2);
    QHostAddress address;
    return address.setAddress(bare) && address.isLoopback();
}

std::optional<WebOrigin> WebOrigin::ofUrl(const QUrl &url, QString *why)
{
    const auto refuse = [why](const QString &reason) -> std::optional<WebOrigin> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (!url.isValid())
        return refuse(QStringLiteral("not a valid address"));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return refuse(QStringLiteral("scheme \"%1\" is not a web scheme")
                          .arg(scheme.isEmpty() ? QStringLiteral("(none)") : scheme));
    // "https://allowed.example@evil.example" is a visit to evil.example: any user info is refused.
    if (!url.userInfo().isEmpty() || url.authority().contains(QLatin1Char('@')))
        return refuse(QStringLiteral("user info in the address"));
    const QString host = normalisedHost(url);
    if (host.isEmpty())
        return refuse(QStringLiteral("no valid host"));
    WebOrigin origin;
    origin.scheme = scheme;
    origin.host = host;
    origin.port = url.port(defaultPort(scheme));
    if (origin.port <= 0 || origin.port > 65535)
        return refuse(QStringLiteral("no valid port"));
    return origin;
}

std::optional<WebOrigin> WebOrigin::parseEntry(const QString &text, QString *why)
{
    const auto refuse = [why](const QString &reason) -> std::optional<WebOrigin> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (text.trimmed() != text || text.isEmpty())
        return refuse(QStringLiteral("an origin has no spaces around it"));
    for (const QChar c : text)
        if (c.unicode() < 0x21 || c == QLatin1Char('\\'))
            return refuse(QStringLiteral("an origin has no spaces, control characters or backslashes"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return refuse(QStringLiteral("not a valid origin (%1)").arg(url.errorString()));
    if (text != text.toLower())
        return refuse(QStringLiteral("an origin is written in lower case"));
    if (url.hasQuery() || url.hasFragment() || !(url.path().isEmpty() || url.path() == QLatin1String("/")))
        return refuse(QStringLiteral("an origin is scheme://host[:port] only (no path, query or fragment)"));
    if (!url.userInfo().isEmpty() || text.contains(QLatin1Char('@')))
        return refuse(QStringLiteral("an origin has no user info"));
    if (url.host().endsWith(QLatin1Char('.')))
        return refuse(QStringLiteral("an origin's host has no trailing dot"));
    return ofUrl(url, why);
}
