#include "FieldCipher.h"

#include <sodium.h>

#include <cstring>

static constexpr unsigned char kFormat = 0x01;

FieldCipher::FieldCipher(const QByteArray &key)
{
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
    Q_ASSERT(key.size() == int(sizeof m_key));
    static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == sizeof m_key);
    std::memcpy(m_key, key.constData(), sizeof m_key);
}

FieldCipher::~FieldCipher()
{
    sodium_memzero(m_key, sizeof m_key);
}

QByteArray FieldCipher::associatedData(const char *tableColumn, const QString &row)
{
    return QByteArray(tableColumn) + '|' + row.toUtf8();
}

QByteArray FieldCipher::seal(const QByteArray &plain, const QByteArray &associated) const
{
    static_assert(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES == 24);
    static_assert(crypto_aead_xchacha20poly1305_ietf_ABYTES == 16);
    QByteArray sealed(overhead + plain.size(), Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(sealed.data());
    out[0] = kFormat;
    randombytes_buf(out + 1, 24);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        out + 25, &length, reinterpret_cast<const unsigned char *>(plain.constData()), plain.size(),
        reinterpret_cast<const unsigned char *>(associated.constData()), associated.size(), nullptr, out + 1,
        m_key);
    return sealed;
}

std::optional<QByteArray> FieldCipher::open(const QByteArray &sealed, const QByteArray &associated) const
{
    if (sealed.size() < overhead || static_cast<unsigned char>(sealed.at(0)) != kFormat)
        return std::nullopt;
    const auto *in = reinterpret_cast<const unsigned char *>(sealed.constData());
    QByteArray plain(sealed.size() - overhead, Qt::Uninitialized);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(plain.data()), &length, nullptr, in + 25, sealed.size() - 25,
            reinterpret_cast<const unsigned char *>(associated.constData()), associated.size(), in + 1,
            m_key) != 0)
        return std::nullopt;
    plain.resize(qsizetype(length));
    return plain;
}

QByteArray FieldCipher::blindIndex(quint64 purpose, const QByteArray &value) const
{
    static_assert(crypto_kdf_KEYBYTES == sizeof m_key);
    unsigned char subkey[crypto_generichash_KEYBYTES];
    crypto_kdf_derive_from_key(subkey, sizeof subkey, purpose, "OSKblind", m_key);
    QByteArray index(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(index.data()), size_t(index.size()),
                       reinterpret_cast<const unsigned char *>(value.constData()), size_t(value.size()),
                       subkey, sizeof subkey);
    sodium_memzero(subkey, sizeof subkey);
    return index;
}
