#include "DeviceSpec.h"

DeviceBuildReport::DeviceBuildReport(const DeviceSpec &spec, QString where)
    : m_spec(spec), m_where(std::move(where))
{
}

void DeviceBuildReport::problem(const QString &message)
{
    m_problems << QStringLiteral("%1: device '%2' (%3): %4").arg(m_where, m_spec.name, m_spec.kind, message);
}

bool DeviceBuildReport::knownOptions(const QStringList &known)
{
    bool ok = true;
    for (auto it = m_spec.options.cbegin(); it != m_spec.options.cend(); ++it) {
        if (!known.contains(it.key())) {
            problem(QStringLiteral("driver '%1' has no option \"%2\" (it knows: %3)")
                        .arg(m_spec.driver, it.key(),
                             known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", "))));
            ok = false;
        }
    }
    return ok;
}

int DeviceBuildReport::intOption(const QString &key, int fallback, int minimum, int maximum)
{
    if (!m_spec.options.contains(key))
        return fallback;
    bool ok = false;
    const int value = m_spec.options.value(key).toInt(&ok);
    if (!ok || value < minimum || value > maximum) {
        problem(QStringLiteral("option \"%1\" must be a whole number from %2 to %3, found \"%4\"")
                    .arg(key)
                    .arg(minimum)
                    .arg(maximum)
                    .arg(m_spec.options.value(key)));
        return fallback;
    }
    return value;
}

QString DeviceBuildReport::requiredOption(const QString &key, const QString &example)
{
    const QString value = m_spec.options.value(key);
    if (value.isEmpty())
        problem(QStringLiteral("driver '%1' needs option \"%2\" (e.g. %3)").arg(m_spec.driver, key, example));
    return value;
}
