#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Encryption of the personal bytes in the store: XChaCha20-Poly1305-IETF (libsodium's AEAD), a fresh
// random 192-bit nonce per value, and associated data naming the table, the column and the row:
//   "cases.form_json|<case id>", "attachments.data|<case id>|<sequence>", "outbox.body|<seq>", ...
// so a sealed value copied into another row or column does not open there.
// A sealed value is: 0x01 (format) | nonce (24 bytes) | ciphertext | tag (16 bytes).
// Thread: any (stateless apart from the key).
class FieldCipher
{
public:
    static constexpr int overhead = 1 + 24 + 16;

    explicit FieldCipher(const QByteArray &key); // 32 bytes
    ~FieldCipher();
    FieldCipher(const FieldCipher &) = delete;
    FieldCipher &operator=(const FieldCipher &) = delete;

    static QByteArray associatedData(const char *tableColumn, const QString &row);

    QByteArray seal(const QByteArray &plain, const QByteArray &associated) const;
    // Null when the value was not sealed with this key for this place (or is damaged).
    std::optional<QByteArray> open(const QByteArray &sealed, const QByteArray &associated) const;

    // A keyed blind index of `value` (32 bytes): libsodium crypto_generichash (BLAKE2b) keyed with a subkey
    // derived from the store key for `purpose` (crypto_kdf, context "OSKblind", one subkey id per purpose).
    // The same value gives the same index under the same key, so an equality lookup works without keeping
    // the value; without the key the index says nothing about it (an ID number's small space cannot be
    // searched). purpose: 1 = the applicant's ID number (ApplicantIndex.h).
    QByteArray blindIndex(quint64 purpose, const QByteArray &value) const;

private:
    unsigned char m_key[32];
};
