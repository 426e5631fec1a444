#include "HttpRequestParser.h"

static bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

static bool isToken(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

static bool isFieldValue(const QByteArray &s)
{
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

static bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

HttpRequestParser::HttpRequestParser(HttpLimits limits) : m_limits(limits) { }

HttpRequestParser::Status HttpRequestParser::fail(int status, const QString &message)
{
    m_stage = Stage::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    return Status::Error;
}

HttpRequestParser::Status HttpRequestParser::parse(QByteArray &buffer)
{
    if (m_stage == Stage::Failed)
        return Status::Error;
    if (m_stage == Stage::Done)
        return Status::Complete;

    if (m_stage == Stage::Head) {
        while (buffer.startsWith("\r\n"))
            buffer.remove(0, 2);
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        const qsizetype headBytes = end < 0 ? buffer.size() : end + 4;
        if (headBytes > m_limits.maxHeaderBytes)
            return fail(431, QStringLiteral("header section exceeds %1 bytes").arg(m_limits.maxHeaderBytes));
        if (end < 0)
            return Status::NeedMore;
        const QByteArray head = buffer.left(end + 2); // keeps the last line's CRLF
        buffer.remove(0, end + 4);
        if (!parseHead(head))
            return Status::Error;
        m_stage = Stage::Body;
    }

    if (buffer.size() < m_contentLength)
        return Status::NeedMore;
    m_request.body = buffer.left(m_contentLength);
    buffer.remove(0, m_contentLength);
    m_stage = Stage::Done;
    return Status::Complete;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest out = std::move(m_request);
    m_request = HttpRequest();
    m_contentLength = 0;
    m_stage = Stage::Head;
    return out;
}

bool HttpRequestParser::parseHead(const QByteArray &head)
{
    // Every line ends in CRLF; a bare CR or LF inside a line is malformed.
    QList<QByteArray> lines;
    qsizetype pos = 0;
    while (pos < head.size()) {
        const qsizetype crlf = head.indexOf("\r\n", pos);
        const QByteArray line = head.mid(pos, crlf - pos);
        if (line.contains('\r') || line.contains('\n'))
            return refuse(400, QStringLiteral("bare CR or LF inside a line"));
        lines.append(line);
        pos = crlf + 2;
    }
    if (lines.isEmpty() || !parseRequestLine(lines.first()))
        return false;
    if (lines.size() - 1 > m_limits.maxHeaderCount)
        return refuse(431, QStringLiteral("more than %1 header fields").arg(m_limits.maxHeaderCount));
    for (qsizetype i = 1; i < lines.size(); ++i)
        if (!parseHeaderLine(lines.at(i)))
            return false;
    return checkFraming();
}

bool HttpRequestParser::refuse(int status, const QString &message)
{
    fail(status, message);
    return false;
}

bool HttpRequestParser::parseRequestLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3)
        return refuse(400, QStringLiteral("request line is not 'METHOD SP target SP version'"));
    const QByteArray &method = parts.at(0), &target = parts.at(1), &version = parts.at(2);
    if (!isToken(method))
        return refuse(400, QStringLiteral("request line: method is not a token"));
    if (!target.startsWith('/'))
        return refuse(400, QStringLiteral("request line: target is not in origin-form (must start with '/')"));
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return refuse(400, QStringLiteral("request line: target contains a control, space or non-ASCII byte"));
    }
    const bool shaped = version.size() == 8 && version.startsWith("HTTP/") && version.at(6) == '.'
            && isDigit(version.at(5)) && isDigit(version.at(7));
    if (!shaped)
        return refuse(400, QStringLiteral("request line: version is not HTTP/<digit>.<digit>"));
    if (version.at(5) != '1' || (version.at(7) != '0' && version.at(7) != '1'))
        return refuse(505, QStringLiteral("request line: only HTTP/1.0 and HTTP/1.1 are supported, got %1")
                                   .arg(QString::fromLatin1(version)));
    m_request.method = method;
    m_request.target = target;
    const qsizetype q = target.indexOf('?');
    m_request.path = q < 0 ? target : target.left(q);
    m_request.query = q < 0 ? QByteArray() : target.mid(q + 1);
    m_request.versionMinor = version.at(7) - '0';
    return true;
}

bool HttpRequestParser::parseHeaderLine(const QByteArray &line)
{
    if (line.startsWith(' ') || line.startsWith('\t'))
        return refuse(400, QStringLiteral("header: obsolete line folding is not accepted"));
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return refuse(400, QStringLiteral("header: line without a field name and ':'"));
    const QByteArray name = line.left(colon);
    if (!isToken(name))
        return refuse(400, QStringLiteral("header: field name is not a token (no blanks before ':')"));
    const QByteArray value = line.mid(colon + 1).trimmed();
    if (!isFieldValue(value))
        return refuse(400, QStringLiteral("header %1: value contains a control character")
                                   .arg(QString::fromLatin1(name)));
    m_request.headers.append({name.toLower(), value});
    return true;
}

bool HttpRequestParser::checkFraming()
{
    int hostCount = 0;
    QByteArray length;
    bool hasLength = false, hasTransferEncoding = false;
    for (const auto &h : m_request.headers) {
        if (h.first == "host") {
            ++hostCount;
        } else if (h.first == "transfer-encoding") {
            hasTransferEncoding = true;
        } else if (h.first == "content-length") {
            if (hasLength && h.second != length)
                return refuse(400, QStringLiteral("header: conflicting Content-Length values"));
            hasLength = true;
            length = h.second;
        }
    }
    if (m_request.versionMinor == 1 && hostCount != 1)
        return refuse(400, QStringLiteral("header: HTTP/1.1 needs exactly one Host field, got %1").arg(hostCount));
    if (hasTransferEncoding && hasLength)
        return refuse(400, QStringLiteral("header: both Transfer-Encoding and Content-Length"));
    if (hasTransferEncoding)
        return refuse(501, QStringLiteral("header: Transfer-Encoding is not implemented; send Content-Length"));
    if (!hasLength) {
        m_contentLength = 0;
        return true;
    }
    bool digitsOnly = !length.isEmpty() && length.size() <= 18;
    for (char c : length)
        digitsOnly = digitsOnly && isDigit(c);
    if (!digitsOnly)
        return refuse(400, QStringLiteral("header: Content-Length is not a decimal number"));
    const qsizetype declared = length.toLongLong();
    if (declared > m_limits.maxBodyBytes)
        return refuse(413, QStringLiteral("body of %1 bytes exceeds the limit of %2 bytes")
                                   .arg(declared)
                                   .arg(m_limits.maxBodyBytes));
    m_contentLength = declared;
    return true;
}
