#include "IdentityTokenVerifier.h"

#include "IdNumber.h"

#include <sodium.h>

namespace {

IdNumberKind kindFor(const QString &idType)
{
    if (idType == QLatin1String("resident"))
        return IdNumberKind::ResidentId;
    if (idType == QLatin1String("hk_mo_tw_permit"))
        return IdNumberKind::HkMoTwPermit;
    if (idType == QLatin1String("foreign_2017"))
        return IdNumberKind::Foreign2017;
    if (idType == QLatin1String("foreign_2023"))
        return IdNumberKind::Foreign2023;
    return IdNumberKind::Unknown;
}

IdentityTokenVerifier::Result refuse(IdentityTokenVerifier::Problem problem, const QString &detail)
{
    IdentityTokenVerifier::Result r;
    r.problem = problem;
    r.detail = detail;
    return r;
}

} // namespace

IdentityTokenVerifier::IdentityTokenVerifier(IdentityTokenSettings settings)
    : m_settings(std::move(settings)), m_seen(m_settings.replayCacheSize)
{
    // Idempotent and thread-safe; -1 only when libsodium cannot initialise at all (no entropy source):
    // verification uses no randomness, so it still works.
    if (sodium_init() < 0)
        qWarning("libsodium: sodium_init failed");
}

QString IdentityTokenVerifier::problemCode(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return QStringLiteral("ok");
    case Problem::Malformed:
        return QStringLiteral("malformed");
    case Problem::UnknownKey:
        return QStringLiteral("unknown_key");
    case Problem::BadSignature:
        return QStringLiteral("bad_signature");
    case Problem::Expired:
        return QStringLiteral("expired");
    case Problem::NotYetValid:
        return QStringLiteral("not_yet_valid");
    case Problem::Replayed:
        return QStringLiteral("replayed");
    case Problem::CacheFull:
        return QStringLiteral("cache_full");
    }
    return QStringLiteral("unknown");
}

IdentityTokenVerifier::Result IdentityTokenVerifier::verify(const QString &code, qint64 now)
{
    const IdentityToken::Parsed parsed = IdentityToken::parse(code);
    if (!parsed.ok())
        return refuse(Problem::Malformed, parsed.error);
    const IdentityToken::Claims &claims = parsed.claims;

    // The key: named by the token, configured here, and within its own validity window now.
    const QDateTime nowUtc = QDateTime::fromSecsSinceEpoch(now, Qt::UTC);
    const IdentityTokenKey *key = nullptr;
    for (const IdentityTokenKey &candidate : m_settings.keys)
        if (candidate.kid == claims.kid)
            key = &candidate;
    if (!key)
        return refuse(Problem::UnknownKey, QStringLiteral("kid %1 is not configured").arg(claims.kid));
    if (!key->isValidAt(nowUtc))
        return refuse(Problem::UnknownKey,
                      QStringLiteral("key %1 is outside its validity window").arg(claims.kid));
    if (key->publicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return refuse(Problem::UnknownKey, QStringLiteral("key %1 is not 32 bytes").arg(claims.kid));

    if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(parsed.signature.constData()),
                                    reinterpret_cast<const unsigned char *>(parsed.signingInput.constData()),
                                    quint64(parsed.signingInput.size()),
                                    reinterpret_cast<const unsigned char *>(key->publicKey.constData())) != 0)
        return refuse(Problem::BadSignature,
                      QStringLiteral("signature does not verify with key %1").arg(claims.kid));

    // Signed by the platform, so what follows is the platform's mistake rather than a forgery.
    if (claims.expiresAt - claims.issuedAt > m_settings.maxLifetimeSeconds)
        return refuse(Problem::Malformed, QStringLiteral("lifetime %1 s exceeds %2 s")
                                              .arg(claims.expiresAt - claims.issuedAt)
                                              .arg(m_settings.maxLifetimeSeconds));
    const IdNumberCheck number = IdNumber::checkAny(claims.subject);
    if (!number.isValid() || number.kind != kindFor(claims.idType))
        return refuse(Problem::Malformed,
                      QStringLiteral("payload: \"sub\" is not a valid %1 number").arg(claims.idType));

    const int skew = m_settings.clockSkewSeconds;
    if (claims.issuedAt > now + skew)
        return refuse(Problem::NotYetValid,
                      QStringLiteral("issued %1 s in the future").arg(claims.issuedAt - now));
    if (now >= claims.expiresAt + skew)
        return refuse(Problem::Expired, QStringLiteral("expired %1 s ago").arg(now - claims.expiresAt));

    switch (
        m_seen.remember(TokenReplayCache::idFor(claims.kid, claims.tokenId), claims.expiresAt + skew, now)) {
    case TokenReplayCache::Result::AlreadySeen:
        return refuse(Problem::Replayed, QStringLiteral("token id already used"));
    case TokenReplayCache::Result::Full:
        return refuse(Problem::CacheFull, QStringLiteral("%1 live token ids remembered").arg(m_seen.size()));
    case TokenReplayCache::Result::Remembered:
        break;
    }
    Result ok;
    ok.claims = claims;
    ok.claims.subject = number.normalized;
    return ok;
}
