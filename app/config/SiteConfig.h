#pragma once

#include "IdentityTokenKeys.h"
#include "LocalizedText.h"
#include "TechnicianPin.h"

#include <QMap>
#include <QStringList>
#include <QUrl>

// How one configured device is reached. driver "simulated" uses the simulator behind the same interface.
struct DeviceConfig
{
    QString kind;      // "idcard" | "receipt_printer" | "scanner" | "camera"
    QString driver;    // "simulated", or a real driver (docs/config.md lists them)
    QString name;      // shown to staff and technicians
    QMap<QString, QString> options; // driver-specific (e.g. "paper_width_mm": "80", "source": "/dev/video0")
};

struct SessionTimeouts
{
    int idleWarningSeconds = 60; // no touch for this long -> warning
    int idleAnswerSeconds = 30;  // time to answer the warning (>= 20, WCAG 2.2.1)
    int receiptScreenSeconds = 20;
    int goodbyeSeconds = 5;
    int cardRemovedSeconds = 30; // the card left the reader mid-session: time to answer "go on?"
};

struct SyncSettings
{
    int initialBackoffMs = 1000;
    int maxBackoffMs = 60000;
    int requestTimeoutMs = 10000;    // no progress for this long ends a request
    int requestDeadlineMs = 60000;   // a whole request (connect, TLS, upload, answer) never takes longer
    int maxAnswerBytes = 1024 * 1024; // the platform's answer is read up to this size; larger = failed attempt
    int maxRetryAfterMs = 600000;    // a Retry-After never delays an item longer than this
    // An attachment is uploaded in chunks of at most this many bytes (and at most what the platform names).
    int attachmentChunkBytes = 256 * 1024;
    // Mutual TLS (docs/platform-api.md "Transport"): the platform's CA (the only trusted root: pinned),
    // and the kiosk's client certificate and key (PEM). Relative paths are relative to site.json's folder.
    QString platformCaFile;
    QString clientCertificateFile;
    QString clientKeyFile;
    // http:// platform URLs are refused unless this is set (demo and tests only).
    bool allowInsecureHttp = false;
};

// The case store (docs/store.md).
struct StoreSettings
{
    QString keyFile;         // absolute path; empty = DATA_DIR/keys/store.key
    int retentionHours = 24; // personal fields of a synced case are purged after this long
};

// The technician view behind a long press on the attract screen. No PIN configured = no way in from the
// touchscreen (kioskctl still works).
struct TechnicianSettings
{
    TechnicianPin pin;
    int idleSeconds = 120;     // the view closes itself after this long without a touch
    int maxAttempts = 5;       // wrong PINs in a row before the lock
    int lockoutSeconds = 300;  // how long the lock lasts
};

// The staff confirmation of a resident without a readable card (a passport, a damaged card): the details
// typed at the kiosk are confirmed by a staff member with this PIN, until staff login exists. No PIN
// configured = no such way at this kiosk. The lock is per kiosk, not per session.
struct StaffSettings
{
    TechnicianPin pin;        // the same salted PBKDF2 digest as the technician's, but its own PIN
    int maxAttempts = 3;      // wrong PINs in a row before the lock
    int lockoutSeconds = 300; // how long the lock lasts
};

// The platform's web services in the kiosk (docs/web-services.md).
struct WebSettings
{
    // A web service may list http:// origins on loopback (tests); without it only https origins load.
    bool allowLoopbackHttp = false;
};

struct SiteConfig
{
    QString centerId;          // e.g. "SH-XH-LHJD"
    QString kioskId;           // provisioned per kiosk, e.g. "K07"; part of every case number
    LocalizedText centerName;
    QUrl platformUrl;          // base URL of the platform API
    QString trackingUrlTemplate; // "{case_id}" and "{case_number}" are replaced; the receipt's QR
    QStringList languages;     // first is the default, e.g. ["zh_CN", "en"]
    SessionTimeouts timeouts;
    SyncSettings sync;
    StoreSettings store;
    QVector<DeviceConfig> devices;
    TechnicianSettings technician;
    StaffSettings staff; // "staff": the staff PIN that confirms typed details (no-card identification)
    IdentityTokenSettings identityTokens; // "identity_tokens": the platform's keys for personal identity codes
    WebSettings web; // "web": the web services' settings

    const DeviceConfig *device(const QString &kind) const
    {
        for (const auto &d : devices)
            if (d.kind == kind)
                return &d;
        return nullptr;
    }
};
