#include "TechnicianPin.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QStringList>

namespace {
const QString scheme = QStringLiteral("pbkdf2-sha256");

QByteArray derive(const QString &pin, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt, iterations, 32);
}

// Constant time for equal lengths: a PIN check must not tell how many leading bytes were right.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (int i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}
} // namespace

bool TechnicianPin::parse(const QString &stored, TechnicianPin *pin, QString *error)
{
    const QStringList parts = stored.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts.at(0) != scheme) {
        *error = QStringLiteral("expected \"%1$<iterations>$<salt hex>$<digest hex>\" (kioskctl pin-hash makes one)").arg(scheme);
        return false;
    }
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < minimumIterations) {
        *error = QStringLiteral("iterations must be a number of at least %1, found \"%2\"").arg(minimumIterations).arg(parts.at(1));
        return false;
    }
    const QByteArray salt = QByteArray::fromHex(parts.at(2).toLatin1());
    const QByteArray digest = QByteArray::fromHex(parts.at(3).toLatin1());
    if (salt.size() < 8 || salt.toHex() != parts.at(2).toLatin1().toLower()) {
        *error = QStringLiteral("the salt must be at least 16 hex digits");
        return false;
    }
    if (digest.size() != 32 || digest.toHex() != parts.at(3).toLatin1().toLower()) {
        *error = QStringLiteral("the digest must be 64 hex digits (SHA-256)");
        return false;
    }
    pin->m_iterations = iterations;
    pin->m_salt = salt;
    pin->m_digest = digest;
    return true;
}

QString TechnicianPin::hash(const QString &pin, int iterations)
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray salt(reinterpret_cast<const char *>(words), sizeof words);
    return QStringLiteral("%1$%2$%3$%4")
        .arg(scheme)
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toHex()), QString::fromLatin1(derive(pin, salt, iterations).toHex()));
}

bool TechnicianPin::matches(const QString &candidate) const
{
    if (!isSet())
        return false;
    return sameBytes(derive(candidate, m_salt, m_iterations), m_digest);
}
