#pragma once

#include <QByteArray>
#include <QString>

// A technician PIN as stored in site.json: never the PIN itself, only a salted PBKDF2-SHA256 digest in the
// form "pbkdf2-sha256$<iterations>$<salt hex>$<digest hex>". kioskctl pin-hash makes one.
class TechnicianPin
{
public:
    static constexpr int minimumIterations = 10000;
    static constexpr int defaultIterations = 20000;
    static constexpr int minimumPinLength = 6;

    // Parses a stored digest; on failure returns false and says what is wrong in *error.
    static bool parse(const QString &stored, TechnicianPin *pin, QString *error);
    // A new digest for pin with a random salt.
    static QString hash(const QString &pin, int iterations = defaultIterations);

    bool matches(const QString &candidate) const;
    bool isSet() const { return !m_digest.isEmpty(); }

private:
    int m_iterations = 0;
    QByteArray m_salt;
    QByteArray m_digest;
};
