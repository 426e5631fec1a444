#pragma once

#include "ClientIdentity.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

// One parsed HTTP/1.x request. Header names are stored lower-case; values with surrounding blanks removed.
struct HttpRequest
{
    QByteArray method;     // "GET", "PUT", ...
    QByteArray target;     // origin-form as sent: "/api/v1/cases/abc?x=1"
    QByteArray path;       // target without the query, still percent-encoded
    QByteArray query;      // after '?', empty if none
    int versionMinor = 1;  // HTTP/1.<versionMinor>
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    ClientIdentity client; // set by the connection: who sent it (TLS client certificate)

    // The first value of a header (name in any case), empty if absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    // HTTP/1.1 keeps the connection unless "Connection: close"; HTTP/1.0 only with "Connection: keep-alive".
    bool keepAlive() const;
};

// One response. `delayMs` holds the answer back (test hook); `closeAfter` ends the connection after it.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers, e.g. Allow
    int delayMs = 0;
    bool closeAfter = false;

    static HttpResponse json(int status, const QJsonObject &object);
    // The error body every endpoint uses: {"error": "<code>", "detail": "<what is wrong>"}.
    static HttpResponse error(int status, const QString &code, const QString &detail);

    // Status line, headers (Content-Length, Connection) and body, ready to write to the socket.
    QByteArray serialize(bool keepAlive) const;
};

QByteArray httpReasonPhrase(int status);
