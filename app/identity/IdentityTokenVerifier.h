#pragma once

#include "IdentityToken.h"
#include "IdentityTokenKeys.h"
#include "TokenReplayCache.h"

// Checks personal identity codes against the platform's public keys (Ed25519, libsodium), their validity
// window and the replay cache. A code passes only once. GUI thread (the cache is not locked).
class IdentityTokenVerifier
{
public:
    enum class Problem {
        None,
        Malformed,    // not base64url / not JSON / wrong lengths / missing keys / bad card number / too
                      // long-lived
        UnknownKey,   // kid not configured, or the key is outside its not-before/not-after window
        BadSignature, // the signature does not verify: forged or altered
        Expired,      // now >= exp (+ skew)
        NotYetValid,  // iat is in the future (beyond the skew)
        Replayed,     // this token id was already used
        CacheFull,    // too many live token ids to remember another: refused, nothing forgotten early
    };

    struct Result
    {
        Problem problem = Problem::None;
        QString detail;               // for the log: names the check, never personal data
        IdentityToken::Claims claims; // filled only when problem == None
        bool ok() const { return problem == Problem::None; }
    };

    explicit IdentityTokenVerifier(IdentityTokenSettings settings);

    // `now`: Unix seconds (UTC) of the kiosk's wall clock.
    Result verify(const QString &code, qint64 now);
    static QString problemCode(Problem problem); // "malformed", "unknown_key", ... (for logs)

private:
    IdentityTokenSettings m_settings;
    TokenReplayCache m_seen;
};
