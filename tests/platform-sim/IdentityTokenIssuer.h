#pragma once

#include "HttpMessage.h"

#include <QJsonObject>

// POST /test/identity-token (test hooks only): signs a personal identity code as the platform would, with
// one of the platform-sim's test keys, for scenarios and tests (docs/platform-api.md, "Identity tokens").
// Test keys are derived from public text (seed = SHA-256("onestop platform-sim identity token test key
// <kid>")): "sim-2026a" and "sim-2027b" (whose public keys kiosk-config/site.json lists) and "rogue" (which
// no kiosk knows). They are test keys only: anyone can rebuild them. Thread: the main thread.
namespace IdentityTokenIssuer {

// Body: {"typ", "sub", "name"} required; "kid" (default "sim-2026a"), "lifetime_seconds" (default 120,
// 1..86400), "issued_offset_seconds" (default 0, -86400..86400: the iat relative to now).
// Answer 200 {"token", "jti", "iat", "exp"}; 400 for a bad body.
HttpResponse issue(const QJsonObject &body, qint64 nowSecs);

} // namespace IdentityTokenIssuer
