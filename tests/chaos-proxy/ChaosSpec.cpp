#include "ChaosSpec.h"

#include <QStringList>

namespace {

const char *const faultKeys[ChaosSpec::faultCount] = {"drop",     "delay",   "500",     "503",     "reset",
                                                      "truncate", "garbage", "trickle", "oversize"};

} // namespace

QString chaosFaultName(ChaosFault fault)
{
    if (fault == ChaosFault::None)
        return QStringLiteral("none");
    return QString::fromLatin1(faultKeys[int(fault) - 1]);
}

std::optional<ChaosSpec> ChaosSpec::parse(const QString &text, QString *error)
{
    ChaosSpec spec;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed == QLatin1String("off"))
        return spec;
    double sum = 0;
    for (const QString &item : trimmed.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        const QString key = item.left(eq).trimmed();
        const QString value = eq < 0 ? QString() : item.mid(eq + 1).trimmed();
        bool ok = false;
        if (key == QLatin1String("seed")) {
            spec.seed = value.toUInt(&ok);
        } else if (key == QLatin1String("delay_ms") || key == QLatin1String("trickle_ms") ||
                   key == QLatin1String("oversize_bytes")) {
            const int n = value.toInt(&ok);
            ok = ok && n > 0 && n <= 64 * 1024 * 1024;
            (key == QLatin1String("delay_ms")     ? spec.delayMs
             : key == QLatin1String("trickle_ms") ? spec.trickleMs
                                                  : spec.oversizeBytes) = n;
        } else {
            int index = -1;
            for (int i = 0; i < faultCount; ++i)
                if (key == QLatin1String(faultKeys[i]))
                    index = i;
            if (index < 0) {
                *error = QStringLiteral("chaos: unknown key \"%1\"").arg(key);
                return std::nullopt;
            }
            const double p = value.toDouble(&ok);
            ok = ok && p >= 0 && p <= 1;
            spec.probability[size_t(index)] = p;
            sum += p;
        }
        if (!ok) {
            *error = QStringLiteral("chaos: %1: bad value \"%2\"").arg(key, value);
            return std::nullopt;
        }
    }
    if (sum > 1.0 + 1e-9) {
        *error = QStringLiteral("chaos: the probabilities add up to %1, more than 1").arg(sum);
        return std::nullopt;
    }
    return spec;
}

bool ChaosSpec::isOff() const
{
    for (double p : probability)
        if (p > 0)
            return false;
    return true;
}

QString ChaosSpec::toString() const
{
    QStringList parts{QStringLiteral("seed=%1").arg(seed)};
    for (int i = 0; i < faultCount; ++i)
        if (probability[size_t(i)] > 0)
            parts << QStringLiteral("%1=%2").arg(QLatin1String(faultKeys[i])).arg(probability[size_t(i)]);
    return isOff() ? QStringLiteral("off") : parts.join(QLatin1Char(','));
}

void Chaos::setSpec(const ChaosSpec &spec)
{
    m_spec = spec;
    m_random.seed(spec.seed);
}

ChaosFault Chaos::next()
{
    if (m_spec.isOff())
        return ChaosFault::None;
    double r = m_random.generateDouble();
    for (int i = 0; i < ChaosSpec::faultCount; ++i) {
        r -= m_spec.probability[size_t(i)];
        if (r < 0)
            return ChaosFault(i + 1);
    }
    return ChaosFault::None;
}

QByteArray Chaos::garbage(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(m_random.bounded(256));
    return bytes;
}
