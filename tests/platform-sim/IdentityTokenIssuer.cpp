#include "IdentityTokenIssuer.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QStringList>

#include <sodium.h>

namespace IdentityTokenIssuer {

namespace {

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

HttpResponse badRequest(const QString &detail)
{
    return HttpResponse::error(400, QStringLiteral("invalid_request"), detail);
}

} // namespace

HttpResponse issue(const QJsonObject &body, qint64 nowSecs)
{
    if (sodium_init() < 0)
        return HttpResponse::error(500, QStringLiteral("internal"),
                                   QStringLiteral("libsodium did not initialise"));
    const QString kid = body.value(QStringLiteral("kid")).toString(QStringLiteral("sim-2026a"));
    static const QStringList kids{QStringLiteral("sim-2026a"), QStringLiteral("sim-2027b"),
                                  QStringLiteral("rogue")};
    if (!kids.contains(kid))
        return badRequest(QStringLiteral("kid: one of %1").arg(kids.join(QStringLiteral(", "))));
    for (const char *key : {"typ", "sub", "name"})
        if (!body.value(QLatin1String(key)).isString())
            return badRequest(QStringLiteral("%1: a string is required").arg(QLatin1String(key)));
    const QJsonValue lifetimeValue = body.value(QStringLiteral("lifetime_seconds"));
    const QJsonValue offsetValue = body.value(QStringLiteral("issued_offset_seconds"));
    const int lifetime = lifetimeValue.isUndefined() ? 120 : lifetimeValue.toInt(-1);
    const int offset = offsetValue.isUndefined() ? 0 : offsetValue.toInt(1 << 30);
    if (lifetime < 1 || lifetime > 86400)
        return badRequest(QStringLiteral("lifetime_seconds: an integer from 1 to 86400"));
    if (offset < -86400 || offset > 86400)
        return badRequest(QStringLiteral("issued_offset_seconds: an integer from -86400 to 86400"));

    QByteArray random(16, 0);
    randombytes_buf(random.data(), size_t(random.size()));
    const QString jti = QString::fromLatin1(base64Url(random));
    const qint64 iat = nowSecs + offset;
    const qint64 exp = iat + lifetime;
    const QJsonObject claims{{QStringLiteral("kid"), kid},
                             {QStringLiteral("jti"), jti},
                             {QStringLiteral("typ"), body.value(QStringLiteral("typ"))},
                             {QStringLiteral("sub"), body.value(QStringLiteral("sub"))},
                             {QStringLiteral("name"), body.value(QStringLiteral("name"))},
                             {QStringLiteral("iat"), iat},
                             {QStringLiteral("exp"), exp}};
    const QByteArray input = "OSK1." + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));

    const QByteArray seed = QCryptographicHash::hash(
        "onestop platform-sim identity token test key " + kid.toLatin1(), QCryptographicHash::Sha256);
    unsigned char publicKey[crypto_sign_PUBLICKEYBYTES];
    unsigned char secretKey[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(publicKey, secretKey, reinterpret_cast<const unsigned char *>(seed.constData()));
    QByteArray signature(crypto_sign_BYTES, 0);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(input.constData()), quint64(input.size()),
                         secretKey);
    sodium_memzero(secretKey, sizeof secretKey);

    return HttpResponse::json(
        200, {{QStringLiteral("token"), QString::fromLatin1(input + '.' + base64Url(signature))},
              {QStringLiteral("jti"), jti},
              {QStringLiteral("iat"), iat},
              {QStringLiteral("exp"), exp}});
}

} // namespace IdentityTokenIssuer
