#pragma once

#include "SiteConfig.h"

#include <QSslConfiguration>
#include <QString>
#include <QUrl>

// The security rules of the kiosk's connection to the platform (docs/platform-api.md "Transport"):
//   - https only; http:// only with SyncSettings::allowInsecureHttp (demo and tests that say so);
//   - the platform's certificate must chain to the configured platform CA, and to nothing else (pinned:
//     the system's CAs are not trusted), and name the URL's host;
//   - the kiosk presents its client certificate and key (mutual TLS), if configured.
// Pure setup, no network. Thread: any.
struct SyncTransport
{
    // Empty when the URL may be used with these settings, otherwise why not (for staff and the log).
    static QString checkUrl(const QUrl &url, const SyncSettings &settings);
    // The TLS configuration for https requests; false + error when a file is missing or unreadable.
    static bool tlsConfiguration(const SyncSettings &settings, QSslConfiguration *configuration,
                                 QString *error);
};
