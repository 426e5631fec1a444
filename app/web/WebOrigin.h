#pragma once

#include <QString>
#include <QUrl>

#include <optional>

// An origin as the web platform means it: scheme, host and port, nothing else. Hosts are compared in
// their ASCII (punycode) form, lower case, without a trailing dot; the port is always explicit (443 for
// https, 80 for http). Pure: no Qt WebEngine types, safe on any thread.
struct WebOrigin
{
    QString scheme; // "https" | "http"
    QString host;   // ACE form: "xn--fiqs8s.example", "127.0.0.1", "[::1]" for IPv6
    int port = -1;

    bool operator==(const WebOrigin &other) const
    {
        return scheme == other.scheme && host == other.host && port == other.port;
    }
    bool operator!=(const WebOrigin &other) const { return !(*this == other); }
    bool isValid() const { return !scheme.isEmpty() && !host.isEmpty() && port > 0; }
    // "https://service.example:443"
    QString toString() const;
    // The host is 127.0.0.0/8, ::1 or "localhost".
    bool isLoopback() const;

    // The origin of a URL the engine reports or a page asks for: http(s) only, no user info; nullopt
    // with the reason otherwise. Percent-encoded host bytes, Unicode (IDN) hosts, upper case, a
    // trailing dot and default ports are normalised first.
    static std::optional<WebOrigin> ofUrl(const QUrl &url, QString *why = nullptr);
    // An allowlist entry as written in the catalog: exactly "scheme://host[:port]" (no path, query,
    // fragment or user info; a lone "/" is tolerated). nullopt with the reason otherwise.
    static std::optional<WebOrigin> parseEntry(const QString &text, QString *why = nullptr);
};
