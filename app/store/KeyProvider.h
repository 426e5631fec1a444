#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Where the store's key comes from. Small on purpose: a TPM-backed provider (key sealed to the machine's
// PCRs) can replace the file without touching the store. The key is 32 bytes for
// XChaCha20-Poly1305-IETF (libsodium), see FieldCipher.h.
// Thread: the caller's; a provider is used while a store is opened.
class KeyProvider
{
public:
    static constexpr int keySize = 32;

    virtual ~KeyProvider() = default;
    // Names the key's home in messages: "key file /var/lib/onestop/keys/store.key".
    virtual QString describe() const = 0;
    // The key. When there is none yet and `mayCreate` (the store holds no encrypted rows), a new random key
    // is made and kept. Otherwise null and *error saying what is wrong (missing, unreadable, wrong size,
    // readable by others), naming the file.
    virtual std::optional<QByteArray> loadKey(bool mayCreate, QString *error) = 0;
};

// A key in a file: exactly 32 random bytes, mode 0600, in a folder of mode 0700. Created on first
// provisioning (the first start with a store that holds no encrypted rows); never replaced afterwards: a
// missing or damaged key file with an encrypted store is an error for a person to solve (restore the
// file), not something to paper over with a new key that would make every stored case unreadable.
class FileKeyProvider : public KeyProvider
{
public:
    explicit FileKeyProvider(QString path);

    // The default when site.json names no key file: DATA_DIR/keys/store.key (docs/store.md, "Keys").
    static QString defaultPath(const QString &dataDir);

    QString path() const { return m_path; }
    QString describe() const override;
    std::optional<QByteArray> loadKey(bool mayCreate, QString *error) override;

private:
    bool create(QString *error);

    QString m_path;
};
