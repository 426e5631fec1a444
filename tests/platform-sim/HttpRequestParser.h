#pragma once

#include "HttpMessage.h"

// Incremental HTTP/1.0 and HTTP/1.1 request parser (RFC 9112), pure and socket-free so it can be fed
// any byte sequence in tests. Supports what the platform API needs: origin-form targets, header fields,
// and bodies framed by Content-Length. Anything else is refused with the status a server should send:
//   400 malformed request line / header / Content-Length, missing Host in HTTP/1.1, both
//       Transfer-Encoding and Content-Length
//   413 declared body larger than HttpLimits::maxBodyBytes (refused before the body arrives)
//   431 header section larger than HttpLimits::maxHeaderBytes or more than HttpLimits::maxHeaderCount fields
//   501 Transfer-Encoding (chunked bodies are not implemented)
//   505 an HTTP version other than 1.0 / 1.1
// Lines end in CRLF; empty lines before the request line are skipped (RFC 9112 section 2.2).
// After an error the parser stays failed; the connection answers and closes.
struct HttpLimits
{
    qsizetype maxHeaderBytes = 8 * 1024;       // request line + header fields + the empty line
    int maxHeaderCount = 64;
    qsizetype maxBodyBytes = 16 * 1024 * 1024; // case JSON with embedded attachments
};

class HttpRequestParser
{
public:
    enum class Status { NeedMore, Complete, Error };

    explicit HttpRequestParser(HttpLimits limits = HttpLimits());

    // Consumes from `buffer` the bytes it uses (a pipelined next request stays in it).
    // Complete: takeRequest() returns the request and the parser is ready for the next one.
    Status parse(QByteArray &buffer);
    HttpRequest takeRequest();

    int errorStatus() const { return m_errorStatus; }
    QString errorMessage() const { return m_errorMessage; }
    const HttpLimits &limits() const { return m_limits; }

private:
    Status fail(int status, const QString &message);
    bool refuse(int status, const QString &message); // fail() for the bool-returning steps
    bool parseHead(const QByteArray &head);
    bool parseRequestLine(const QByteArray &line);
    bool parseHeaderLine(const QByteArray &line);
    bool checkFraming();

    enum class Stage { Head, Body, Done, Failed };
    HttpLimits m_limits;
    Stage m_stage = Stage::Head;
    HttpRequest m_request;
    qsizetype m_contentLength = 0;
    int m_errorStatus = 0;
    QString m_errorMessage;
};
