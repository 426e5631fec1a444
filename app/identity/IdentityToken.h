#pragma once

#include <QByteArray>
#include <QString>

// A personal identity code (随申码-style): the platform signs who the resident is, the resident's phone
// shows it as a QR code, the kiosk checks it offline. Format (docs/platform-api.md, "Identity tokens"):
//
//   OSK1.<base64url(payload JSON)>.<base64url(Ed25519 signature)>
//
// The signature (64 bytes) covers the ASCII text "OSK1.<base64url(payload JSON)>". Payload keys:
//   kid  the signing key's id          jti   token id, 16..64 of [A-Za-z0-9_-]
//   typ  resident | hk_mo_tw_permit | foreign_2017 | foreign_2023
//   sub  the card number of that type  name  the resident's name (1..64 characters)
//   iat  issued at, Unix seconds        exp   expires at, Unix seconds (iat < exp)
// Pure parsing; no key, clock or cache here (IdentityTokenVerifier does that). Any thread.
namespace IdentityToken {

inline constexpr int kMaxLength = 1024; // characters of the whole code

// True when a scanned code claims to be an identity token ("OSK" + version + '.'): it is then checked as
// one and refused as one. Other codes (appointments, tracking links) are not identity tokens.
bool isIdentityToken(const QString &code);

struct Claims
{
    QString kid;
    QString tokenId;
    QString idType; // IdCardData::cardTypeCode values
    QString subject;
    QString name;
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
};

struct Parsed
{
    Claims claims;
    QByteArray signingInput; // "OSK1.<payload>": what the signature covers
    QByteArray signature;    // 64 bytes
    QString error;           // empty when parsed; else what is wrong, naming parts, never their content
    bool ok() const { return error.isEmpty(); }
};

// Checks the shape: prefix and version, three parts, strict base64url, signature length, payload JSON
// with every key of the right type. Does not check the signature, the times or the id number.
Parsed parse(const QString &code);

// base64url without padding (RFC 4648 section 5), as used in the token.
QByteArray toBase64Url(const QByteArray &bytes);

} // namespace IdentityToken
