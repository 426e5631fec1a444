#include "IdentityToken.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace IdentityToken {

namespace {

const QLatin1String kPrefix("OSK1.");

// Strict base64url: only the URL alphabet, no padding, no whitespace.
bool decodeBase64Url(const QByteArray &text, QByteArray *out)
{
    static const QRegularExpression alphabet(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (text.isEmpty() || !alphabet.match(QString::fromLatin1(text)).hasMatch() || text.size() % 4 == 1)
        return false;
    const auto result =
        QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                                 QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *out = *result;
    return true;
}

QString readString(const QJsonObject &o, const char *key, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString() && error->isEmpty())
        *error = QStringLiteral("payload: \"%1\" missing or not a string").arg(QLatin1String(key));
    return v.toString();
}

qint64 readSeconds(const QJsonObject &o, const char *key, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    const double d = v.toDouble(-1);
    if ((!v.isDouble() || d < 0 || d > 1e11 || d != double(qint64(d))) && error->isEmpty())
        *error = QStringLiteral("payload: \"%1\" missing or not whole Unix seconds").arg(QLatin1String(key));
    return qint64(d);
}

} // namespace

bool isIdentityToken(const QString &code)
{
    static const QRegularExpression versioned(QStringLiteral("^OSK[0-9]+\\."));
    return versioned.match(code).hasMatch();
}

QByteArray toBase64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Parsed parse(const QString &code)
{
    Parsed p;
    if (code.size() > kMaxLength) {
        p.error = QStringLiteral("length: %1 characters, at most %2").arg(code.size()).arg(kMaxLength);
        return p;
    }
    if (!code.startsWith(kPrefix)) {
        p.error = QStringLiteral("version: not OSK1");
        return p;
    }
    const QByteArray text = code.toLatin1();
    const QList<QByteArray> parts = text.split('.');
    if (parts.size() != 3) {
        p.error = QStringLiteral("structure: %1 parts, expected 3").arg(parts.size());
        return p;
    }
    QByteArray payload;
    if (!decodeBase64Url(parts.at(1), &payload)) {
        p.error = QStringLiteral("payload: not base64url");
        return p;
    }
    if (!decodeBase64Url(parts.at(2), &p.signature)) {
        p.error = QStringLiteral("signature: not base64url");
        return p;
    }
    if (p.signature.size() != 64) {
        p.error = QStringLiteral("signature: %1 bytes, expected 64").arg(p.signature.size());
        return p;
    }
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !document.isObject()) {
        p.error = QStringLiteral("payload: not a JSON object");
        return p;
    }
    const QJsonObject o = document.object();
    QString error;
    Claims &c = p.claims;
    c.kid = readString(o, "kid", &error);
    c.tokenId = readString(o, "jti", &error);
    c.idType = readString(o, "typ", &error);
    c.subject = readString(o, "sub", &error);
    c.name = readString(o, "name", &error);
    c.issuedAt = readSeconds(o, "iat", &error);
    c.expiresAt = readSeconds(o, "exp", &error);
    static const QRegularExpression kid(QStringLiteral("^[A-Za-z0-9._-]{1,32}$"));
    static const QRegularExpression jti(QStringLiteral("^[A-Za-z0-9_-]{16,64}$"));
    static const QStringList types{QStringLiteral("resident"), QStringLiteral("hk_mo_tw_permit"),
                                   QStringLiteral("foreign_2017"), QStringLiteral("foreign_2023")};
    if (error.isEmpty() && !kid.match(c.kid).hasMatch())
        error = QStringLiteral("payload: \"kid\" is not 1..32 of [A-Za-z0-9._-]");
    if (error.isEmpty() && !jti.match(c.tokenId).hasMatch())
        error = QStringLiteral("payload: \"jti\" is not 16..64 of [A-Za-z0-9_-]");
    if (error.isEmpty() && !types.contains(c.idType))
        error = QStringLiteral("payload: \"typ\" is not a known card type");
    if (error.isEmpty() && (c.name.trimmed().isEmpty() || c.name.size() > 64))
        error = QStringLiteral("payload: \"name\" is empty or longer than 64 characters");
    if (error.isEmpty() && c.expiresAt <= c.issuedAt)
        error = QStringLiteral("payload: \"exp\" is not after \"iat\"");
    if (!error.isEmpty()) {
        p.error = error;
        p.claims = Claims();
        return p;
    }
    p.signingInput = parts.at(0) + '.' + parts.at(1);
    return p;
}

} // namespace IdentityToken
