#pragma once

#include "WebOrigin.h"

#include <QString>
#include <QUrl>
#include <QVector>

// Where a web service's view may go: the service's allowlist of exact origins, https only (http only to
// loopback origins, and only when the site allows it for tests). Every other scheme is refused as a
// navigation: file:, view-source:, chrome:, devtools:, qrc:, data:, javascript:, blob:, about: (except
// about:blank), and every external protocol (mailto:, tel:, custom). Pure: no Qt WebEngine types; the
// engine-facing code (WebRequestInterceptor, the view's handlers) asks it. Immutable once built, so safe
// to share between threads.
class NavigationPolicy
{
public:
    // Why a URL is refused, for the event log and the resident's words.
    enum class Reason {
        None,           // allowed
        Malformed,      // not a valid address, no host, a bad port
        UserInfo,       // "https://allowed@evil": user info in the address
        Scheme,         // a scheme the view never loads (file:, data:, javascript:, ...)
        ExternalScheme, // a protocol handed to another program (mailto:, tel:, custom)
        InsecureHttp,   // http:// to a non-loopback host, or when the site does not allow it
        Origin,         // a web origin that is not on the allowlist
    };

    struct Decision
    {
        bool allowed = false;
        Reason reason = Reason::Malformed;
        QString origin;  // the normalised origin ("https://host:443"), "" when there is none
        QString scheme;  // lower case, "" when none
        QString explain; // one line for the log: no query, no fragment, no path
    };

    NavigationPolicy() = default; // allows nothing
    NavigationPolicy(QVector<WebOrigin> allowed, bool allowLoopbackHttp);

    const QVector<WebOrigin> &allowedOrigins() const { return m_allowed; }
    bool allowsLoopbackHttp() const { return m_allowLoopbackHttp; }

    Decision decide(const QUrl &url) const;
    // A URL given as text (a config value, a generated URL): parsed as the engine's URL bar would
    // (tolerantly); text with characters browsers strip or reinterpret (tab, newline, backslash in the
    // authority) is refused outright.
    Decision decide(const QString &url) const;

    // "about:blank" is the empty document every view starts with: allowed but has no origin.
    static bool isBlank(const QUrl &url);
    // The part of a URL that can go to the log: scheme://host:port/path without user info, query or
    // fragment (paths of non-web schemes are cut to the scheme: "mailto:" never logs an address).
    static QString loggable(const QUrl &url);
    static QString reasonName(Reason reason);

private:
    QVector<WebOrigin> m_allowed;
    bool m_allowLoopbackHttp = false;
};
