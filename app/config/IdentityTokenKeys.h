#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QVector>

// One of the platform's Ed25519 public keys for personal identity codes (docs/platform-api.md, "Identity
// tokens"). Several keys may be valid at once (rotation): a token names its key by `kid`.
struct IdentityTokenKey
{
    QString kid;          // 1..32 characters of [A-Za-z0-9._-]
    QByteArray publicKey; // 32 bytes (crypto_sign_PUBLICKEYBYTES)
    QDateTime notBefore;  // UTC; invalid = no lower bound
    QDateTime notAfter;   // UTC; invalid = no upper bound

    bool isValidAt(const QDateTime &utc) const
    {
        return (!notBefore.isValid() || utc >= notBefore) && (!notAfter.isValid() || utc <= notAfter);
    }
};

struct IdentityTokenSettings
{
    QVector<IdentityTokenKey> keys; // none configured = every identity code is refused (unknown key)
    int maxLifetimeSeconds = 300;   // exp - iat may not exceed this
    int clockSkewSeconds = 60;      // tolerated difference between the platform's clock and ours
    int replayCacheSize = 4096;     // token ids remembered until they expire
};
